import type { StripeOptions } from "@medusajs/payment-stripe/dist/types"

/**
 * Options of the Emporium Stripe plugin. One object configures the payment provider, the
 * webhook route and the admin widgets; `stripePayments()` in `config.ts` hands it to both.
 */
export type StripePaymentsOptions = {
  /** Secret API key (`sk_live_…` / `sk_test_…`, or a restricted `rk_…` key). Required. */
  apiKey: string
  /**
   * Signing secret of the webhook endpoint (`whsec_…`), from Stripe's dashboard or
   * `stripe listen`. Required: without it no webhook can be verified, so 3D Secure
   * completions, dashboard refunds and disputes would never reach the engine.
   */
  webhookSecret: string
  /**
   * `manual` (default): the card is authorized at checkout and captured when the merchant
   * captures the payment (or the fraud review approves it). `automatic`: captured at once.
   */
  captureMode?: "automatic" | "manual"
  /**
   * Payment method types offered on the PaymentIntent, e.g. `["card"]`. Unset: Stripe's
   * automatic payment methods, as configured in the dashboard.
   */
  paymentMethods?: string[]
  /**
   * Text after your account's statement descriptor prefix on the customer's card statement
   * (Stripe's `statement_descriptor_suffix`; up to 22 characters with the prefix).
   */
  statementDescriptor?: string
  /**
   * Where the Stripe API is. Only for testing against a local fake or stripe-mock, e.g.
   * `http://127.0.0.1:12111`; unset in production (Stripe's own `https://api.stripe.com`).
   */
  apiBaseUrl?: string
}

/** Checks the options once at load; a missing key is named, never a crash at first checkout. */
export function validateStripePaymentsOptions(options: Partial<StripePaymentsOptions> | undefined): StripePaymentsOptions {
  const problems: string[] = []
  if (!options?.apiKey || typeof options.apiKey !== "string") problems.push("`apiKey` (STRIPE_API_KEY) is required")
  if (!options?.webhookSecret || typeof options.webhookSecret !== "string") {
    problems.push("`webhookSecret` (STRIPE_WEBHOOK_SECRET) is required")
  }
  if (options?.captureMode && !["automatic", "manual"].includes(options.captureMode)) {
    problems.push("`captureMode` must be \"automatic\" or \"manual\"")
  }
  if (options?.statementDescriptor && options.statementDescriptor.length > 22) {
    problems.push("`statementDescriptor` can be at most 22 characters")
  }
  if (options?.apiBaseUrl) {
    try {
      new URL(options.apiBaseUrl)
    } catch {
      problems.push("`apiBaseUrl` must be a URL")
    }
  }
  if (problems.length) throw new Error(`Stripe payments plugin: ${problems.join("; ")}.`)
  return options as StripePaymentsOptions
}

/** The official provider's options, derived from ours. */
export function toMedusaStripeOptions(options: StripePaymentsOptions): StripeOptions {
  return {
    apiKey: options.apiKey,
    webhookSecret: options.webhookSecret,
    capture: options.captureMode === "automatic",
    automaticPaymentMethods: !options.paymentMethods?.length,
  }
}
