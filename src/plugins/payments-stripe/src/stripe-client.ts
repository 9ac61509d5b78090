import Stripe from "stripe"
import type { StripePaymentsOptions } from "./providers/stripe/options"

/**
 * The one place a Stripe client is made, for the provider, the webhook route and the Radar
 * signal alike. `apiBaseUrl` points it at a local fake in tests; production leaves it unset.
 */
export function createStripeClient(options: Pick<StripePaymentsOptions, "apiKey" | "apiBaseUrl">): Stripe {
  const base = options.apiBaseUrl ? new URL(options.apiBaseUrl) : undefined
  return new Stripe(options.apiKey, {
    appInfo: { name: "@emporium/medusa-payments-stripe" },
    maxNetworkRetries: 2,
    ...(base
      ? {
          host: base.hostname,
          port: Number(base.port || (base.protocol === "https:" ? 443 : 80)),
          protocol: base.protocol.replace(":", "") as "http" | "https",
        }
      : {}),
  })
}
