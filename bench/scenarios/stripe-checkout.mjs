import { adminClient } from "../lib/admin.mjs"
import { mapLimit, measureCompletions, prepareCheckout } from "../lib/store.mjs"
import { confirmIntent } from "../lib/stripe.mjs"

const CARTS = Number(process.env.BENCH_STRIPE_CARTS || 30)
const STRIPE_PROVIDER = "pp_stripe_stripe"
/** E-mails bench+<seed>@…, far from the other checkout scenarios' seeds. */
const SEED_BASE = 800_000

/**
 * Card checkout through Stripe: POST /store/carts/:id/complete on carts whose Stripe
 * PaymentIntent the storefront has confirmed (as Stripe.js does), one after another. Emporium
 * pays with its payments-stripe plugin, vanilla with Medusa's official @medusajs/payment-stripe;
 * both talk to the same local Stripe fake (test-utils/stripe-fake), so the Stripe side costs the
 * same for both. Emporium's completion also scores fraud, with Radar's risk from the fake.
 */
export default {
  name: "stripe-checkout",
  description: `POST /store/carts/:id/complete on ${CARTS} carts paid by card through Stripe (a local fake of its API), sequentially`,
  optIn: true,
  stripe: true,
  async setup(ctx) {
    if (!ctx.stripeUrl) throw new Error("stripe-checkout needs the Stripe fake (bench/run.mjs starts it for this scenario)")
    const region = (await ctx.store.get(`/store/regions/${ctx.catalog.regionId}?fields=id,payment_providers.id`)).region
    if (!region.payment_providers?.some((p) => p.id === STRIPE_PROVIDER)) {
      const admin = await adminClient(ctx.server.url)
      const ids = [...new Set([...(region.payment_providers ?? []).map((p) => p.id), "pp_system_default", STRIPE_PROVIDER])]
      await admin.post(`/admin/regions/${region.id}`, { payment_providers: ids })
    }
    ctx.state.cartIds = await mapLimit(
      Array.from({ length: CARTS }, (_, i) => SEED_BASE + ctx.seed * 1000 + i),
      2,
      async (seed) => {
        const cartId = await prepareCheckout(ctx.store, ctx.catalog, seed)
        const { cart } = await ctx.store.get(`/store/carts/${cartId}?fields=id,payment_collection.id`)
        const { payment_collection } = await ctx.store.post(`/store/payment-collections/${cart.payment_collection.id}/payment-sessions`, {
          provider_id: STRIPE_PROVIDER,
        })
        const session = payment_collection.payment_sessions.find((s) => s.provider_id === STRIPE_PROVIDER)
        await confirmIntent(ctx.stripeUrl, session.data.id)
        return cartId
      }
    )
  },
  async run(ctx) {
    return measureCompletions(ctx, ctx.state.cartIds, "card completion")
  },
}
