import { model } from "@medusajs/framework/utils"

/** One saved version of the rules; the highest version is in force. Never edited in place. */
const FraudRuleSet = model
  .define("fraud_rule_set", {
    id: model.id({ prefix: "frs" }).primaryKey(),
    version: model.number(),
    review_threshold: model.number(),
    reject_threshold: model.number(),
    rules: model.json(),
    /** The admin user who saved it; null for the built-in defaults. */
    created_by: model.text().nullable(),
  })
  .indexes([{ on: ["version"], unique: true }])

export default FraudRuleSet
