import type { MedusaRequest } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { isValidOrderStatusToken } from "../../../utils/order-status-token"

type Caller = { auth_context?: { actor_id?: string } }

/**
 * Who may follow an order (its status, its parcels): the order's logged-in customer, or anyone
 * holding the order's status token. Everyone else gets the same 404 an unknown order gets, so
 * the answer leaks nothing.
 */
export function assertOrderVisible(req: MedusaRequest, order: { id: string; customer_id?: string | null } | undefined, token?: string): void {
  const notFound = new MedusaError(MedusaError.Types.NOT_FOUND, `Order with id: ${req.params.id} was not found`)
  if (!order) throw notFound
  const actorId = (req as MedusaRequest & Caller).auth_context?.actor_id
  const isOwner = !!actorId && order.customer_id === actorId
  const { jwtSecret } = req.scope.resolve(ContainerRegistrationKeys.CONFIG_MODULE).projectConfig.http
  const hasToken = !!token && isValidOrderStatusToken(order.id, token, String(jwtSecret))
  if (!isOwner && !hasToken) throw notFound
}
