import { z } from "@medusajs/framework/zod"
import { RECOMMENDATION_LISTS, RULE_ACTIONS } from "../../../modules/recommendation/models/recommendation-rule"

export const AdminRebuildRecommendations = z
  .object({
    /** Also import the purchases of every existing order (the history before the module ran). */
    import_orders: z.boolean().default(false),
  })
  .strict()

const list = z.enum(RECOMMENDATION_LISTS, { message: `list must be one of ${RECOMMENDATION_LISTS.join(", ")}` })
const id = z.string().trim().min(1).max(100)

export const AdminListRecommendationRules = z
  .object({
    list: list.optional(),
    anchor_product_id: id.optional(),
    product_id: id.optional(),
    /** `every_page`: list-wide rules only; `product_pages`: rules of single product pages only. */
    scope: z.enum(["every_page", "product_pages"], { message: "scope must be every_page or product_pages" }).optional(),
    limit: z.coerce.number().int().min(1, "limit must be at least 1").max(500, "limit must be at most 500").default(200),
    offset: z.coerce.number().int().min(0, "offset must be at least 0").default(0),
  })
  .strict()

export const AdminCreateRecommendationRule = z
  .object({
    list,
    /** The product page the rule applies to; omit for every page (trending and personalized have none). */
    anchor_product_id: id.nullable().optional(),
    product_id: id,
    action: z.enum(RULE_ACTIONS, { message: `action must be one of ${RULE_ACTIONS.join(", ")}` }),
    position: z.number().int().min(0).max(1000).default(0),
  })
  .strict()
  .refine((r) => !(r.anchor_product_id && (r.list === "trending" || r.list === "personalized")), {
    message: "trending and personalized lists have no product page: leave anchor_product_id out",
    path: ["anchor_product_id"],
  })
  .refine((r) => r.anchor_product_id !== r.product_id, {
    message: "a product cannot be pinned to or excluded from its own page",
    path: ["product_id"],
  })

export const AdminProductRecommendationsQuery = z
  .object({ limit: z.coerce.number().int().min(1, "limit must be at least 1").max(50, "limit must be at most 50").default(20) })
  .strict()

export type AdminRebuildRecommendationsType = z.infer<typeof AdminRebuildRecommendations>
export type AdminListRecommendationRulesType = z.infer<typeof AdminListRecommendationRules>
export type AdminCreateRecommendationRuleType = z.infer<typeof AdminCreateRecommendationRule>
export type AdminProductRecommendationsQueryType = z.infer<typeof AdminProductRecommendationsQuery>
