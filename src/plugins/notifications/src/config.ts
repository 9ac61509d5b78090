import type { NotificationsPluginOptions } from "./options"
import { resolveNotificationsOptions } from "./options"
import type { MailboxOptions } from "./providers/mailbox/options"
import type { SmsHttpOptions } from "./providers/sms-http/options"
import type { SmtpOptions } from "./providers/smtp/options"
import type { WebPushOptions } from "./providers/web-push/options"

export type { NotificationsPluginOptions }

export const PLUGIN_NAME = "@emporium/medusa-notifications"

/** Which service sends e-mail. Without one, e-mail goes to the dev mailbox. */
export type EmailDelivery =
  | { smtp: SmtpOptions }
  /** Medusa's official SendGrid provider (`@medusajs/notification-sendgrid`), fed the rendered HTML. */
  | { sendgrid: { apiKey: string; from: string } }

export type NotificationsConfigInput = {
  /** The plugin's own options: branding, links, secret, reminders, retries. */
  plugin: Omit<NotificationsPluginOptions, "channels" | "push">
  email?: EmailDelivery
  /** An SMS API (Twilio's REST shape). Without one, SMS go to the dev mailbox. */
  sms?: SmsHttpOptions
  /** Web Push with VAPID keys. Without them, nothing is pushed and storefronts cannot subscribe. */
  push?: WebPushOptions
  /** Where the dev mailbox keeps what it "sends" (.eml / .json files). */
  mailbox: Pick<MailboxOptions, "directory"> & Partial<MailboxOptions>
}

type ProviderEntry = { resolve: string; id: string; options: Record<string, unknown> }

/**
 * The plugin entry and the Notification Module providers, from one object. Medusa 2.21 routes
 * each channel to exactly one provider, listed on its Notification Module (a plugin cannot add
 * them itself); this keeps the two in step and sends every channel nobody serves to the dev
 * mailbox:
 *
 * ```ts
 * const notifications = notificationsConfig({ plugin: { secret }, email: { smtp: { url, from } }, mailbox: { directory } })
 * export default defineConfig({
 *   plugins: [notifications.plugin],
 *   modules: [{ resolve: "@medusajs/medusa/notification", options: { providers: notifications.providers } }],
 * })
 * ```
 */
export function notificationsConfig(input: NotificationsConfigInput): { plugin: { resolve: string; options: NotificationsPluginOptions }; providers: ProviderEntry[] } {
  const providers: ProviderEntry[] = []
  const mailboxChannels: string[] = []
  const channels: NonNullable<NotificationsPluginOptions["channels"]> = {}

  if (input.email && "smtp" in input.email) {
    providers.push({ resolve: `${PLUGIN_NAME}/providers/smtp`, id: "smtp", options: { ...input.email.smtp, channels: ["email"] } })
    channels.email = "smtp"
  } else if (input.email && "sendgrid" in input.email) {
    providers.push({
      resolve: "@medusajs/medusa/notification-sendgrid",
      id: "sendgrid",
      options: { channels: ["email"], api_key: input.email.sendgrid.apiKey, from: input.email.sendgrid.from },
    })
    channels.email = "sendgrid"
  } else {
    mailboxChannels.push("email")
    channels.email = "mailbox"
  }

  if (input.sms) {
    providers.push({ resolve: `${PLUGIN_NAME}/providers/sms-http`, id: "sms-http", options: { ...input.sms, channels: ["sms"] } })
    channels.sms = "sms-http"
  } else {
    mailboxChannels.push("sms")
    channels.sms = "mailbox"
  }

  if (input.push) {
    providers.push({ resolve: `${PLUGIN_NAME}/providers/web-push`, id: "web-push", options: { ...input.push, channels: ["push"] } })
    channels.push = "web-push"
  }

  if (mailboxChannels.length) {
    providers.push({ resolve: `${PLUGIN_NAME}/providers/mailbox`, id: "mailbox", options: { ...input.mailbox, channels: mailboxChannels } })
  }

  const options: NotificationsPluginOptions = {
    ...input.plugin,
    channels,
    ...(input.push ? { push: { vapidPublicKey: input.push.vapidPublicKey } } : {}),
  }
  resolveNotificationsOptions(options) // bad options stop the start here, with every problem named
  return { plugin: { resolve: PLUGIN_NAME, options }, providers }
}
