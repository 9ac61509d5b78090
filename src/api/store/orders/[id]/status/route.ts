import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { deriveOrderStatus, ORDER_STATUS_FIELDS } from "../../../../../utils/order-status"
import { isValidOrderStatusToken } from "../../../../../utils/order-status-token"
import type { StoreGetOrderStatusType } from "./validators"

type Caller = { auth_context?: { actor_id?: string } }

/**
 * GET /store/orders/:id/status — PENDING, CONFIRMED, SHIPPED, DELIVERED or CANCELED with
 * the time each step was reached. Shown to the order's customer, or to anyone holding
 * the order's status token; everyone else gets the 404 an unknown order gets.
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const { token } = req.validatedQuery as StoreGetOrderStatusType
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "order",
    fields: ORDER_STATUS_FIELDS,
    filters: { id: req.params.id },
  })
  const order = data[0]
  const notFound = new MedusaError(MedusaError.Types.NOT_FOUND, `Order with id: ${req.params.id} was not found`)
  if (!order) throw notFound

  const actorId = (req as MedusaRequest & Caller).auth_context?.actor_id
  const isOwner = !!actorId && order.customer_id === actorId
  const { jwtSecret } = req.scope.resolve(ContainerRegistrationKeys.CONFIG_MODULE).projectConfig.http
  const hasToken = !!token && isValidOrderStatusToken(order.id, token, String(jwtSecret))
  if (!isOwner && !hasToken) throw notFound

  res.json({ order_status: deriveOrderStatus(order) })
}
