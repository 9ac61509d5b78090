import { model } from "@medusajs/framework/utils"

/**
 * The verdict on one checkout: score, decision and each rule's reason, with the rule version.
 * `cart_id`/`order_id` are read-only links to core data. A review is decided later by a
 * merchant (`review_status`, who and when).
 */
const FraudAssessment = model
  .define("fraud_assessment", {
    id: model.id({ prefix: "fas" }).primaryKey(),
    cart_id: model.text(),
    order_id: model.text().nullable(),
    customer_id: model.text().nullable(),
    email: model.text().nullable(),
    ip: model.text().nullable(),
    /** Kept so a merchant rejecting a review can blocklist the address and card too. */
    address_key: model.text().nullable(),
    card_fingerprint: model.text().nullable(),
    amount: model.number(),
    currency_code: model.text(),
    score: model.number(),
    decision: model.enum(["approve", "review", "reject"]),
    reasons: model.json(),
    rule_set_version: model.number(),
    review_status: model.enum(["pending", "approved", "rejected"]).nullable(),
    reviewed_by: model.text().nullable(),
    reviewed_at: model.dateTime().nullable(),
    review_note: model.text().nullable(),
  })
  .indexes([
    { on: ["cart_id"] },
    { on: ["order_id"] },
    { on: ["review_status", "created_at"] },
    { on: ["customer_id", "created_at"] },
    { on: ["email", "created_at"] },
    { on: ["currency_code", "decision", "created_at"] },
  ])

export default FraudAssessment
