import { model } from "@medusajs/framework/utils"

/**
 * A browser's Web Push subscription (PushSubscription.toJSON()) for a customer. A push service
 * answering 404/410 means the browser dropped it: it is disabled, not deleted, for the history.
 */
const PushSubscription = model
  .define("push_subscription", {
    id: model.id({ prefix: "npsub" }).primaryKey(),
    customer_id: model.text(),
    endpoint: model.text(),
    p256dh: model.text(),
    auth: model.text(),
    expiration_time: model.dateTime().nullable(),
    user_agent: model.text().nullable(),
    disabled_at: model.dateTime().nullable(),
    disabled_reason: model.text().nullable(),
  })
  .indexes([
    { on: ["endpoint"], unique: true },
    { on: ["customer_id"] },
  ])

export default PushSubscription
