import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { STOCK_LEDGER_MODULE } from "../../../modules/stock-ledger"
import type StockLedgerModuleService from "../../../modules/stock-ledger/service"
import type { AdminGetStockMovementsType } from "./validators"

/** GET /admin/stock-movements — one item's ledger (optionally one location), newest first. */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const { inventory_item_id, location_id, limit, offset } = req.validatedQuery as AdminGetStockMovementsType
  const ledger = req.scope.resolve<StockLedgerModuleService>(STOCK_LEDGER_MODULE)
  const [stock_movements, count] = await ledger.listAndCountStockMovements(
    { inventory_item_id, ...(location_id ? { location_id } : {}) },
    { take: limit, skip: offset, order: { created_at: "DESC", id: "DESC" } }
  )
  res.json({ stock_movements, count, limit, offset })
}
