import { repeatedRead } from "../lib/read-scenario.mjs"

/** The storefront's product listing: first page of 20, with prices for the Europe region. */
export default repeatedRead({
  name: "products-list",
  description: "GET /store/products?limit=20&region_id=<Europe>, closed loop (autocannon)",
  path: (ctx) => `/store/products?limit=20&region_id=${ctx.catalog.regionId}`,
})
