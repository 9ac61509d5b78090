import { model } from "@medusajs/framework/utils"

/**
 * One placed order as the reports see it, kept from Medusa's `order.placed` / `order.canceled`
 * events (and the backfill). Amounts are in the order's currency (never converted) and stored
 * as numeric, like Medusa's own. A canceled order keeps its row with `canceled_at` set, so
 * reports can leave it out of revenue and still count it.
 */
const AnalyticsOrder = model
  .define("analytics_order", {
    id: model.id({ prefix: "aord" }).primaryKey(),
    order_id: model.text(),
    placed_at: model.dateTime(),
    canceled_at: model.dateTime().nullable(),
    currency_code: model.text(),
    region_id: model.text().nullable(),
    sales_channel_id: model.text().nullable(),
    customer_id: model.text().nullable(),
    cart_id: model.text().nullable(),
    total: model.bigNumber(),
    subtotal: model.bigNumber(),
    tax_total: model.bigNumber(),
    shipping_total: model.bigNumber(),
    discount_total: model.bigNumber(),
    units: model.number(),
  })
  .indexes([
    { on: ["order_id"], unique: true },
    { on: ["placed_at"] },
    { on: ["customer_id", "placed_at"], where: "customer_id IS NOT NULL" },
  ])

export default AnalyticsOrder
