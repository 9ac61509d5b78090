import { DEMO_RATE_TABLE } from "../../../scripts/seed/rate-table"
import { addBusinessDays, quoteParcel } from "../rates/engine"
import type { ParcelItem, QuoteRequest, RateTable } from "../rates/types"
import { rateTableProblems } from "../rates/validate"

// A Monday, so business-day windows are easy to read.
const MONDAY = new Date("2026-11-30T09:00:00Z")

function item(overrides: Partial<ParcelItem> = {}): ParcelItem {
  return {
    id: "item_1",
    title: "Linen Shirt",
    quantity: 1,
    unit_price: 2000,
    weight_g: 800,
    length_cm: 30,
    width_cm: 20,
    height_cm: 5,
    product_type_id: null,
    ...overrides,
  }
}

function quote(request: Partial<QuoteRequest>, table: RateTable = DEMO_RATE_TABLE) {
  return quoteParcel(table, {
    destination: { country_code: "de", postal_code: "80331" },
    currency_code: "eur",
    items: [item()],
    now: MONDAY,
    ...request,
  })
}

function byService(result: ReturnType<typeof quote>) {
  return Object.fromEntries(result.quotes.map((line) => [line.service_level_code, line.amount]))
}

describe("rate engine (demo table)", () => {
  it("prices every service of the destination's zone, cheapest first, with its delivery window", () => {
    const result = quote({})
    expect(result.unshippable).toBeNull()
    expect(result.quotes.map((line) => [line.service_level_code, line.amount])).toEqual([
      ["standard", 490],
      ["express", 990],
    ])
    expect(result.quotes[0]).toMatchObject({
      zone_name: "Germany",
      carrier_code: "house",
      delivery: { min_days: 2, max_days: 4, earliest: "2026-12-02", latest: "2026-12-04" },
    })
  })

  it("uses a postal-code zone over the whole country, and falls back to the country for services it lacks", () => {
    const result = quote({ destination: { country_code: "DE", postal_code: "10 115" } })
    expect(byService(result)).toEqual({ standard: 490, express: 990, same_day: 1490 })
    expect(result.quotes.find((line) => line.service_level_code === "same_day")!.zone_name).toBe("Berlin")
    expect(result.quotes.find((line) => line.service_level_code === "standard")!.zone_name).toBe("Germany")
  })

  it("treats postal ranges as inclusive at both ends", () => {
    for (const postal of ["10115", "14199"]) {
      expect(byService(quote({ destination: { country_code: "de", postal_code: postal } })).same_day).toBe(1490)
    }
    expect(byService(quote({ destination: { country_code: "de", postal_code: "14200" } })).same_day).toBeUndefined()
  })

  it("bills the greater of actual and dimensional weight", () => {
    // 60×40×40 cm at 5000 cm³/kg = 19.2 kg dimensional, though it weighs 2 kg.
    const bulky = quote({ items: [item({ weight_g: 2000, length_cm: 60, width_cm: 40, height_cm: 40 })] })
    expect(bulky.quotes[0]).toMatchObject({ actual_weight_g: 2000, dimensional_weight_g: 19200, billable_weight_g: 19200, amount: 1690 })
    // Small and dense: actual weight wins.
    const dense = quote({ items: [item({ weight_g: 4000, length_cm: 10, width_cm: 10, height_cm: 10 })] })
    expect(dense.quotes[0]).toMatchObject({ billable_weight_g: 4000, amount: 790 })
  })

  it("puts a weight exactly on a bracket's limit in that bracket, and one gram more in the next", () => {
    const noSize = { length_cm: null, width_cm: null, height_cm: null }
    expect(quote({ items: [item({ weight_g: 1000, ...noSize })] }).quotes[0].amount).toBe(490)
    expect(quote({ items: [item({ weight_g: 1001, ...noSize })] }).quotes[0].amount).toBe(590)
    expect(quote({ items: [item({ weight_g: 31500, ...noSize })] }).quotes[0].amount).toBe(1690)
  })

  it("multiplies weight by quantity", () => {
    const result = quote({ items: [item({ weight_g: 400, quantity: 3, unit_price: 1000, length_cm: null, width_cm: null, height_cm: null })] })
    expect(result.quotes[0]).toMatchObject({ actual_weight_g: 1200, amount: 590 })
  })

  it("makes eligible services free at the zone's threshold, not a cent below, and keeps surcharges", () => {
    const at = quote({ items: [item({ unit_price: 2500, quantity: 2 })] })
    expect(at.quotes.map((line) => [line.service_level_code, line.amount, line.free_shipping])).toEqual([
      ["standard", 0, true],
      // Two shirts weigh 1.6 kg: the 2 kg bracket.
      ["express", 1190, false],
    ])
    const below = quote({ items: [item({ unit_price: 2499, quantity: 2 })] })
    expect(below.quotes[0]).toMatchObject({ amount: 590, free_shipping: false })
    const island = quote({ destination: { country_code: "de", postal_code: "25980" }, items: [item({ unit_price: 6000 })] })
    expect(island.quotes[0]).toMatchObject({ base_amount: 0, amount: 350, surcharges: [{ name: "Island delivery", amount: 350 }] })
  })

  it("adds remote-area surcharges per order and oversize surcharges per oversize item", () => {
    const corsica = quote({ destination: { country_code: "fr", postal_code: "20000" } })
    expect(corsica.quotes[0]).toMatchObject({ zone_name: "EU West", base_amount: 890, amount: 890 + 690 })
    const mainland = quote({ destination: { country_code: "fr", postal_code: "75001" } })
    expect(mainland.quotes[0].amount).toBe(890)

    const kayak = item({ id: "item_kayak", title: "Kayak", weight_g: 9000, length_cm: 130, width_cm: 10, height_cm: 10, quantity: 2, unit_price: 1000 })
    const result = quote({ items: [kayak, item({ unit_price: 1000 })] })
    // 2 × 9 kg + 0.8 kg = 18.8 kg → the 31.5 kg bracket, plus two bulky-item surcharges.
    expect(result.quotes[0]).toMatchObject({ base_amount: 1690, amount: 1690 + 2 * 1500 })
  })

  it("prices in the cart's currency with that currency's rates", () => {
    const result = quote({ destination: { country_code: "us", postal_code: "99501" }, currency_code: "usd" })
    expect(result.quotes[0]).toMatchObject({ currency_code: "usd", base_amount: 595, amount: 595 + 1500 })
    expect(quote({ destination: { country_code: "us" }, currency_code: "eur" }).unshippable).toMatchObject({ reason: "no_rate" })
  })

  it("falls back to the product type's default weight, then the store-wide default", () => {
    const table: RateTable = {
      ...DEMO_RATE_TABLE,
      weight_defaults: [
        { product_type_id: null, weight_g: 500, length_cm: null, width_cm: null, height_cm: null },
        { product_type_id: "ptyp_furniture", weight_g: 25000, length_cm: null, width_cm: null, height_cm: null },
      ],
    }
    const chair = item({ weight_g: null, length_cm: null, width_cm: null, height_cm: null, product_type_id: "ptyp_furniture" })
    expect(quote({ items: [chair] }, table).quotes[0]).toMatchObject({ actual_weight_g: 25000, amount: 1690 })
    const unknown = item({ weight_g: null, length_cm: null, width_cm: null, height_cm: null, product_type_id: "ptyp_other" })
    expect(quote({ items: [unknown] }, table).quotes[0]).toMatchObject({ actual_weight_g: 500, amount: 490 })
    const noDefaults = { ...table, weight_defaults: [] }
    expect(quote({ items: [unknown] }, noDefaults).unshippable).toEqual({
      reason: "no_weight",
      item_id: "item_1",
      message: '"Linen Shirt" has no weight, so its shipping cannot be priced.',
    })
  })

  it("refuses a destination no zone covers, naming it", () => {
    expect(quote({ destination: { country_code: "jp", postal_code: "100-0001" } })).toEqual({
      quotes: [],
      unshippable: { reason: "no_zone", message: "We do not ship to JP 1000001." },
    })
  })

  it("names the item that is too heavy for any bracket instead of pricing it at zero", () => {
    const anvil = item({ id: "item_anvil", title: "Anvil", weight_g: 40000, length_cm: null, width_cm: null, height_cm: null })
    const result = quote({ items: [item(), anvil] })
    expect(result.quotes).toEqual([])
    expect(result.unshippable).toEqual({
      reason: "too_heavy",
      item_id: "item_anvil",
      message: '"Anvil" weighs 40 kg to ship, over the 31.5 kg limit for this destination.',
    })
    const many = quote({ items: [item({ weight_g: 10000, quantity: 4, length_cm: null, width_cm: null, height_cm: null })] })
    expect(many.unshippable?.message).toBe('This order is over the 31.5 kg limit for one parcel to this destination; reduce the quantity of "Linen Shirt".')
  })

  it("restricts to one carrier service when asked (a Medusa shipping option)", () => {
    const result = quote({ service_level_code: "express" })
    expect(result.quotes.map((line) => line.service_level_code)).toEqual(["express"])
  })

  it("skips disabled carriers", () => {
    const table = { ...DEMO_RATE_TABLE, carriers: DEMO_RATE_TABLE.carriers.map((carrier) => ({ ...carrier, is_enabled: false })) }
    expect(quote({}, table).unshippable).toMatchObject({ reason: "no_rate" })
  })

  it("counts business days, skipping weekends", () => {
    const friday = new Date("2026-12-04T15:00:00Z")
    expect(addBusinessDays(friday, 1).toISOString().slice(0, 10)).toBe("2026-12-07")
    expect(addBusinessDays(friday, 0).toISOString().slice(0, 10)).toBe("2026-12-04")
  })
})

describe("rate table validation", () => {
  it("accepts the demo table", () => {
    expect(rateTableProblems(DEMO_RATE_TABLE)).toEqual([])
  })

  it("names each inconsistency", () => {
    const broken: RateTable = {
      ...DEMO_RATE_TABLE,
      carriers: [
        {
          ...DEMO_RATE_TABLE.carriers[0],
          tracking_url_template: "https://track.example.com/",
          service_levels: [{ code: "standard", name: "Standard", min_days: 5, max_days: 2, free_shipping_eligible: true }],
        },
      ],
      zones: [{ name: "Germany", countries: ["de"], postal_prefixes: null, postal_ranges: [{ from: "20", to: "100" }], priority: 0, free_shipping_over: null }],
      rates: [
        { zone_name: "Germany", carrier_code: "house", service_level_code: "standard", currency_code: "eur", max_weight_g: 1000, amount: 490 },
        { zone_name: "Germany", carrier_code: "house", service_level_code: "standard", currency_code: "EUR", max_weight_g: 1000, amount: 590 },
        { zone_name: "Mars", carrier_code: "house", service_level_code: "warp", currency_code: "eur", max_weight_g: 1000, amount: 1 },
      ],
      surcharges: [],
    }
    expect(rateTableProblems(broken)).toEqual([
      'Service "house/standard": min_days (5) is after max_days (2).',
      'Carrier "house": tracking_url_template must contain {tracking_number}.',
      'Zone "Germany": postal range 20–100 must have equal lengths and from ≤ to.',
      'Zone "Germany", service "house/standard" has two EUR brackets up to 1000 g.',
      'A rate names zone "Mars", which does not exist.',
      'A rate names service "house/warp", which does not exist.',
    ])
  })
})
