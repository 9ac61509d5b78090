import { z } from "@medusajs/framework/zod"
import { STORE_EVENT_NAMES } from "../../../../modules/analytics/events"

/** An id the storefront made up (visitor, session, event): short text, no structure required. */
const clientId = z.string().trim().min(1).max(64)
const medusaId = z.string().trim().min(1).max(100)

/** Properties are stored as they come, so their size is bounded per event. */
export const MAX_PROPERTIES_BYTES = 2048
export const MAX_EVENTS_PER_BATCH = 100

const common = {
  id: clientId.optional(),
  timestamp: z.string().datetime({ offset: true, message: "timestamp must be an ISO date-time" }).optional(),
  anonymous_id: clientId.optional(),
  session_id: clientId.optional(),
}

const cartLine = z
  .object({
    product_id: medusaId,
    variant_id: medusaId.optional(),
    cart_id: medusaId.optional(),
    quantity: z.number().int().min(1).max(10_000).optional(),
  })
  .passthrough()

const event = (name: string, properties: z.ZodTypeAny) => z.object({ ...common, name: z.literal(name), properties }).strict()

/**
 * One storefront event. The name picks the shape of `properties`: the ids the reports and the
 * recommendation module index must be there; anything else the storefront adds is kept.
 */
export const StoreAnalyticsEvent = z
  // The name is checked on its own first, so an unknown one is answered with the list of
  // known names (a discriminated union alone only says "Invalid input").
  .object({
    name: z.string().refine((name) => (STORE_EVENT_NAMES as readonly string[]).includes(name), {
      message: `unknown event name; known names: ${STORE_EVENT_NAMES.join(", ")}`,
    }),
  })
  .passthrough()
  .pipe(z.discriminatedUnion("name", [
    event(
      "page_view",
      z.object({ path: z.string().min(1).max(2000), referrer: z.string().max(2000).optional(), title: z.string().max(500).optional() }).passthrough()
    ),
    event(
      "product_list_viewed",
      z.object({ category_id: medusaId.optional(), collection_id: medusaId.optional() }).passthrough().default({})
    ),
    event("product_viewed", z.object({ product_id: medusaId, variant_id: medusaId.optional() }).passthrough()),
    event(
      "search_performed",
      z.object({ query: z.string().trim().min(1).max(200), results_count: z.number().int().min(0).optional() }).passthrough()
    ),
    event("product_added_to_cart", cartLine),
    event("product_removed_from_cart", cartLine),
    event("checkout_started", z.object({ cart_id: medusaId }).passthrough()),
  ]))
  .refine((e) => JSON.stringify(e.properties ?? {}).length <= MAX_PROPERTIES_BYTES, {
    message: `properties must be at most ${MAX_PROPERTIES_BYTES} bytes of JSON`,
    path: ["properties"],
  })

export const StoreTrackAnalyticsEvents = z
  .object({
    events: z.array(StoreAnalyticsEvent).min(1, "send at least one event").max(MAX_EVENTS_PER_BATCH, `at most ${MAX_EVENTS_PER_BATCH} events per batch`),
  })
  .strict()

export type StoreTrackAnalyticsEventsType = z.infer<typeof StoreTrackAnalyticsEvents>
export type StoreAnalyticsEventType = z.infer<typeof StoreAnalyticsEvent>
