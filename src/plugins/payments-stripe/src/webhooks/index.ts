import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import type Stripe from "stripe"
import { recordDispute } from "./dispute"
import { reconcilePaymentIntent } from "./payment-intent"
import { reflectRefunds } from "./refund"

/**
 * The events the endpoint acts on (enable these in Stripe's dashboard). Anything else is stored
 * and answered 200, so Stripe stops resending it.
 */
export const HANDLED_EVENTS = [
  "payment_intent.succeeded",
  "payment_intent.amount_capturable_updated",
  "payment_intent.payment_failed",
  "payment_intent.canceled",
  "payment_intent.requires_action",
  "charge.refunded",
  "charge.dispute.created",
  "charge.dispute.updated",
  "charge.dispute.closed",
] as const

/**
 * Acts on one verified, claimed event. Work on one PaymentIntent is serialised across
 * processes (Medusa's Locking Module), so two events about it never race each other.
 */
export async function handleStripeEvent(container: MedusaContainer, stripe: Stripe, event: Stripe.Event): Promise<string> {
  const object = event.data.object as { id: string; object: string; payment_intent?: string | { id: string } | null }
  const intentId =
    object.object === "payment_intent" ? object.id : typeof object.payment_intent === "string" ? object.payment_intent : object.payment_intent?.id
  if (!(HANDLED_EVENTS as readonly string[]).includes(event.type)) return `ignored: ${event.type} is not used`
  if (!intentId) return "ignored: no PaymentIntent"

  const locking = container.resolve(Modules.LOCKING)
  return locking.execute(
    `stripe-intent:${intentId}`,
    async () => {
      if (event.type.startsWith("payment_intent.")) return reconcilePaymentIntent(container, stripe, intentId)
      if (event.type === "charge.refunded") return reflectRefunds(container, stripe, intentId)
      return recordDispute(container, stripe, event.data.object as Stripe.Dispute, intentId)
    },
    { timeout: 30 }
  )
}
