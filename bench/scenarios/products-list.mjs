import { load } from "../lib/load.mjs"

/** The storefront's product listing: first page of 20, with prices for the Europe region. */
export default {
  name: "products-list",
  description: "GET /store/products?limit=20&region_id=<Europe>, closed loop (autocannon)",
  async setup(ctx) {
    ctx.state.path = `/store/products?limit=20&region_id=${ctx.catalog.regionId}`
    for (let i = 0; i < 20; i++) await ctx.store.get(ctx.state.path)
  },
  async run(ctx) {
    return load(ctx, () => ({ path: ctx.state.path }))
  },
}
