import type { MedusaContainer } from "@medusajs/framework/types"
import type { MessageChannel } from "../modules/notification-center/models/notification-message"
import type { MessageRecord, NewMessage, PreferenceRecord } from "../modules/notification-center/service"
import { TEMPLATES, renderTemplate, resolveLocale } from "../templates"
import type { RenderedMessage, TemplateData, TemplateName } from "../templates/data"
import { notificationCenter } from "./center"
import { deliverMessage } from "./deliver"
import { unsubscribeUrl } from "./unsubscribe-token"

export type Recipient = {
  email?: string | null
  /** The customer or admin user the message is for: push subscriptions are looked up by it. */
  customer_id?: string | null
  /** The order's or cart's locale; the recipient's saved preference wins over it. */
  locale?: string | null
}

export type NotifyRequest<N extends TemplateName> = {
  template: N
  data: TemplateData[N]
  recipient: Recipient
  /** The event or job asking: "order.placed", "abandoned-cart". */
  trigger: string
  /**
   * What makes this occurrence unique (an order id for order.placed, a reset token for a password
   * reset): with template, channel and recipient it is the idempotency key.
   */
  occurrence: string
  resource?: { type: string; id: string }
  /** Channels beyond e-mail to try; each needs the recipient's opt-in and a configured provider. */
  alsoOn?: ("sms" | "push")[]
  /** Where a push notification opens. */
  url?: string
}

/**
 * Renders a template for one recipient and sends it on each channel the recipient can be reached
 * on. Every message is recorded first under its idempotency key, so a redelivered event finds it
 * and sends nothing again; a marketing mail without consent is recorded as suppressed, visibly.
 */
export async function notify<N extends TemplateName>(container: MedusaContainer, request: NotifyRequest<N>): Promise<MessageRecord[]> {
  const center = notificationCenter(container)
  const settings = center.settings()
  const definition = TEMPLATES[request.template]
  const email = request.recipient.email?.trim().toLowerCase() || null
  const preference = email ? await center.preferenceFor(email) : null
  const locale = resolveLocale(preference?.locale ?? request.recipient.locale, settings.defaultLocale)
  const marketing = definition.category === "marketing"
  const unsubscribe = marketing && email ? unsubscribeUrl(settings.backendUrl, email, settings.secret) : undefined
  const rendered = await renderTemplate(request.template, request.data, { locale, branding: settings.branding, unsubscribeUrl: unsubscribe })

  const base = {
    template: request.template,
    category: definition.category,
    locale,
    receiver_id: request.recipient.customer_id ?? null,
    data: request.data as unknown as Record<string, unknown>,
    trigger: request.trigger,
    resource_type: request.resource?.type ?? null,
    resource_id: request.resource?.id ?? null,
  }
  const key = (channel: MessageChannel, to: string) => `${request.template}:${channel}:${request.occurrence}:${to}`
  const outgoing: NewMessage[] = []

  if (email) {
    const refusal = marketing ? marketingRefusal(preference) : null
    outgoing.push({
      ...base,
      idempotency_key: key("email", email),
      channel: "email",
      to: email,
      subject: rendered.subject,
      html: rendered.html,
      text: rendered.text,
      provider_data: unsubscribe
        ? { headers: { "List-Unsubscribe": `<${unsubscribe}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" } }
        : null,
      ...(refusal ? { status: "suppressed" as const, suppressed_reason: refusal } : {}),
    })
  }
  // SMS and push only where the customer opted in, and never for marketing.
  if (!marketing && request.alsoOn?.includes("sms") && settings.sms && preference?.sms && preference.phone) {
    outgoing.push({ ...base, ...shortForm(rendered, "sms"), idempotency_key: key("sms", preference.phone), channel: "sms", to: preference.phone, html: null, provider_data: null })
  }
  if (!marketing && request.alsoOn?.includes("push") && settings.push && preference?.push && request.recipient.customer_id) {
    for (const subscription of await center.activePushSubscriptions(request.recipient.customer_id)) {
      outgoing.push({
        ...base,
        ...shortForm(rendered, "push"),
        idempotency_key: key("push", subscription.endpoint),
        channel: "push",
        to: subscription.endpoint,
        html: null,
        provider_data: {
          subscription: { endpoint: subscription.endpoint, keys: { p256dh: subscription.p256dh, auth: subscription.auth } },
          url: request.url ?? rendered.push.url ?? null,
        },
      })
    }
  }

  const results: MessageRecord[] = []
  for (const message of outgoing) {
    const { message: recorded, created } = await center.recordMessage(message)
    results.push(created && recorded.status === "queued" ? await deliverMessage(container, recorded) : recorded)
  }
  return results
}

function marketingRefusal(preference: PreferenceRecord | null): string | null {
  if (preference?.unsubscribed_at) return "The recipient unsubscribed from marketing e-mail."
  if (!preference?.marketing_email) return "No marketing consent from the recipient."
  return null
}

function shortForm(rendered: RenderedMessage, channel: "sms" | "push"): { subject: string; text: string } {
  return channel === "sms" ? { subject: rendered.subject, text: rendered.sms } : { subject: rendered.push.title, text: rendered.push.body }
}

/** "Resend" in the admin: the same rendered message again, as a new message with its own history. */
export async function resendMessage(container: MedusaContainer, original: MessageRecord): Promise<MessageRecord> {
  const center = notificationCenter(container)
  const { message } = await center.recordMessage({
    idempotency_key: `resend:${original.id}:${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`,
    channel: original.channel,
    template: original.template,
    category: original.category,
    locale: original.locale,
    to: original.to,
    receiver_id: original.receiver_id,
    subject: original.subject,
    html: original.html,
    text: original.text,
    provider_data: original.provider_data,
    data: original.data,
    trigger: "admin.resend",
    resource_type: original.resource_type,
    resource_id: original.resource_id,
    resent_from_id: original.id,
  })
  return deliverMessage(container, message)
}
