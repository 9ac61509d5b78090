import { model } from "@medusajs/framework/utils"

export const RECOMMENDATION_LISTS = ["bought_together", "also_viewed", "similar", "trending", "personalized"] as const
export type RecommendationList = (typeof RECOMMENDATION_LISTS)[number]
export const RULE_ACTIONS = ["pin", "exclude"] as const
export type RuleAction = (typeof RULE_ACTIONS)[number]

/**
 * A merchant's override of one list: pin a product to the top (in `position` order) or exclude
 * it. `anchor_product_id` scopes it to one product page's list; null applies it everywhere the
 * list is shown (trending and personalized have no anchor).
 */
const RecommendationRule = model
  .define("recommendation_rule", {
    id: model.id({ prefix: "rrule" }).primaryKey(),
    list: model.enum([...RECOMMENDATION_LISTS]),
    anchor_product_id: model.text().nullable(),
    product_id: model.text(),
    action: model.enum([...RULE_ACTIONS]),
    position: model.number().default(0),
    created_by: model.text().nullable(),
  })
  .indexes([{ on: ["list", "anchor_product_id", "product_id"], unique: true }])

export default RecommendationRule
