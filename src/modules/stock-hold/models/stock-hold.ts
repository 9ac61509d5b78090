import { model } from "@medusajs/framework/utils"

/**
 * Units a cart in checkout has claimed at one location, from the moment its completion passed
 * the stock check until Medusa's own reservation for the order exists (then the hold is
 * released) or the completion failed (compensation releases it). `expires_at` bounds the life
 * of a hold whose process died mid-checkout; expired holds are ignored and swept on the next claim.
 */
const StockHold = model
  .define("stock_hold", {
    id: model.id({ prefix: "sthold" }).primaryKey(),
    cart_id: model.text(),
    inventory_item_id: model.text(),
    location_id: model.text(),
    quantity: model.number(),
    expires_at: model.dateTime(),
  })
  .indexes([{ on: ["inventory_item_id", "location_id"] }, { on: ["cart_id"] }])

export default StockHold
