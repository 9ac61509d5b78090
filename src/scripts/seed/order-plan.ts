import { DEMO_ORDER_COUNT, DEMO_REGIONS, DEMO_SHIPPING_OPTION_NAMES, DemoRegionKey, ORDER_HISTORY_DAYS, RANDOM_SEEDS } from "./constants"
import type { DemoCustomerDefinition } from "./customers"
import { SeededRandom } from "./random"

/**
 * Plans the order history as plain data (who bought what, when, shipped how),
 * separately from creating it, so the plan is deterministic and testable.
 */

export type PlannedOrder = {
  customerEmail: string
  regionKey: DemoRegionKey
  /** Placed this many days before the seed ran (fractional: orders arrive at all hours). */
  daysAgo: number
  status: "completed" | "pending"
  shippingOptionName: string
  items: { sku: string; quantity: number }[]
}

/** Orders younger than this are still open; older ones are done. */
const OPEN_ORDER_MAX_AGE_DAYS = 7

export function planDemoOrders(
  customers: DemoCustomerDefinition[],
  orderableSkus: string[],
  seed: number = RANDOM_SEEDS.orders
): PlannedOrder[] {
  const random = new SeededRandom(seed)
  const orders: PlannedOrder[] = []

  for (let index = 0; index < DEMO_ORDER_COUNT; index++) {
    // Round robin, so every customer, and with them both regions, gets orders.
    const customer = customers[index % customers.length]
    const daysAgo = random.int(0, ORDER_HISTORY_DAYS - 1) + random.next()
    orders.push({
      customerEmail: customer.email,
      regionKey: regionOfCountry(customer.address.country_code),
      daysAgo,
      status: daysAgo < OPEN_ORDER_MAX_AGE_DAYS ? "pending" : "completed",
      // Most shoppers pick the cheaper option.
      shippingOptionName: random.chance(0.75) ? DEMO_SHIPPING_OPTION_NAMES[0] : DEMO_SHIPPING_OPTION_NAMES[1],
      items: random.sample(orderableSkus, random.int(1, 4)).map((sku) => ({
        sku,
        quantity: random.chance(0.7) ? 1 : random.int(2, 3),
      })),
    })
  }

  // Oldest first, so order display ids grow with their dates.
  return orders.sort((a, b) => b.daysAgo - a.daysAgo)
}

export function regionOfCountry(countryCode: string): DemoRegionKey {
  const entry = (Object.entries(DEMO_REGIONS) as [DemoRegionKey, (typeof DEMO_REGIONS)[DemoRegionKey]][]).find(
    ([, region]) => region.countries.includes(countryCode)
  )
  if (!entry) {
    throw new Error(`No demo region ships to ${countryCode}`)
  }
  return entry[0]
}
