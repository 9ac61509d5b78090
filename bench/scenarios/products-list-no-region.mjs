import { repeatedRead } from "../lib/read-scenario.mjs"

/** The product listing without a region: no calculated prices, so no pricing or tax context. */
export default repeatedRead({
  name: "products-list-no-region",
  description: "GET /store/products?limit=20, closed loop (autocannon)",
  path: () => "/store/products?limit=20",
})
