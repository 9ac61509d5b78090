import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { STOCK_LEDGER_MODULE } from "../../../../../modules/stock-ledger"
import type StockLedgerModuleService from "../../../../../modules/stock-ledger/service"
import { syncStockAlerts } from "../../../../../utils/stock-ledger"
import type { AdminSetLowStockThresholdType } from "./validators"

async function inventoryItemOr404(req: MedusaRequest) {
  const [item] = await req.scope.resolve(Modules.INVENTORY).listInventoryItems({ id: req.params.id }, { select: ["id"] })
  if (!item) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Inventory item with id: ${req.params.id} was not found`)
  }
  return item
}

/** GET /admin/inventory-items/:id/low-stock-threshold — the threshold in force and whether it is the store default. */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const item = await inventoryItemOr404(req)
  const ledger = req.scope.resolve<StockLedgerModuleService>(STOCK_LEDGER_MODULE)
  res.json({ low_stock_threshold: { inventory_item_id: item.id, ...(await ledger.thresholdFor(item.id)) } })
}

/**
 * POST /admin/inventory-items/:id/low-stock-threshold — sets the item's own threshold (null: back
 * to the default) and re-judges its levels at once, so an alert opens or resolves without waiting
 * for the next stock change.
 */
export async function POST(req: MedusaRequest<AdminSetLowStockThresholdType>, res: MedusaResponse) {
  const item = await inventoryItemOr404(req)
  const ledger = req.scope.resolve<StockLedgerModuleService>(STOCK_LEDGER_MODULE)
  const result = await ledger.setThreshold(item.id, req.validatedBody.threshold)
  const levels = await req.scope.resolve(Modules.INVENTORY).listInventoryLevels(
    { inventory_item_id: item.id },
    { select: ["inventory_item_id", "location_id"] }
  )
  for (const level of levels) {
    await syncStockAlerts(req.scope, { inventory_item_id: level.inventory_item_id, location_id: level.location_id })
  }
  res.json({ low_stock_threshold: { inventory_item_id: item.id, ...result } })
}
