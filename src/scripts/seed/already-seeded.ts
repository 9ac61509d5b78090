import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { firstDemoProductHandle } from "./catalog"
import { DEMO_REGION_NAMES, PUBLISHABLE_KEY_TITLE } from "./constants"

/**
 * True when an earlier run left any trace: the storefront key, a demo region
 * (the first thing created) or the first demo product. Any of them means
 * seeding again would duplicate data or fail on unique names and handles; a
 * half-seeded database is best dropped and seeded afresh.
 */
export async function isDemoStoreSeeded(container: MedusaContainer): Promise<boolean> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const [keys, regions, products] = await Promise.all([
    query.graph({ entity: "api_key", fields: ["id"], filters: { title: PUBLISHABLE_KEY_TITLE } }),
    query.graph({ entity: "region", fields: ["id"], filters: { name: DEMO_REGION_NAMES } }),
    query.graph({ entity: "product", fields: ["id"], filters: { handle: firstDemoProductHandle() } }),
  ])
  return [keys, regions, products].some(({ data }) => data.length > 0)
}
