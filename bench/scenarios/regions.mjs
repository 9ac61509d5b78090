import { repeatedRead } from "../lib/read-scenario.mjs"

/** The region / country selector. */
export default repeatedRead({
  name: "regions",
  description: "GET /store/regions, closed loop (autocannon)",
  path: () => "/store/regions",
})
