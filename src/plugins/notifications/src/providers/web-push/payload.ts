import type { ProviderSendNotificationDTO } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import type { PushSubscription, Urgency } from "web-push"

/** What the storefront's service worker receives (`event.data.json()`). */
export type PushPayload = {
  /** `content.subject`: the notification's title. */
  title?: string
  /** `content.text`: the notification's body. */
  body?: string
  /** `data.url`: where a click on the notification leads. */
  url?: string
  /** The template: a newer message with the same tag replaces the shown one. */
  tag: string
}

/**
 * Largest payload before encryption: push services must take 4096 bytes of body (RFC 8030
 * §7.2), and aes128gcm adds a 86-byte header (salt, record size, 65-byte key), a 16-byte
 * tag and a 1-byte padding delimiter (RFC 8291 §4).
 */
export const MAX_PAYLOAD_BYTES = 4096 - 86 - 16 - 1

const URGENCIES: Urgency[] = ["very-low", "low", "normal", "high"]

function invalid(message: string): MedusaError {
  return new MedusaError(MedusaError.Types.INVALID_DATA, message)
}

/**
 * The browser's subscription: `provider_data.subscription` as the browser's
 * `PushSubscription.toJSON()` gives it. `to` is its endpoint; both must agree, so a
 * subscription can never be sent another's keys.
 */
export function subscriptionOf(notification: ProviderSendNotificationDTO): PushSubscription {
  const raw = notification.provider_data?.subscription as { endpoint?: unknown; keys?: { p256dh?: unknown; auth?: unknown } } | undefined
  const endpoint = notification.to?.trim()
  if (!endpoint || !/^https:\/\//.test(endpoint)) throw invalid("A push notification's `to` must be the subscription's https endpoint.")
  if (!raw || typeof raw !== "object") throw invalid("A push notification needs provider_data.subscription ({ endpoint, keys: { p256dh, auth } }).")
  if (raw.endpoint !== undefined && raw.endpoint !== endpoint) throw invalid("provider_data.subscription.endpoint differs from the notification's `to`.")
  const { p256dh, auth } = raw.keys ?? {}
  if (typeof p256dh !== "string" || !p256dh || typeof auth !== "string" || !auth) {
    throw invalid("provider_data.subscription.keys needs the browser's p256dh and auth keys.")
  }
  return { endpoint, keys: { p256dh, auth } }
}

export function pushPayload(notification: ProviderSendNotificationDTO): string {
  const url = notification.data?.url
  const payload: PushPayload = {
    title: notification.content?.subject,
    body: notification.content?.text,
    url: typeof url === "string" ? url : undefined,
    tag: notification.template,
  }
  const json = JSON.stringify(payload)
  const bytes = Buffer.byteLength(json)
  if (bytes > MAX_PAYLOAD_BYTES) {
    throw invalid(`The push message "${notification.template}" is ${bytes} bytes; push services take at most ${MAX_PAYLOAD_BYTES} before encryption.`)
  }
  return json
}

/** `provider_data.urgency` and `provider_data.topic`, the optional RFC 8030 headers. */
export function deliveryHints(notification: ProviderSendNotificationDTO): { urgency?: Urgency; topic?: string } {
  const { urgency, topic } = notification.provider_data ?? {}
  if (urgency !== undefined && !URGENCIES.includes(urgency as Urgency)) throw invalid(`provider_data.urgency must be one of ${URGENCIES.join(", ")}.`)
  // RFC 8030 §5.4: at most 32 characters of the URL-safe base64 alphabet.
  if (topic !== undefined && (typeof topic !== "string" || !/^[A-Za-z0-9_-]{1,32}$/.test(topic))) {
    throw invalid("provider_data.topic must be 1 to 32 URL-safe base64 characters.")
  }
  return { ...(urgency ? { urgency: urgency as Urgency } : {}), ...(topic ? { topic: topic as string } : {}) }
}
