import type { AuthenticatedMedusaRequest } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"

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
