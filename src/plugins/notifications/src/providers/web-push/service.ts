import { createHash } from "crypto"
import https from "https"
import { rootCertificates } from "tls"
import type { ProviderSendNotificationDTO, ProviderSendNotificationResultsDTO } from "@medusajs/framework/types"
import { AbstractNotificationProviderService } from "@medusajs/framework/utils"
import { sendNotification, type RequestOptions } from "web-push"
import { toPushSendError } from "./errors"
import { validateWebPushOptions, type ResolvedWebPushOptions, type WebPushOptions } from "./options"
import { deliveryHints, pushPayload, subscriptionOf } from "./payload"

/**
 * Notification Module provider for browser push: the Web Push protocol with VAPID, through
 * the `web-push` package. A notification's `to` is the subscription endpoint and
 * `provider_data.subscription` the browser's subscription; the payload is
 * `{ title, body, url, tag }` (see `payload.ts`).
 *
 * VAPID details go with each call rather than `webpush.setVapidDetails()`, which is
 * process-wide and would mix up two providers with different keys.
 *
 * Errors are `PushSendError`s; `code: "subscription_gone"` (404/410) tells the caller to
 * disable the subscription.
 */
class WebPushNotificationProviderService extends AbstractNotificationProviderService {
  static identifier = "web-push"

  protected readonly options_: ResolvedWebPushOptions
  /** Set only with the `ca` option: trusts it besides the public CAs. */
  private readonly agent_?: https.Agent

  static validateOptions(options: Record<string, unknown>): void {
    validateWebPushOptions(options as Partial<WebPushOptions>)
  }

  constructor(_dependencies: Record<string, unknown>, options: WebPushOptions) {
    super()
    this.options_ = validateWebPushOptions(options)
    if (this.options_.ca) this.agent_ = new https.Agent({ ca: [...rootCertificates, this.options_.ca] })
  }

  async send(notification: ProviderSendNotificationDTO): Promise<ProviderSendNotificationResultsDTO> {
    const subscription = subscriptionOf(notification)
    const payload = pushPayload(notification)
    const options: RequestOptions = {
      vapidDetails: { subject: this.options_.subject, publicKey: this.options_.vapidPublicKey, privateKey: this.options_.vapidPrivateKey },
      TTL: this.options_.ttlSeconds,
      timeout: this.options_.timeoutMs,
      contentEncoding: "aes128gcm",
      ...deliveryHints(notification),
      ...(this.agent_ ? { agent: this.agent_ } : {}),
    }
    try {
      const response = await sendNotification(subscription, payload, options)
      // RFC 8030 §5: the Location header is the push message resource.
      const location = response.headers?.location
      return { id: typeof location === "string" && location ? location : derivedId(subscription.endpoint) }
    } catch (error) {
      throw toPushSendError(error, subscription.endpoint)
    }
  }
}

/** An id for a push service that sends no Location: the endpoint's hash and the time. */
function derivedId(endpoint: string): string {
  return `push_${createHash("sha256").update(endpoint).digest("hex").slice(0, 16)}_${Date.now().toString(36)}`
}

export default WebPushNotificationProviderService
