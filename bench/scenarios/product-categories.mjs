import { repeatedRead } from "../lib/read-scenario.mjs"

/** The category menu every storefront page renders. */
export default repeatedRead({
  name: "product-categories",
  description: "GET /store/product-categories, closed loop (autocannon)",
  path: () => "/store/product-categories",
})
