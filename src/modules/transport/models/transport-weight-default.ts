import { model } from "@medusajs/framework/utils"

/**
 * Weight and size assumed for a variant that has none: per product type, or store-wide when
 * `product_type_id` is null.
 */
const TransportWeightDefault = model
  .define("transport_weight_default", {
    id: model.id({ prefix: "twdf" }).primaryKey(),
    product_type_id: model.text().nullable(),
    weight_g: model.number(),
    length_cm: model.number().nullable(),
    width_cm: model.number().nullable(),
    height_cm: model.number().nullable(),
  })
  .indexes([{ on: ["product_type_id"], unique: true }])

export default TransportWeightDefault
