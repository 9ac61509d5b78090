import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type Stripe from "stripe"

export type MedusaPaymentRecord = {
  id: string
  captured_at: Date | string | null
  canceled_at: Date | string | null
  payment_collection_id: string
  order_id: string | null
}

/** Medusa's payment for a payment session (null until the cart is completed), with its order. */
async function findPaymentBySession(container: MedusaContainer, sessionId: string): Promise<MedusaPaymentRecord | null> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: payments } = await query.graph({
    entity: "payment",
    fields: ["id", "captured_at", "canceled_at", "payment_collection_id"],
    filters: { payment_session_id: sessionId },
  })
  const payment = payments[0] as Omit<MedusaPaymentRecord, "order_id"> | undefined
  if (!payment) return null
  const { data: links } = await query.graph({
    entity: "order_payment_collection",
    fields: ["order_id"],
    filters: { payment_collection_id: payment.payment_collection_id },
  })
  return { ...payment, order_id: (links[0] as { order_id?: string } | undefined)?.order_id ?? null }
}

/**
 * The PaymentIntent as Stripe has it now, the payment session it was made for (null when another
 * integration on the same Stripe account made it), and Medusa's payment for that session.
 */
export async function intentWithPayment(
  container: MedusaContainer,
  stripe: Stripe,
  intentId: string
): Promise<{ intent: Stripe.PaymentIntent; sessionId: string | null; payment: MedusaPaymentRecord | null }> {
  const intent = await stripe.paymentIntents.retrieve(intentId)
  const sessionId = intent.metadata?.session_id || null
  return { intent, sessionId, payment: sessionId ? await findPaymentBySession(container, sessionId) : null }
}

export const NOT_OURS = "ignored: the intent was not created by this store"
