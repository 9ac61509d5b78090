import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { STOCK_LEDGER_MODULE } from "../../../modules/stock-ledger"
import type StockLedgerModuleService from "../../../modules/stock-ledger/service"
import type { StockAlertRecord } from "../../../modules/stock-ledger/service"
import type { AdminGetLowStockType } from "./validators"

/**
 * GET /admin/low-stock — stock alerts (`inventory.low_stock` / `inventory.out_of_stock`
 * crossings), by default those still open, with the item's SKU and title and the location's name.
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const { status, kind, inventory_item_id, location_id, limit, offset } = req.validatedQuery as AdminGetLowStockType
  const ledger = req.scope.resolve<StockLedgerModuleService>(STOCK_LEDGER_MODULE)
  const filters = {
    ...(status === "open" ? { resolved_at: null } : status === "resolved" ? { resolved_at: { $ne: null } } : {}),
    ...(kind ? { kind } : {}),
    ...(inventory_item_id ? { inventory_item_id } : {}),
    ...(location_id ? { location_id } : {}),
  }
  const [rows, count] = await ledger.listAndCountStockAlerts(filters, {
    take: limit,
    skip: offset,
    order: { created_at: "DESC", id: "DESC" },
  })
  const alerts = rows as unknown as StockAlertRecord[]

  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const itemIds = [...new Set(alerts.map((a) => a.inventory_item_id))]
  const locationIds = [...new Set(alerts.map((a) => a.location_id))]
  const [{ data: items }, { data: locations }] = await Promise.all([
    itemIds.length
      ? query.graph({ entity: "inventory_item", fields: ["id", "sku", "title"], filters: { id: itemIds } })
      : Promise.resolve({ data: [] as { id: string; sku?: string | null; title?: string | null }[] }),
    locationIds.length
      ? query.graph({ entity: "stock_location", fields: ["id", "name"], filters: { id: locationIds } })
      : Promise.resolve({ data: [] as { id: string; name?: string | null }[] }),
  ])
  const itemById = new Map(items.map((i: { id: string; sku?: string | null; title?: string | null }) => [i.id, i]))
  const locationById = new Map(locations.map((l: { id: string; name?: string | null }) => [l.id, l]))

  res.json({
    alerts: alerts.map((a) => ({
      id: a.id,
      kind: a.kind,
      available_quantity: Number(a.available_quantity),
      threshold: Number(a.threshold),
      created_at: a.created_at,
      resolved_at: a.resolved_at,
      inventory_item: itemById.get(a.inventory_item_id) ?? { id: a.inventory_item_id, sku: null, title: null },
      location: locationById.get(a.location_id) ?? { id: a.location_id, name: null },
    })),
    count,
    limit,
    offset,
  })
}
