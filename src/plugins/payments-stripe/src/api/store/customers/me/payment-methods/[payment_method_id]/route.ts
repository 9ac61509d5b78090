import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { z } from "@medusajs/framework/zod"
import { deleteSavedPaymentMethod } from "../../../../../../saved-cards"

const PaymentMethodId = z.string().regex(/^pm_[A-Za-z0-9_]{1,120}$/, "payment_method_id must be a Stripe PaymentMethod id (pm_…)")

/**
 * `DELETE /store/customers/me/payment-methods/:payment_method_id`: detaches one of the customer's
 * own saved cards. Another customer's card is answered exactly like a card that does not exist.
 */
export async function DELETE(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const parsed = PaymentMethodId.safeParse(req.params.payment_method_id)
  if (!parsed.success) throw new MedusaError(MedusaError.Types.INVALID_DATA, parsed.error.issues[0].message)
  const deleted = await deleteSavedPaymentMethod(req.scope, req.auth_context.actor_id, parsed.data)
  if (!deleted) throw new MedusaError(MedusaError.Types.NOT_FOUND, `No saved card ${parsed.data} on your account.`)
  res.json({ id: parsed.data, object: "payment_method", deleted: true })
}
