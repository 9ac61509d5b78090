import { model } from "@medusajs/framework/utils"
import { STOCK_MOVEMENT_REASONS } from "./stock-movement"

/**
 * Who is about to change an item+location's stock through the admin API, and why (a manual
 * adjustment, an order cancellation, a return being received), with what it refers to. Inventory events
 * carry only ids, so the admin route's middleware leaves this note and the ledger consumes it
 * when it records the resulting change. It lives in the database (not in memory) because the
 * subscriber may run in another process when the event bus is Redis.
 */
const StockAdjustmentIntent = model
  .define("stock_adjustment_intent", {
    id: model.id({ prefix: "stai" }).primaryKey(),
    inventory_item_id: model.text(),
    location_id: model.text(),
    actor_type: model.enum(["user", "customer", "system"]).default("user"),
    actor_id: model.text().nullable(),
    reason: model.enum([...STOCK_MOVEMENT_REASONS]).default("manual_adjustment"),
    reference_type: model.text().nullable(),
    reference_id: model.text().nullable(),
    expires_at: model.dateTime(),
  })
  .indexes([{ on: ["inventory_item_id", "location_id", "reason", "expires_at"] }])

export default StockAdjustmentIntent
