import { model } from "@medusajs/framework/utils"

export const MESSAGE_CHANNELS = ["email", "sms", "push"] as const
export const MESSAGE_STATUSES = ["queued", "sending", "sent", "failed", "suppressed"] as const
export type MessageChannel = (typeof MESSAGE_CHANNELS)[number]
export type MessageStatus = (typeof MESSAGE_STATUSES)[number]

/**
 * One rendered message to one recipient on one channel: the outbox, the notification history
 * and the dev mailbox in one table. The rendered parts are kept, so the admin shows exactly what
 * was sent and a resend sends it again unchanged.
 *
 * `idempotency_key` is (event, template, channel, recipient): a redelivered event finds its
 * message already here and sends nothing.
 */
const NotificationMessage = model
  .define("notification_message", {
    id: model.id({ prefix: "nmsg" }).primaryKey(),
    idempotency_key: model.text(),
    channel: model.enum([...MESSAGE_CHANNELS]),
    template: model.text(),
    category: model.enum(["transactional", "marketing"]),
    locale: model.text(),
    /** E-mail address, E.164 phone number, or push endpoint. */
    to: model.text(),
    /** The customer (or admin user) it is for, when known. */
    receiver_id: model.text().nullable(),
    subject: model.text(),
    html: model.text().nullable(),
    text: model.text(),
    /** Extra e-mail headers (List-Unsubscribe) and the push subscription, handed to the provider. */
    provider_data: model.json().nullable(),
    /** What the template was rendered from (previews, support). */
    data: model.json().nullable(),
    /** The event or job that asked for it: "order.placed", "abandoned-cart". */
    trigger: model.text(),
    resource_type: model.text().nullable(),
    resource_id: model.text().nullable(),
    status: model.enum([...MESSAGE_STATUSES]).default("queued"),
    /** Why a message was not sent at all: "no marketing consent", "unsubscribed". */
    suppressed_reason: model.text().nullable(),
    attempts: model.number().default(0),
    next_attempt_at: model.dateTime().nullable(),
    last_error: model.text().nullable(),
    /** The Notification Module provider that took it, and Medusa's notification record. */
    provider_id: model.text().nullable(),
    notification_id: model.text().nullable(),
    external_id: model.text().nullable(),
    sent_at: model.dateTime().nullable(),
    /** Set on a copy made by "Resend": the message it repeats. */
    resent_from_id: model.text().nullable(),
  })
  .indexes([
    { on: ["idempotency_key"], unique: true },
    { on: ["status", "next_attempt_at"] },
    { on: ["created_at"] },
    { on: ["to"] },
    { on: ["resource_type", "resource_id"] },
  ])

export default NotificationMessage
