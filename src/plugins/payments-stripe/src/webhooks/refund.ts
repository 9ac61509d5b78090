import { refundPaymentWorkflow } from "@medusajs/core-flows"
import { getAmountFromSmallestUnit } from "@medusajs/payment-stripe/dist/utils/get-smallest-unit"
import type { MedusaContainer } from "@medusajs/framework/types"
import type Stripe from "stripe"
import { intentWithPayment, NOT_OURS } from "./medusa-records"

/**
 * Records in Medusa the refunds made outside it (Stripe's dashboard, Stripe's API). Refunds the
 * engine made carry `metadata.medusa_refund_id` and are skipped; each other one goes through
 * Medusa's refundPaymentWorkflow, whose provider call adopts that Stripe refund instead of
 * refunding again (see the provider's refundPayment). The order's refunded total follows.
 */
export async function reflectRefunds(container: MedusaContainer, stripe: Stripe, intentId: string): Promise<string> {
  const { sessionId, payment } = await intentWithPayment(container, stripe, intentId)
  if (!sessionId) return NOT_OURS
  if (!payment) return "ignored: no Medusa payment for this intent"

  const refunds = await stripe.refunds.list({ payment_intent: intentId, limit: 100 })
  const outside = refunds.data.filter((r) => !r.metadata?.medusa_refund_id && (r.status === "succeeded" || r.status === "pending"))
  for (const refund of outside) {
    await refundPaymentWorkflow(container).run({
      input: {
        payment_id: payment.id,
        amount: getAmountFromSmallestUnit(refund.amount, refund.currency),
        note: `Refunded in Stripe (${refund.id})`,
      },
    })
  }
  return outside.length ? `recorded ${outside.length} refund(s) made in Stripe: ${outside.map((r) => r.id).join(", ")}` : "no change: every refund is already recorded"
}
