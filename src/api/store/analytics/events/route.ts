import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { EMPORIUM_ANALYTICS_MODULE } from "../../../../modules/analytics"
import type { TrackInput } from "../../../../modules/analytics/events"
import type EmporiumAnalyticsModuleService from "../../../../modules/analytics/service"
import { keySalesChannel } from "../../publishable-key"
import { batchCustomer, storefrontTrackInput } from "../batch-visitor"
import type { StoreAnalyticsEventType, StoreTrackAnalyticsEventsType } from "./validators"

/**
 * POST /store/analytics/events — a storefront's batch of events. Answers 202 once they are
 * buffered (written within a second, and on shutdown). The customer is the authenticated one,
 * never a value from the body, so nobody can record events as someone else.
 */
export async function POST(req: AuthenticatedMedusaRequest<StoreTrackAnalyticsEventsType>, res: MedusaResponse) {
  const { events } = req.validatedBody
  const customerId = batchCustomer(req, events)
  // A publishable key for one sales channel attributes the batch to it (several: left open).
  const salesChannelId = keySalesChannel(req) ?? null

  const analytics = req.scope.resolve<EmporiumAnalyticsModuleService>(EMPORIUM_ANALYTICS_MODULE)
  const accepted = analytics.track(events.map((e) => toTrackInput(e, customerId, salesChannelId)))
  res.status(202).json({ accepted })
}

function toTrackInput(e: StoreAnalyticsEventType, customerId: string | null, salesChannelId: string | null): TrackInput {
  const p = (e.properties ?? {}) as Record<string, unknown>
  return storefrontTrackInput(e, { customerId, salesChannelId }, {
    name: e.name,
    product_id: typeof p.product_id === "string" ? p.product_id : null,
    cart_id: typeof p.cart_id === "string" ? p.cart_id : null,
    properties: p,
  })
}
