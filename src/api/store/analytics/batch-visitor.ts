import type { AuthenticatedMedusaRequest } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import type { TrackInput } from "../../../modules/analytics/events"

/**
 * Whose events a storefront batch holds: the logged-in customer (never an id from the body, so
 * nobody records events as someone else), or, for a guest, each event's own anonymous id —
 * required, or the events could not be tied to a visitor. Returns the customer id or null.
 */
export function batchCustomer(req: AuthenticatedMedusaRequest, events: { anonymous_id?: string }[]): string | null {
  const customerId = req.auth_context?.actor_type === "customer" ? req.auth_context.actor_id : null
  if (!customerId && events.some((e) => !e.anonymous_id)) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "anonymous_id is required on every event unless a customer is logged in")
  }
  return customerId
}

/** What every storefront event carries besides its name and properties. */
export type StorefrontEventEnvelope = { id?: string; timestamp?: string; anonymous_id?: string; session_id?: string }

/**
 * One storefront event as the analytics store records it. The event id is scoped to the visitor
 * (`store:<visitor>:<id>`): two visitors' storefronts may both count from 1, a retry of one
 * visitor's batch is recorded once.
 */
export function storefrontTrackInput(
  e: StorefrontEventEnvelope,
  who: { customerId: string | null; salesChannelId: string | null },
  event: { name: string; product_id: string | null; cart_id?: string | null; properties: Record<string, unknown> }
): TrackInput {
  return {
    name: event.name,
    source: "store",
    occurred_at: e.timestamp,
    event_key: e.id ? `store:${e.anonymous_id ?? who.customerId}:${e.id}` : null,
    anonymous_id: e.anonymous_id ?? null,
    session_id: e.session_id ?? null,
    customer_id: who.customerId,
    sales_channel_id: who.salesChannelId,
    product_id: event.product_id,
    cart_id: event.cart_id ?? null,
    properties: event.properties,
  }
}
