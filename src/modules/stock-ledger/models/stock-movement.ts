import { model } from "@medusajs/framework/utils"

export const STOCK_MOVEMENT_REASONS = [
  "order_placed",
  "order_canceled",
  "return_received",
  "fulfillment_shipped",
  "manual_adjustment",
  "import",
  "other",
] as const
export type StockMovementReason = (typeof STOCK_MOVEMENT_REASONS)[number]

export const STOCK_MOVEMENT_ACTOR_TYPES = ["user", "customer", "system"] as const
export type StockMovementActorType = (typeof STOCK_MOVEMENT_ACTOR_TYPES)[number]

/**
 * One change of an inventory level. The resulting quantities are stored with the deltas so
 * the next change is computed against the last entry alone, and the entries of one
 * item+location always sum to its level.
 */
const StockMovement = model
  .define("stock_movement", {
    id: model.id({ prefix: "stmv" }).primaryKey(),
    inventory_item_id: model.text(),
    location_id: model.text(),
    stocked_delta: model.number(),
    reserved_delta: model.number(),
    stocked_quantity: model.number(),
    reserved_quantity: model.number(),
    reason: model.enum([...STOCK_MOVEMENT_REASONS]).default("other"),
    actor_type: model.enum([...STOCK_MOVEMENT_ACTOR_TYPES]).default("system"),
    actor_id: model.text().nullable(),
    reference_type: model.text().nullable(),
    reference_id: model.text().nullable(),
  })
  .indexes([{ on: ["inventory_item_id", "location_id", "created_at"] }])

export default StockMovement
