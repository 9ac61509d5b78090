import { model } from "@medusajs/framework/utils"

/** A customer who registered an account (Medusa's `customer.created` with `has_account`). */
const AnalyticsRegistration = model
  .define("analytics_registration", {
    id: model.id({ prefix: "areg" }).primaryKey(),
    customer_id: model.text(),
    registered_at: model.dateTime(),
  })
  .indexes([{ on: ["customer_id"], unique: true }, { on: ["registered_at"] }])

export default AnalyticsRegistration
