import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import type Stripe from "stripe"
import { STRIPE_PAYMENTS_MODULE } from "../modules/stripe-payments"
import type StripePaymentsModuleService from "../modules/stripe-payments/service"
import { intentWithPayment } from "./medusa-records"

export const STRIPE_DISPUTE_OPENED = "stripe.dispute.created"
export const STRIPE_DISPUTE_UPDATED = "stripe.dispute.updated"

/** Keeps the dispute on the order (created, then each status change) and tells subscribers. */
/** `intentId`: the dispute's PaymentIntent (the dispatcher has read it from the event). */
export async function recordDispute(container: MedusaContainer, stripe: Stripe, dispute: Stripe.Dispute, intentId: string): Promise<string> {
  const service = container.resolve<StripePaymentsModuleService>(STRIPE_PAYMENTS_MODULE)
  const chargeId = typeof dispute.charge === "string" ? dispute.charge : dispute.charge.id
  const { payment } = await intentWithPayment(container, stripe, intentId)

  // Stripe's current dispute, not the event's copy: a late "created" must not undo "won".
  const current = await stripe.disputes.retrieve(dispute.id)
  const fields = {
    payment_intent_id: intentId,
    charge_id: chargeId,
    order_id: payment?.order_id ?? null,
    payment_id: payment?.id ?? null,
    amount: current.amount,
    currency_code: current.currency,
    reason: current.reason,
    status: current.status,
    evidence_due_by: current.evidence_details?.due_by ? new Date(current.evidence_details.due_by * 1000) : null,
  }
  const [existing] = await service.listStripeDisputes({ stripe_dispute_id: dispute.id })
  const record = existing
    ? await service.updateStripeDisputes({ id: existing.id, ...fields })
    : await service.createStripeDisputes({ stripe_dispute_id: dispute.id, ...fields })
  await container.resolve(Modules.EVENT_BUS).emit({
    name: existing ? STRIPE_DISPUTE_UPDATED : STRIPE_DISPUTE_OPENED,
    data: { id: record.id, order_id: fields.order_id, status: fields.status },
  })
  return `dispute ${dispute.id} ${fields.status}${fields.order_id ? ` on order ${fields.order_id}` : ""}`
}
