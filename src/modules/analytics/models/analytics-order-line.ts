import { model } from "@medusajs/framework/utils"

/**
 * One line of a placed order, with what the product and category reports need copied from the
 * order (time, currency, region, channel) so they read one table. `category_ids` are the
 * product's categories when the order was placed.
 */
const AnalyticsOrderLine = model
  .define("analytics_order_line", {
    id: model.id({ prefix: "aoln" }).primaryKey(),
    order_id: model.text(),
    line_item_id: model.text(),
    placed_at: model.dateTime(),
    canceled: model.boolean().default(false),
    currency_code: model.text(),
    region_id: model.text().nullable(),
    sales_channel_id: model.text().nullable(),
    product_id: model.text().nullable(),
    variant_id: model.text().nullable(),
    product_title: model.text().nullable(),
    category_ids: model.array().default([]),
    quantity: model.number(),
    total: model.bigNumber(),
  })
  .indexes([{ on: ["line_item_id"], unique: true }, { on: ["placed_at"] }, { on: ["order_id"] }])

export default AnalyticsOrderLine
