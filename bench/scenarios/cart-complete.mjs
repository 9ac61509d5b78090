import { round } from "../lib/load.mjs"
import { mapLimit, measureCompletions, prepareCheckout } from "../lib/store.mjs"

const CARTS = Number(process.env.BENCH_COMPLETE_CARTS || 30)

/**
 * Checkout: POST /store/carts/:id/complete on carts that are ready (two items, e-mail,
 * shipping address, cheapest shipping option, payment collection with a
 * pp_system_default session), one after another, each timed on its own. Preparing the
 * carts is setup and is not timed.
 */
export default {
  name: "cart-complete",
  description: `POST /store/carts/:id/complete on ${CARTS} ready carts, sequentially`,
  async setup(ctx) {
    const started = Date.now()
    ctx.state.cartIds = await mapLimit(
      Array.from({ length: CARTS }, (_, i) => i),
      2,
      (i) => prepareCheckout(ctx.store, ctx.catalog, ctx.seed * 1000 + i)
    )
    ctx.state.prepareSeconds = (Date.now() - started) / 1000
  },
  async run(ctx) {
    const out = await measureCompletions(ctx, ctx.state.cartIds)
    return { ...out, raw: { ...out.raw, prepareSeconds: round(ctx.state.prepareSeconds, 1) } }
  },
}
