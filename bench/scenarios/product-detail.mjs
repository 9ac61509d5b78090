import { load } from "../lib/load.mjs"
import { pick, rng } from "../lib/random.mjs"

/** A product page: one product by id, prices for the Europe region; ids drawn at random from the whole catalog. */
export default {
  name: "product-detail",
  description: "GET /store/products/:id?region_id=<Europe>, random ids from the catalog, closed loop (autocannon)",
  async setup(ctx) {
    const { productIds, regionId } = ctx.catalog
    const random = rng(42)
    ctx.state.next = () => ({ path: `/store/products/${pick(random, productIds)}?region_id=${regionId}` })
    for (let i = 0; i < 20; i++) await ctx.store.get(ctx.state.next().path)
  },
  sameBody: (ctx) => ctx.catalog.productIds.slice(0, 5).map((id) => `/store/products/${id}?region_id=${ctx.catalog.regionId}`),
  async run(ctx) {
    return load(ctx, ctx.state.next)
  },
}
