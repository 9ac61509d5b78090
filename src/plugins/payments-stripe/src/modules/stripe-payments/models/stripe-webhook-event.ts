import { model } from "@medusajs/framework/utils"

/**
 * One Stripe event, by Stripe's event id: the webhook route claims it before acting, so a
 * redelivery (Stripe retries, replays from the dashboard, `stripe events resend`) changes nothing.
 * A failed attempt stays `failed` and is taken up again by the next delivery.
 */
const StripeWebhookEvent = model
  .define("stripe_webhook_event", {
    id: model.id({ prefix: "swev" }).primaryKey(),
    stripe_event_id: model.text(),
    type: model.text(),
    /** The id of the event's object: pi_…, ch_…, dp_… */
    object_id: model.text().nullable(),
    status: model.enum(["processing", "processed", "failed"]).default("processing"),
    attempts: model.number().default(1),
    /** What the engine did with it, for the merchant: "captured payment pay_…", "ignored: …" */
    outcome: model.text().nullable(),
    error: model.text().nullable(),
    /** Stripe's `created` of the event (when it happened at Stripe, not when it arrived). */
    stripe_created_at: model.dateTime(),
  })
  .indexes([
    { on: ["stripe_event_id"], unique: true },
    { on: ["object_id", "created_at"] },
    { on: ["status", "created_at"] },
  ])

export default StripeWebhookEvent
