import { model } from "@medusajs/framework/utils"

/**
 * What content-based similarity and per-category trending know of a product, copied from the
 * catalogue on product events and by the rebuild: its terms (title and description words, tags,
 * type, categories, collection, price band, each prefixed by its field) and their TF-IDF norm.
 */
const RecommendationProduct = model
  .define("recommendation_product", {
    id: model.id({ prefix: "rprd" }).primaryKey(),
    product_id: model.text(),
    title: model.text(),
    terms: model.array(),
    category_ids: model.array(),
    /** √Σ idf² over the terms, refreshed with the IDF table (a product's length in TF-IDF space). */
    norm: model.float().default(0),
    /** Bought again and again (coffee, filters): stays recommendable after a purchase. */
    replenishable: model.boolean().default(false),
  })
  .indexes([{ on: ["product_id"], unique: true }])

export default RecommendationProduct
