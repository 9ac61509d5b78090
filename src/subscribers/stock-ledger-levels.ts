import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { InventoryEvents, Modules } from "@medusajs/framework/utils"
import { syncStockLedger } from "../utils/stock-ledger"

/**
 * Every write to an inventory level (admin edits, imports, fulfilments, reservations) emits one
 * of these with the level's id only; the ledger records the difference to the level as it is now.
 */
export default async function stockLedgerLevels({ event, container }: SubscriberArgs<{ id: string }>) {
  const inventory = container.resolve(Modules.INVENTORY)
  // withDeleted: a deleted level still names its item+location, whose ledger then closes at 0.
  const [level] = await inventory.listInventoryLevels({ id: event.data.id }, { withDeleted: true })
  if (!level) {
    return
  }
  await syncStockLedger(container, { inventory_item_id: level.inventory_item_id, location_id: level.location_id })
}

export const config: SubscriberConfig = {
  event: [
    InventoryEvents.INVENTORY_LEVEL_CREATED,
    InventoryEvents.INVENTORY_LEVEL_UPDATED,
    InventoryEvents.INVENTORY_LEVEL_DELETED,
  ],
  context: { subscriberId: "stock-ledger-levels" },
}
