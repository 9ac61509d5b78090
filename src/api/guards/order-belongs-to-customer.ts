import type { AuthenticatedMedusaRequest, MedusaRequest } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { defineGuard } from "./define-guard"

/**
 * Medusa serves GET /store/orders/:id to anyone holding the id. Emporium keeps that for
 * guest orders (the id is the guest's only key: the starter storefront's confirmation
 * page depends on it) but an order of a registered customer is shown only to that
 * customer. Anyone else gets the same 404 as for an id that does not exist, so the
 * answer leaks nothing.
 */
export const orderBelongsToCustomer = defineGuard(async (req, query) => {
  const { data } = await query.graph({
    entity: "order",
    fields: ["id", "customer_id", "customer.has_account"],
    filters: { id: req.params.id },
  })
  const order = data[0]
  const actorId = (req as MedusaRequest & Partial<AuthenticatedMedusaRequest>).auth_context?.actor_id
  if (order?.customer?.has_account && order.customer_id !== actorId) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order with id: ${req.params.id} was not found`)
  }
})
