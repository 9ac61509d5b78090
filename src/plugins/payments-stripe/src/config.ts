import { validateStripePaymentsOptions, type StripePaymentsOptions } from "./providers/stripe/options"

export type { StripePaymentsOptions }

export const PLUGIN_NAME = "@emporium/medusa-payments-stripe"
/** The payment provider's id in Medusa: `pp_<identifier>_<id>`, both "stripe". */
export const STRIPE_PROVIDER_ID = "pp_stripe_stripe"

/**
 * The two entries `medusa-config.ts` needs, from one options object. Medusa 2.21 lets a plugin
 * bring routes, modules, subscribers and admin pages, but a payment provider must be listed in
 * the Payment Module's `providers`; this helper keeps both in step:
 *
 * ```ts
 * const stripe = stripePayments({ apiKey: process.env.STRIPE_API_KEY!, webhookSecret: process.env.STRIPE_WEBHOOK_SECRET! })
 * export default defineConfig({
 *   plugins: [stripe.plugin],
 *   modules: [{ resolve: "@medusajs/medusa/payment", options: { providers: [stripe.paymentProvider] } }],
 * })
 * ```
 */
export function stripePayments(options: StripePaymentsOptions) {
  const validated = validateStripePaymentsOptions(options)
  return {
    plugin: { resolve: PLUGIN_NAME, options: validated },
    paymentProvider: { resolve: `${PLUGIN_NAME}/providers/stripe`, id: "stripe", options: validated },
  }
}
