import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { reconcileStockLedger } from "../utils/stock-ledger"

/**
 * Every five minutes: every inventory level whose ledger does not end at it gets the missing
 * entry and its low-stock alerts, so a lost event costs minutes of history detail, not a ledger
 * that no longer sums to the level.
 */
export default async function reconcileStockLedgerJob(container: MedusaContainer) {
  const { checked, synced } = await reconcileStockLedger(container)
  if (synced) {
    container.resolve(ContainerRegistrationKeys.LOGGER).info(`stock ledger: caught up ${synced} of ${checked} inventory levels`)
  }
}

export const config = {
  name: "reconcile-stock-ledger",
  schedule: "*/5 * * * *",
}
