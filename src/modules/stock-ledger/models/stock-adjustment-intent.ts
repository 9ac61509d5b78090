import { model } from "@medusajs/framework/utils"

/**
 * Who is about to change an item+location's stock through the admin API. Inventory events
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
    expires_at: model.dateTime(),
  })
  .indexes([{ on: ["inventory_item_id", "location_id", "expires_at"] }])

export default StockAdjustmentIntent
