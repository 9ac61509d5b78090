import { model } from "@medusajs/framework/utils"

/** A merchant's low-stock threshold for one inventory item, overriding the store default. */
const StockThreshold = model
  .define("stock_threshold", {
    id: model.id({ prefix: "stthr" }).primaryKey(),
    inventory_item_id: model.text(),
    threshold: model.number(),
  })
  .indexes([{ on: ["inventory_item_id"], unique: true, where: "deleted_at IS NULL" }])

export default StockThreshold
