import { model } from "@medusajs/framework/utils"

export const PAIR_KINDS = ["bought_together", "also_viewed"] as const
export type PairKind = (typeof PAIR_KINDS)[number]

/**
 * Item-item co-occurrence: how many orders (bought_together) or sessions (also_viewed) hold
 * both products. Both directions are stored so a product's neighbours are one index range.
 * Counts grow as signals arrive; the rebuild recomputes them and keeps the top K per product.
 */
const RecommendationPair = model
  .define("recommendation_pair", {
    id: model.id({ prefix: "rpair" }).primaryKey(),
    kind: model.enum([...PAIR_KINDS]),
    product_id: model.text(),
    related_id: model.text(),
    support: model.number().default(0),
  })
  // product_id first: personalized lists look up the neighbours of several products over both
  // kinds at once, which an index led by kind cannot serve.
  .indexes([{ on: ["product_id", "kind", "related_id"], unique: true }])

export default RecommendationPair
