import { load } from "../lib/load.mjs"
import { rng, pick } from "../lib/random.mjs"
import { createCart, mapLimit } from "../lib/store.mjs"

const POOL = 100
const VARIANTS = 10

/**
 * POST /store/carts/:id/line-items (quantity 1), spread round-robin over a pool of
 * pre-created carts so that no two connections usually work on the same cart (Medusa
 * locks a cart while changing it). Variants come from 10 well-stocked ones, so a cart
 * ends with at most 10 distinct line items.
 */
export default {
  name: "add-to-cart",
  description: `POST /store/carts/:id/line-items over a pool of ${POOL} carts in Europe, closed loop (autocannon)`,
  async setup(ctx) {
    const carts = await mapLimit(Array.from({ length: POOL }), 4, () => createCart(ctx.store, ctx.catalog))
    const variants = ctx.catalog.cartVariants.slice(0, VARIANTS)
    if (!variants.length) throw new Error("no well-stocked variant to add to carts")
    const random = rng(7)
    let i = 0
    ctx.state.next = () => ({
      method: "POST",
      path: `/store/carts/${carts[i++ % carts.length].id}/line-items`,
      body: { variant_id: pick(random, variants), quantity: 1 },
    })
    for (let w = 0; w < 10; w++) {
      const r = ctx.state.next()
      await ctx.store.post(r.path, r.body)
    }
  },
  async run(ctx) {
    return load(ctx, ctx.state.next)
  },
}
