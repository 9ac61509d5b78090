import { model } from "@medusajs/framework/utils"

/** Document frequency of each term over the catalogue: the IDF of content-based similarity. */
const RecommendationTerm = model
  .define("recommendation_term", {
    id: model.id({ prefix: "rterm" }).primaryKey(),
    term: model.text(),
    product_count: model.number().default(0),
  })
  .indexes([{ on: ["term"], unique: true }])

export default RecommendationTerm
