import { z } from "@medusajs/framework/zod"

export const MAX_RECOMMENDATIONS = 50

/** What every list accepts: how many, which fields, and the pricing context of /store/products. */
const listParams = {
  limit: z.coerce
    .number({ message: "limit must be a number" })
    .int("limit must be a whole number")
    .min(1, "limit must be at least 1")
    .max(MAX_RECOMMENDATIONS, `limit must be at most ${MAX_RECOMMENDATIONS}`)
    .default(10),
  fields: z.string().max(2000).optional(),
  region_id: z.string().min(1).max(100).optional(),
  country_code: z.string().min(2).max(3).optional(),
  province: z.string().max(100).optional(),
  cart_id: z.string().min(1).max(100).optional(),
}

export const PRODUCT_LIST_TYPES = ["bought_together", "also_viewed", "similar"] as const

export const StoreProductRecommendationsParams = z
  .object({
    ...listParams,
    type: z.enum(PRODUCT_LIST_TYPES, { message: `type must be one of ${PRODUCT_LIST_TYPES.join(", ")}` }).default("bought_together"),
  })
  .strict()

const idList = z
  .union([z.string().min(1).max(100), z.array(z.string().min(1).max(100)).max(20)])
  .transform((v) => (Array.isArray(v) ? v : [v]))

export const StoreTrendingParams = z.object({ ...listParams, category_id: idList.optional() }).strict()

export const StorePersonalizedParams = z
  .object({ ...listParams, anonymous_id: z.string().trim().min(1).max(64).optional() })
  .strict()

export type StoreProductRecommendationsParamsType = z.infer<typeof StoreProductRecommendationsParams>
export type StoreTrendingParamsType = z.infer<typeof StoreTrendingParams>
export type StorePersonalizedParamsType = z.infer<typeof StorePersonalizedParams>
