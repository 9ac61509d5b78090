import { MedusaError, MedusaService } from "@medusajs/framework/utils"
import type Stripe from "stripe"
import type { StripePaymentsOptions } from "../../providers/stripe/options"
import { createStripeClient } from "../../stripe-client"
import StripeDispute from "./models/stripe-dispute"
import StripeWebhookEvent from "./models/stripe-webhook-event"

type WebhookEventRecord = { id: string; stripe_event_id: string; status: "processing" | "processed" | "failed"; attempts: number }

/**
 * The plugin's own state: which Stripe events were handled (and how), and the disputes opened
 * on orders. It also owns the Stripe client the webhook route and the saved-cards routes use.
 */
class StripePaymentsModuleService extends MedusaService({ StripeWebhookEvent, StripeDispute }) {
  protected readonly options_: Partial<StripePaymentsOptions>
  protected stripe_: Stripe | null = null

  constructor(container: Record<string, unknown>, options: Partial<StripePaymentsOptions> = {}) {
    // eslint-disable-next-line prefer-rest-params
    super(...arguments)
    this.options_ = options
  }

  /** The Stripe client, made on first use so an engine without Stripe keys still starts. */
  stripe(): Stripe {
    if (!this.options_.apiKey) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "Stripe is not configured on this store (no apiKey in the plugin options).")
    }
    this.stripe_ ??= createStripeClient({ apiKey: this.options_.apiKey, apiBaseUrl: this.options_.apiBaseUrl })
    return this.stripe_
  }

  /**
   * Verifies Stripe's signature over the raw body (HMAC-SHA256 with the endpoint's secret, five
   * minutes' tolerance) and returns the event. Anything else is refused before a byte is written.
   */
  constructEvent(rawBody: Buffer | string | undefined, signature: string | string[] | undefined): Stripe.Event {
    if (!this.options_.webhookSecret) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "Stripe webhooks are not configured on this store (no webhookSecret).")
    }
    if (!rawBody || !signature || Array.isArray(signature)) {
      throw new MedusaError(MedusaError.Types.UNAUTHORIZED, "Missing Stripe-Signature header or body.")
    }
    try {
      return this.stripe().webhooks.constructEvent(rawBody, signature, this.options_.webhookSecret)
    } catch {
      throw new MedusaError(MedusaError.Types.UNAUTHORIZED, "Stripe signature verification failed.")
    }
  }

  /**
   * Claims an event for processing. `false`: it was handled already or is being handled right
   * now by another delivery. The unique index on `stripe_event_id` decides between two
   * deliveries arriving together.
   */
  async claimEvent(event: Stripe.Event): Promise<{ claimed: boolean; record: WebhookEventRecord }> {
    const [existing] = (await this.listStripeWebhookEvents({ stripe_event_id: event.id })) as WebhookEventRecord[]
    if (existing) {
      if (existing.status !== "failed") return { claimed: false, record: existing }
      const retried = (await this.updateStripeWebhookEvents({
        id: existing.id,
        status: "processing",
        attempts: existing.attempts + 1,
        error: null,
      })) as WebhookEventRecord
      return { claimed: true, record: retried }
    }
    try {
      const record = (await this.createStripeWebhookEvents({
        stripe_event_id: event.id,
        type: event.type,
        object_id: (event.data.object as { id?: string }).id ?? null,
        stripe_created_at: new Date(event.created * 1000),
      })) as WebhookEventRecord
      return { claimed: true, record }
    } catch (error) {
      const [winner] = (await this.listStripeWebhookEvents({ stripe_event_id: event.id })) as WebhookEventRecord[]
      if (winner) return { claimed: false, record: winner }
      throw error
    }
  }

  async finishEvent(id: string, outcome: string): Promise<void> {
    await this.updateStripeWebhookEvents({ id, status: "processed", outcome })
  }

  async failEvent(id: string, error: string): Promise<void> {
    await this.updateStripeWebhookEvents({ id, status: "failed", error: error.slice(0, 2000) })
  }
}

export default StripePaymentsModuleService
