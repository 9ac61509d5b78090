import { z } from "@medusajs/framework/zod"

/** Interactions a storefront reports for recommendations; purchases and carts come from Medusa itself. */
export const INTERACTION_TYPES = ["view", "wishlist", "review"] as const
export const MAX_INTERACTIONS_PER_BATCH = 100

const clientId = z.string().trim().min(1).max(64)

export const StoreRecommendationEvent = z
  .object({
    id: clientId.optional(),
    type: z.enum(INTERACTION_TYPES, { message: `type must be one of ${INTERACTION_TYPES.join(", ")}` }),
    product_id: z.string().trim().min(1).max(100),
    anonymous_id: clientId.optional(),
    session_id: clientId.optional(),
    timestamp: z.string().datetime({ offset: true, message: "timestamp must be an ISO date-time" }).optional(),
  })
  .strict()

export const StoreRecommendationEvents = z
  .object({
    events: z
      .array(StoreRecommendationEvent)
      .min(1, "send at least one event")
      .max(MAX_INTERACTIONS_PER_BATCH, `at most ${MAX_INTERACTIONS_PER_BATCH} events per batch`),
  })
  .strict()

export type StoreRecommendationEventsType = z.infer<typeof StoreRecommendationEvents>
