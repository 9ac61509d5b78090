import { model } from "@medusajs/framework/utils"

/**
 * "Tell me when it's back": one open request per (variant, address). Answered once, when the
 * variant can be sold again; asking again after that opens a new request.
 */
const BackInStockRequest = model
  .define("back_in_stock_request", {
    id: model.id({ prefix: "nbis" }).primaryKey(),
    variant_id: model.text(),
    /** Lower-cased. */
    email: model.text(),
    customer_id: model.text().nullable(),
    sales_channel_id: model.text().nullable(),
    locale: model.text().nullable(),
    notified_at: model.dateTime().nullable(),
  })
  .indexes([
    { on: ["variant_id", "email"], unique: true, where: "notified_at IS NULL" },
    { on: ["variant_id", "notified_at"] },
  ])

export default BackInStockRequest
