import { load } from "../lib/load.mjs"
import { pick, rng } from "../lib/random.mjs"
import { mapLimit, prepareCheckout } from "../lib/store.mjs"

const ORDERS = Number(process.env.BENCH_BROWSE_ORDERS || 10)
/** What Medusa's Next.js starter asks for on a product page: prices and stock. */
const STARTER_FIELDS = "*variants.calculated_price,+variants.inventory_quantity"

/**
 * Product pages while the shop sells: random product pages with the starter's fields (which
 * show stock) under the usual load, while one order is completed every second. Each order
 * reserves stock, which empties every cached answer that shows stock: this measures what the
 * store read cache is worth when it keeps being invalidated.
 */
export default {
  name: "browse-while-ordering",
  description: `GET /store/products/:id?region_id=<Europe>&fields=<starter's>, random ids, while ${ORDERS} orders complete (1/s)`,
  async setup(ctx) {
    const { productIds, regionId } = ctx.catalog
    const random = rng(ctx.seed + 7)
    ctx.state.next = () => ({ path: `/store/products/${pick(random, productIds)}?region_id=${regionId}&fields=${encodeURIComponent(STARTER_FIELDS)}` })
    ctx.state.cartIds = await mapLimit(
      Array.from({ length: ORDERS }, (_, i) => i),
      2,
      (i) => prepareCheckout(ctx.store, ctx.catalog, ctx.seed * 1000 + 500 + i)
    )
    for (let i = 0; i < 20; i++) await ctx.store.get(ctx.state.next().path)
  },
  sameBody: (ctx) =>
    ctx.catalog.productIds.slice(0, 3).map((id) => `/store/products/${id}?region_id=${ctx.catalog.regionId}&fields=${encodeURIComponent(STARTER_FIELDS)}`),
  async run(ctx) {
    let placed = 0
    let stop = false
    const ordering = (async () => {
      for (const id of ctx.state.cartIds) {
        if (stop) break
        const started = Date.now()
        const res = await fetch(`${ctx.server.url}/store/carts/${id}/complete`, { method: "POST", headers: ctx.store.headers, body: "{}" })
        const body = await res.json().catch(() => ({}))
        if (res.ok && body.type === "order") placed++
        await new Promise((r) => setTimeout(r, Math.max(0, 1000 - (Date.now() - started))))
      }
    })()
    const out = await load(ctx, ctx.state.next)
    stop = true
    await ordering
    out.metrics.push({ key: "orders_placed", label: "orders placed during the load", value: placed, better: "higher" })
    return out
  },
}
