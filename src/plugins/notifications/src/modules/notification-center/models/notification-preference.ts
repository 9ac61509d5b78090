import { model } from "@medusajs/framework/utils"

/**
 * What one recipient (by e-mail address) agreed to. Transactional e-mail needs no row; marketing
 * e-mail needs `marketing_email`, SMS and push need their opt-in. Keyed by address rather than
 * customer so a guest's consent at checkout and a one-click unsubscribe work without an account.
 */
const NotificationPreference = model
  .define("notification_preference", {
    id: model.id({ prefix: "npref" }).primaryKey(),
    /** Lower-cased. */
    email: model.text(),
    customer_id: model.text().nullable(),
    marketing_email: model.boolean().default(false),
    marketing_consent_at: model.dateTime().nullable(),
    /** Set by the signed unsubscribe link; cleared when consent is given again. */
    unsubscribed_at: model.dateTime().nullable(),
    sms: model.boolean().default(false),
    /** E.164, e.g. +4915112345678. */
    phone: model.text().nullable(),
    push: model.boolean().default(false),
    /** BCP 47 tag the customer reads, e.g. "de". */
    locale: model.text().nullable(),
  })
  .indexes([
    { on: ["email"], unique: true },
    { on: ["customer_id"] },
  ])

export default NotificationPreference
