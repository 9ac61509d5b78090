/**
 * Webhook deliveries (Stripe docs "Webhooks"): JSON body, `Stripe-Signature` header
 * `t=<unix>,v1=<hmac-sha256(secret, "<t>.<payload>")>`, produced here by the real SDK's
 * generateTestHeaderString so the SDK's constructEvent accepts it.
 */
import { StripeSdk } from "./sdk"
import type { StripeEvent } from "./types"

export function signedDelivery(event: StripeEvent, secret: string): { payload: string; header: string } {
  const payload = JSON.stringify(event, null, 2)
  return { payload, header: StripeSdk.webhooks.generateTestHeaderString({ payload, secret }) }
}

/** Posts events one after another in creation order; failures are ignored (fire-and-forget). */
export class WebhookSender {
  private chain: Promise<void> = Promise.resolve()

  constructor(private url: string, private secret: string, private timeoutMs = 5000) {}

  enqueue(event: StripeEvent): void {
    const { payload, header } = signedDelivery(event, this.secret) // signed at creation time
    this.chain = this.chain
      .then(async () => {
        const res = await fetch(this.url, {
          method: "POST",
          headers: {
            "Content-Type": "application/json; charset=utf-8",
            "Stripe-Signature": header,
            "User-Agent": "Stripe/1.0 (+https://stripe.com/docs/webhooks)",
          },
          body: payload,
          signal: AbortSignal.timeout(this.timeoutMs),
        })
        await res.arrayBuffer().catch(() => undefined)
      })
      .catch(() => undefined)
  }

  idle(): Promise<void> {
    return this.chain
  }
}
