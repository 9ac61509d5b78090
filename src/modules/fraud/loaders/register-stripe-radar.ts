import type { LoaderOptions } from "@medusajs/framework/types"
import type { FraudModuleOptions } from "../service"
import { registerFraudSignalProvider } from "../signals"

/**
 * With Stripe configured, Radar's verdict on the checkout's card feeds the "stripe_radar" rule.
 * The plugin is required only then: a store without Stripe never loads it.
 */
export default async function registerStripeRadar({ options }: LoaderOptions<FraudModuleOptions>): Promise<void> {
  if (!options?.stripe_radar) return
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { stripeRadarSignal } = require("@emporium/medusa-payments-stripe/radar")
  registerFraudSignalProvider(stripeRadarSignal(options.stripe_radar, "stripe_radar"))
}
