import { buildDemoCatalog } from "../catalog"
import { CATEGORY_DEFINITIONS } from "../catalog-data"
import { DEMO_ORDER_COUNT } from "../constants"
import { DEMO_CUSTOMERS } from "../customers"
import { PLENTIFUL_STOCK, planStockLevels, wellStockedSkus } from "../inventory"
import { planDemoOrders } from "../order-plan"
import { SeededRandom } from "../random"

// The seed's pure halves: what the demo store contains, decided before Medusa is involved.

describe("demo catalog", () => {
  const catalog = buildDemoCatalog()
  const variants = catalog.products.flatMap((product) => product.variants)

  it("is the same on every run", () => {
    expect(buildDemoCatalog()).toEqual(catalog)
  })

  it("has at least 12 categories and 200 products with 1–4 variants each", () => {
    expect(catalog.categories.length).toBeGreaterThanOrEqual(12)
    expect(catalog.products.length).toBeGreaterThanOrEqual(200)
    for (const product of catalog.products) {
      expect(product.variants.length).toBeGreaterThanOrEqual(1)
      expect(product.variants.length).toBeLessThanOrEqual(4)
    }
  })

  it("uses unique handles and SKUs", () => {
    const handles = catalog.products.map((product) => product.handle)
    const skus = variants.map((variant) => variant.sku)
    expect(new Set(handles).size).toBe(handles.length)
    expect(new Set(skus).size).toBe(skus.length)
  })

  it("prices every variant in EUR and USD and declares only the option values variants use", () => {
    for (const product of catalog.products) {
      for (const variant of product.variants) {
        expect(variant.prices.eur).toBeGreaterThan(0)
        expect(variant.prices.usd).toBeGreaterThan(0)
        for (const option of product.options) {
          expect(option.values).toContain(variant.options[option.title])
        }
      }
    }
    expect(new Set(catalog.products.map((product) => product.categoryHandle))).toEqual(
      new Set(CATEGORY_DEFINITIONS.map((category) => category.handle))
    )
  })
})

describe("stock plan", () => {
  const skus = buildDemoCatalog().products.flatMap((product) => product.variants.map((variant) => variant.sku))
  const plan = planStockLevels(skus)
  const levels = [...plan.values()].flatMap((perLocation) => Object.values(perLocation))

  it("stocks mostly plenty, with a few low and a few empty levels", () => {
    const zero = levels.filter((quantity) => quantity === 0).length
    const low = levels.filter((quantity) => quantity >= 1 && quantity <= 5).length
    expect(zero).toBeGreaterThan(0)
    expect(low).toBeGreaterThan(0)
    expect(zero + low).toBeLessThan(levels.length * 0.2)
    expect(planStockLevels(skus)).toEqual(plan)
  })

  it("only offers SKUs that are well stocked everywhere for orders", () => {
    for (const sku of wellStockedSkus(plan)) {
      expect(Math.min(...Object.values(plan.get(sku)!))).toBeGreaterThanOrEqual(PLENTIFUL_STOCK)
    }
  })
})

describe("order plan", () => {
  const skus = ["A", "B", "C", "D", "E", "F"]
  const plan = planDemoOrders(DEMO_CUSTOMERS, skus)

  it("spreads the orders over every customer and both regions", () => {
    expect(plan).toHaveLength(DEMO_ORDER_COUNT)
    expect(new Set(plan.map((order) => order.customerEmail)).size).toBe(DEMO_CUSTOMERS.length)
    expect(new Set(plan.map((order) => order.regionKey))).toEqual(new Set(["europe", "unitedStates"]))
  })

  it("orders 1–4 distinct known SKUs within the last 90 days, oldest first", () => {
    for (const order of plan) {
      const orderedSkus = order.items.map((item) => item.sku)
      expect(orderedSkus.length).toBeGreaterThanOrEqual(1)
      expect(orderedSkus.length).toBeLessThanOrEqual(4)
      expect(new Set(orderedSkus).size).toBe(orderedSkus.length)
      orderedSkus.forEach((sku) => expect(skus).toContain(sku))
      expect(order.daysAgo).toBeGreaterThanOrEqual(0)
      expect(order.daysAgo).toBeLessThan(90)
    }
    const ages = plan.map((order) => order.daysAgo)
    expect(ages).toEqual([...ages].sort((a, b) => b - a))
  })
})

describe("SeededRandom", () => {
  it("repeats its sequence for the same seed", () => {
    const first = new SeededRandom(42)
    const second = new SeededRandom(42)
    const draws = Array.from({ length: 5 }, () => [first.int(1, 100), second.int(1, 100)])
    draws.forEach(([a, b]) => expect(a).toBe(b))
  })
})
