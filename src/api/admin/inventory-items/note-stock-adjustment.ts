import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { STOCK_LEDGER_MODULE } from "../../../modules/stock-ledger"
import type StockLedgerModuleService from "../../../modules/stock-ledger/service"
import { isStockLedgerEnabled } from "../../../utils/stock-ledger"

type Caller = { auth_context?: { actor_id?: string; actor_type?: string } }

/**
 * Before Medusa's `POST /admin/inventory-items/:id/location-levels/:location_id` changes a
 * level, leaves a note of which admin user does it. The inventory event that follows carries
 * only the level's id; the ledger consumes the note when it records the change. A request that
 * fails removes its note again.
 */
export async function noteStockAdjustment(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const { id: inventoryItemId, location_id: locationId } = req.params
  const auth = (req as MedusaRequest & Caller).auth_context
  // The same matcher also catches `/location-levels/batch`, whose changes are not attributed.
  if (
    !inventoryItemId || !locationId || locationId === "batch" || auth?.actor_type !== "user" || !auth.actor_id ||
    !isStockLedgerEnabled(req.scope)
  ) {
    return next()
  }
  try {
    const ledger = req.scope.resolve<StockLedgerModuleService>(STOCK_LEDGER_MODULE)
    const intent = await ledger.noteAdjustment({
      inventory_item_id: inventoryItemId,
      location_id: locationId,
      actor_id: auth.actor_id,
    })
    res.on("finish", () => {
      if (res.statusCode >= 400) {
        // Best effort: an unremoved note expires on its own (see INTENT_TTL_MS).
        ledger.dropAdjustmentIntent(intent.id).catch(() => undefined)
      }
    })
    next()
  } catch (error) {
    next(error)
  }
}
