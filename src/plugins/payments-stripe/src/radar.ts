import type Stripe from "stripe"
import { STRIPE_PROVIDER_ID } from "./config"
import type { StripePaymentsOptions } from "./providers/stripe/options"
import { createStripeClient } from "./stripe-client"

/** Radar's verdict on the checkout's card payment: its 0–100 risk score and level. */
export type RadarSignal = { score: number; label: string }

/**
 * A fraud signal provider for Emporium's fraud module (`registerFraudSignalProvider`), or any
 * scorer with the same shape: it reads Radar's outcome on the charge of the checkout's Stripe
 * PaymentIntent. No Stripe session, or no charge yet (not confirmed), answers null: no signal.
 */
export function stripeRadarSignal(options: Pick<StripePaymentsOptions, "apiKey" | "apiBaseUrl">, name = "stripe_radar") {
  let stripe: Stripe | null = null
  return {
    name,
    async signal(checkout: { payment_sessions: { provider_id: string; data: Record<string, unknown> }[] }): Promise<RadarSignal | null> {
      const session = checkout.payment_sessions.find((s) => s.provider_id === STRIPE_PROVIDER_ID && typeof s.data?.id === "string")
      if (!session) return null
      stripe ??= createStripeClient(options)
      const intent = await stripe.paymentIntents.retrieve(session.data.id as string, { expand: ["latest_charge"] })
      const charge = intent.latest_charge as Stripe.Charge | null
      const outcome = charge && typeof charge === "object" ? charge.outcome : null
      if (!outcome || typeof outcome.risk_score !== "number") return null
      return { score: outcome.risk_score, label: outcome.risk_level ?? "unknown" }
    },
  }
}
