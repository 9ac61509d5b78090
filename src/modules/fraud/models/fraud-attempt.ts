import { model } from "@medusajs/framework/utils"

/**
 * One checkout attempt, for velocity in PostgreSQL when Redis is not configured (with Redis the
 * windows live in sorted sets). Old rows are pruned by the hour.
 */
const FraudAttempt = model
  .define("fraud_attempt", {
    id: model.id({ prefix: "fat" }).primaryKey(),
    key: model.text(),
    cart_id: model.text(),
    occurred_at: model.dateTime(),
  })
  .indexes([{ on: ["key", "occurred_at"] }])

export default FraudAttempt
