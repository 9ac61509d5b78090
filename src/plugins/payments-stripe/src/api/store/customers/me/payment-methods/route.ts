import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { listSavedPaymentMethods } from "../../../../../saved-cards"

/** `GET /store/customers/me/payment-methods`: the logged-in customer's saved cards, newest first. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const methods = await listSavedPaymentMethods(req.scope, req.auth_context.actor_id)
  methods.sort((a, b) => b.created_at.localeCompare(a.created_at))
  res.json({ payment_methods: methods })
}
