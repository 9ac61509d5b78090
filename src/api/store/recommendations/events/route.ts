import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { EMPORIUM_ANALYTICS_MODULE } from "../../../../modules/analytics"
import type EmporiumAnalyticsModuleService from "../../../../modules/analytics/service"
import { batchCustomer, storefrontTrackInput } from "../../analytics/batch-visitor"
import { keySalesChannel } from "../../publishable-key"
import type { StoreRecommendationEventsType } from "./validators"

const ANALYTICS_NAMES = { view: "product_viewed", wishlist: "product_wishlisted", review: "product_reviewed" } as const

/**
 * POST /store/recommendations/events — product interactions from a storefront that does not send
 * analytics events. They go into the analytics store like any storefront event (one ingestion
 * path: the same buffer, rate limit and idempotency), which hands them on to the models. Answers
 * 202 once buffered. The customer is the authenticated one, never a value from the body.
 */
export async function POST(req: AuthenticatedMedusaRequest<StoreRecommendationEventsType>, res: MedusaResponse) {
  const { events } = req.validatedBody
  const customerId = batchCustomer(req, events)
  const salesChannelId = keySalesChannel(req) ?? null
  const analytics = req.scope.resolve<EmporiumAnalyticsModuleService>(EMPORIUM_ANALYTICS_MODULE)
  const accepted = analytics.track(
    events.map((e) =>
      storefrontTrackInput(e, { customerId, salesChannelId }, {
        name: ANALYTICS_NAMES[e.type],
        product_id: e.product_id,
        properties: { product_id: e.product_id },
      })
    )
  )
  res.status(202).json({ accepted })
}
