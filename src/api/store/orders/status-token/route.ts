import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { orderStatusToken } from "../../../../utils/order-status-token"
import type { StoreCreateOrderStatusTokenType } from "./validators"

/**
 * POST /store/orders/status-token — a guest proves they placed an order (its e-mail and
 * order number) and gets a token to follow its status. A wrong pair gets the same 404 as
 * an unknown one, so the answer does not reveal which part was wrong.
 */
export async function POST(req: MedusaRequest<StoreCreateOrderStatusTokenType>, res: MedusaResponse) {
  const { email, display_id } = req.validatedBody
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "order",
    fields: ["id", "email"],
    // The generated filter type says string; PostgreSQL compares it with the integer column.
    filters: { display_id: String(display_id) },
  })
  const order = data.find((o) => o.email?.toLowerCase() === email.toLowerCase())
  if (!order) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, "No order with this e-mail and order number")
  }
  const { jwtSecret } = req.scope.resolve(ContainerRegistrationKeys.CONFIG_MODULE).projectConfig.http
  res.status(201).json({ order_id: order.id, token: orderStatusToken(order.id, String(jwtSecret)) })
}
