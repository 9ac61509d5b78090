import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { deriveOrderStatus, ORDER_STATUS_FIELDS } from "../../../../../utils/order-status"
import { assertOrderVisible } from "../../order-access"
import type { StoreGetOrderStatusType } from "./validators"

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
  assertOrderVisible(req, order, token)

  res.json({ order_status: deriveOrderStatus(order) })
}
