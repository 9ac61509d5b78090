import { processPaymentWorkflow } from "@medusajs/core-flows"
import { getAmountFromSmallestUnit } from "@medusajs/payment-stripe/dist/utils/get-smallest-unit"
import type { MedusaContainer } from "@medusajs/framework/types"
import { PaymentActions } from "@medusajs/framework/utils"
import type Stripe from "stripe"
import { intentWithPayment, NOT_OURS } from "./medusa-records"

/**
 * Brings Medusa's payment in line with the PaymentIntent as Stripe has it *now* — the event only
 * says which intent to look at. Stripe does not deliver events in order, so acting on the
 * payload could move a payment backwards (an `amount_capturable_updated` arriving after
 * `succeeded`); acting on the current state cannot. Medusa's processPaymentWorkflow does the
 * work (completing the cart if the shopper never came back, capturing), under its cart lock.
 */
export async function reconcilePaymentIntent(container: MedusaContainer, stripe: Stripe, intentId: string): Promise<string> {
  const { intent, sessionId, payment } = await intentWithPayment(container, stripe, intentId)
  if (!sessionId) return NOT_OURS

  if (intent.status === "requires_capture") {
    if (payment) return `no change: payment ${payment.id} is already authorized`
    await processPaymentWorkflow(container).run({
      input: {
        action: PaymentActions.AUTHORIZED,
        data: { session_id: sessionId, amount: getAmountFromSmallestUnit(intent.amount_capturable, intent.currency) },
      },
    })
    return "authorized: the cart was completed from the webhook"
  }
  if (intent.status === "succeeded") {
    if (payment?.captured_at) return `no change: payment ${payment.id} is already captured`
    await processPaymentWorkflow(container).run({
      input: {
        action: PaymentActions.SUCCESSFUL,
        data: { session_id: sessionId, amount: getAmountFromSmallestUnit(intent.amount_received, intent.currency) },
      },
    })
    return payment ? `captured payment ${payment.id}` : "captured: the cart was completed from the webhook"
  }
  return `no change: the intent is ${intent.status}`
}
