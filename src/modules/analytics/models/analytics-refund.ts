import { model } from "@medusajs/framework/utils"

/** One refund, dated when it was made (not when its order was placed), in the order's currency. */
const AnalyticsRefund = model
  .define("analytics_refund", {
    id: model.id({ prefix: "aref" }).primaryKey(),
    refund_id: model.text(),
    order_id: model.text().nullable(),
    refunded_at: model.dateTime(),
    currency_code: model.text(),
    region_id: model.text().nullable(),
    sales_channel_id: model.text().nullable(),
    amount: model.bigNumber(),
  })
  .indexes([{ on: ["refund_id"], unique: true }, { on: ["refunded_at"] }])

export default AnalyticsRefund
