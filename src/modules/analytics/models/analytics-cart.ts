import { model } from "@medusajs/framework/utils"

/**
 * One cart for the abandonment rate: created when, whether it ever held an item, and when it
 * became an order. A cart with items and no `completed_at` is abandoned.
 */
const AnalyticsCart = model
  .define("analytics_cart", {
    id: model.id({ prefix: "acrt" }).primaryKey(),
    cart_id: model.text(),
    created_at_cart: model.dateTime(),
    has_items: model.boolean().default(false),
    completed_at: model.dateTime().nullable(),
    currency_code: model.text().nullable(),
    region_id: model.text().nullable(),
    sales_channel_id: model.text().nullable(),
  })
  .indexes([{ on: ["cart_id"], unique: true }, { on: ["created_at_cart"] }])

export default AnalyticsCart
