import { z } from "@medusajs/framework/zod"

/** Interactions a storefront reports for recommendations; purchases and carts come from Medusa itself. */
export const INTERACTION_TYPES = ["view", "wishlist", "review"] as const
export type InteractionType = (typeof INTERACTION_TYPES)[number]
export const MAX_INTERACTIONS_PER_BATCH = 100

/**
 * Checked by hand rather than with z.enum: Medusa's error formatter cannot find a value inside an
 * array item, so an enum miss there reads "Field 'events, 0, type' is required" to a storefront
 * that did send a type. A custom issue keeps this message.
 */
const interactionType = z
  .string({ message: `type must be one of ${INTERACTION_TYPES.join(", ")}` })
  .refine((v) => (INTERACTION_TYPES as readonly string[]).includes(v), {
    message: `type must be one of ${INTERACTION_TYPES.join(", ")}`,
  })
  .transform((v) => v as InteractionType)

const clientId = z.string().trim().min(1).max(64)

export const StoreRecommendationEvent = z
  .object({
    id: clientId.optional(),
    type: interactionType,
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
