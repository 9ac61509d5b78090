import { model } from "@medusajs/framework/utils"

/**
 * A chargeback opened by the cardholder's bank (`charge.dispute.*`), kept so the merchant sees it
 * on the order and answers before `evidence_due_by`. `order_id` and `payment_id` are read-only
 * references to Medusa's order and payment.
 */
const StripeDispute = model
  .define("stripe_dispute", {
    id: model.id({ prefix: "sdsp" }).primaryKey(),
    stripe_dispute_id: model.text(),
    payment_intent_id: model.text(),
    charge_id: model.text(),
    order_id: model.text().nullable(),
    payment_id: model.text().nullable(),
    /** In the currency's smallest unit, as Stripe reports it. */
    amount: model.number(),
    currency_code: model.text(),
    reason: model.text(),
    /** Stripe's status: warning_needs_response, needs_response, under_review, won, lost… */
    status: model.text(),
    evidence_due_by: model.dateTime().nullable(),
  })
  .indexes([
    { on: ["stripe_dispute_id"], unique: true },
    { on: ["order_id"] },
    { on: ["status", "created_at"] },
  ])

export default StripeDispute
