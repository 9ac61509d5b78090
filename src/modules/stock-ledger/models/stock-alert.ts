import { model } from "@medusajs/framework/utils"

export const STOCK_ALERT_KINDS = ["low_stock", "out_of_stock"] as const
export type StockAlertKind = (typeof STOCK_ALERT_KINDS)[number]

/**
 * One crossing of a threshold at one location: opened when available stock fell to or below
 * the threshold (`low_stock`) or to zero (`out_of_stock`), resolved when it went back above.
 * At most one open alert per item, location and kind (a partial unique index), which is what
 * makes the event fire once per crossing rather than on every order while stock stays low.
 */
const StockAlert = model
  .define("stock_alert", {
    id: model.id({ prefix: "stalrt" }).primaryKey(),
    inventory_item_id: model.text(),
    location_id: model.text(),
    kind: model.enum([...STOCK_ALERT_KINDS]),
    available_quantity: model.number(),
    threshold: model.number(),
    resolved_at: model.dateTime().nullable(),
  })
  .indexes([
    { on: ["inventory_item_id", "location_id", "kind"], unique: true, where: "resolved_at IS NULL AND deleted_at IS NULL" },
    { on: ["resolved_at", "created_at"] },
  ])

export default StockAlert
