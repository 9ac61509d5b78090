import type {
  CarrierRow,
  Destination,
  ParcelItem,
  Quote,
  QuoteRequest,
  QuoteResult,
  RateRow,
  RateTable,
  ServiceLevelRow,
  SurchargeRow,
  Unshippable,
  ZoneRow,
} from "./types"

/**
 * The rate engine: a pure function of the rate table and the parcel, so the store quote route,
 * Medusa's calculated shipping options and the tests all price the same way.
 *
 * The whole cart ships as one parcel. Its billable weight is the greater of the actual weight
 * and the dimensional weight (Σ L×W×H / the carrier's divisor), and picks the smallest bracket
 * that holds it. Surcharges are added; a zone's free-shipping threshold zeroes the bracket price
 * of eligible services but not the surcharges (remote areas still cost the carrier more).
 */
export function quoteParcel(table: RateTable, request: QuoteRequest): QuoteResult {
  const country = request.destination.country_code.toLowerCase()
  const currency = request.currency_code.toLowerCase()
  const postal = normalizePostal(request.destination.postal_code)

  const items = resolveSizes(table, request.items)
  if ("reason" in items) {
    return { quotes: [], unshippable: items }
  }

  const zones = table.zones
    .filter((zone) => zoneMatches(zone, country, postal))
    .sort((a, b) => b.priority - a.priority || specificity(b) - specificity(a))
  if (!zones.length) {
    return {
      quotes: [],
      unshippable: { reason: "no_zone", message: `We do not ship to ${country.toUpperCase()}${postal ? ` ${postal}` : ""}.` },
    }
  }

  const subtotal = request.items.reduce((sum, item) => sum + item.unit_price * item.quantity, 0)
  const quotes: Quote[] = []
  let heaviestLimit = 0

  for (const carrier of table.carriers) {
    if (!carrier.is_enabled || (request.carrier_code && carrier.code !== request.carrier_code)) {
      continue
    }
    const weights = parcelWeights(items, carrier)
    for (const service of carrier.service_levels) {
      if (request.service_level_code && service.code !== request.service_level_code) {
        continue
      }
      // The most specific zone that has a price for this service in this currency.
      for (const zone of zones) {
        const brackets = bracketsFor(table.rates, zone, carrier, service, currency)
        if (!brackets.length) {
          continue
        }
        heaviestLimit = Math.max(heaviestLimit, brackets[brackets.length - 1].max_weight_g)
        const bracket = brackets.find((rate) => rate.max_weight_g >= weights.billable)
        if (bracket) {
          quotes.push(priceQuote({ table, zone, carrier, service, bracket, items, subtotal, currency, postal, weights, now: request.now }))
        }
        break
      }
    }
  }

  if (quotes.length) {
    quotes.sort((a, b) => a.amount - b.amount || a.delivery.max_days - b.delivery.max_days || a.service_level_code.localeCompare(b.service_level_code))
    return { quotes, unshippable: null }
  }
  if (!heaviestLimit) {
    return {
      quotes: [],
      unshippable: { reason: "no_rate", message: `No shipping service delivers to ${country.toUpperCase()} in ${currency.toUpperCase()}.` },
    }
  }
  return { quotes: [], unshippable: tooHeavy(items, heaviestLimit, table) }
}

export type SizedItem = ParcelItem & { weight_g: number }
type Weights = { actual: number; dimensional: number; billable: number }

/** Fills missing weights and sizes from the table's defaults, or names the first item it cannot weigh. */
export function resolveSizes(table: RateTable, items: ParcelItem[]): SizedItem[] | Unshippable {
  const byType = new Map(table.weight_defaults.map((row) => [row.product_type_id, row]))
  const sized: SizedItem[] = []
  for (const item of items) {
    const fallback = (item.product_type_id ? byType.get(item.product_type_id) : undefined) ?? byType.get(null)
    const weight = positive(item.weight_g) ?? fallback?.weight_g
    if (weight === undefined) {
      return { reason: "no_weight", item_id: item.id, message: `"${item.title}" has no weight, so its shipping cannot be priced.` }
    }
    // Default sizes stand in only for an item without shipping data at all; a weighed item
    // without sizes is billed on its weight, as a carrier would.
    const useDefaultSize = positive(item.weight_g) === undefined && !positive(item.length_cm)
    sized.push({
      ...item,
      weight_g: weight,
      length_cm: useDefaultSize ? fallback?.length_cm ?? null : item.length_cm,
      width_cm: useDefaultSize ? fallback?.width_cm ?? null : item.width_cm,
      height_cm: useDefaultSize ? fallback?.height_cm ?? null : item.height_cm,
    })
  }
  return sized
}

function parcelWeights(items: SizedItem[], carrier: CarrierRow): Weights {
  let actual = 0
  let dimensional = 0
  for (const item of items) {
    actual += item.weight_g * item.quantity
    dimensional += dimensionalWeight(item, carrier) * item.quantity
  }
  actual = Math.ceil(actual)
  dimensional = Math.ceil(dimensional)
  return { actual, dimensional, billable: Math.max(actual, dimensional) }
}

/** Grams: L×W×H cm³ / (cm³ per kg) × 1000. Zero when the item has no size. */
function dimensionalWeight(item: SizedItem, carrier: CarrierRow): number {
  if (!item.length_cm || !item.width_cm || !item.height_cm) {
    return 0
  }
  return ((item.length_cm * item.width_cm * item.height_cm) / carrier.dim_divisor) * 1000
}

function bracketsFor(rates: RateRow[], zone: ZoneRow, carrier: CarrierRow, service: ServiceLevelRow, currency: string): RateRow[] {
  return rates
    .filter(
      (rate) =>
        rate.zone_name === zone.name &&
        rate.carrier_code === carrier.code &&
        rate.service_level_code === service.code &&
        rate.currency_code.toLowerCase() === currency
    )
    .sort((a, b) => a.max_weight_g - b.max_weight_g)
}

function priceQuote(input: {
  table: RateTable
  zone: ZoneRow
  carrier: CarrierRow
  service: ServiceLevelRow
  bracket: RateRow
  items: SizedItem[]
  subtotal: number
  currency: string
  postal: string
  weights: Weights
  now?: Date
}): Quote {
  const { table, zone, carrier, service, bracket, items, subtotal, currency, postal, weights } = input
  const threshold = zone.free_shipping_over?.[currency]
  const freeShipping = service.free_shipping_eligible && threshold !== undefined && subtotal >= threshold
  const surcharges = table.surcharges
    .filter((row) => appliesTo(row, zone, carrier, currency))
    .map((row) => ({ name: row.name, amount: surchargeAmount(row, items, postal) }))
    .filter((line) => line.amount > 0)
  const base = freeShipping ? 0 : bracket.amount
  const now = input.now ?? new Date()
  return {
    carrier_code: carrier.code,
    carrier_name: carrier.name,
    service_level_code: service.code,
    service_level_name: service.name,
    zone_name: zone.name,
    currency_code: currency,
    amount: base + surcharges.reduce((sum, line) => sum + line.amount, 0),
    base_amount: base,
    free_shipping: freeShipping,
    surcharges,
    actual_weight_g: weights.actual,
    dimensional_weight_g: weights.dimensional,
    billable_weight_g: weights.billable,
    delivery: {
      min_days: service.min_days,
      max_days: service.max_days,
      earliest: isoDate(addBusinessDays(now, service.min_days)),
      latest: isoDate(addBusinessDays(now, service.max_days)),
    },
  }
}

function appliesTo(row: SurchargeRow, zone: ZoneRow, carrier: CarrierRow, currency: string): boolean {
  return (
    row.currency_code.toLowerCase() === currency &&
    (row.zone_name === null || row.zone_name === zone.name) &&
    (row.carrier_code === null || row.carrier_code === carrier.code)
  )
}

function surchargeAmount(row: SurchargeRow, items: SizedItem[], postal: string): number {
  if (row.condition === "remote_area" && !(row.postal_prefixes ?? []).some((prefix) => postal.startsWith(normalizePostal(prefix)))) {
    return 0
  }
  const matching =
    row.condition === "oversize"
      ? items.filter((item) => longestSide(item) > (row.min_longest_side_cm ?? Infinity))
      : items
  if (!matching.length) {
    return 0
  }
  if (row.per === "order") {
    return row.amount
  }
  return row.amount * matching.reduce((sum, item) => sum + item.quantity, 0)
}

function tooHeavy(items: SizedItem[], limit: number, table: RateTable): Unshippable {
  const divisor = Math.min(...table.carriers.map((carrier) => carrier.dim_divisor))
  const heaviest = [...items].sort((a, b) => unitBillable(b, divisor) - unitBillable(a, divisor))[0]
  const unit = unitBillable(heaviest, divisor)
  if (unit > limit) {
    return {
      reason: "too_heavy",
      item_id: heaviest.id,
      message: `"${heaviest.title}" weighs ${kg(unit)} kg to ship, over the ${kg(limit)} kg limit for this destination.`,
    }
  }
  return {
    reason: "too_heavy",
    item_id: heaviest.id,
    message: `This order is over the ${kg(limit)} kg limit for one parcel to this destination; reduce the quantity of "${heaviest.title}".`,
  }
}

function unitBillable(item: SizedItem, divisor: number): number {
  const dimensional = item.length_cm && item.width_cm && item.height_cm ? ((item.length_cm * item.width_cm * item.height_cm) / divisor) * 1000 : 0
  return Math.max(item.weight_g, dimensional)
}

function longestSide(item: SizedItem): number {
  return Math.max(item.length_cm ?? 0, item.width_cm ?? 0, item.height_cm ?? 0)
}

export function zoneMatches(zone: ZoneRow, country: string, postal: string): boolean {
  if (!zone.countries.some((code) => code.toLowerCase() === country)) {
    return false
  }
  const prefixes = zone.postal_prefixes ?? []
  const ranges = zone.postal_ranges ?? []
  if (!prefixes.length && !ranges.length) {
    return true
  }
  if (!postal) {
    return false
  }
  return (
    prefixes.some((prefix) => postal.startsWith(normalizePostal(prefix))) ||
    ranges.some((range) => {
      const from = normalizePostal(range.from)
      const to = normalizePostal(range.to)
      const head = postal.slice(0, from.length)
      return head.length === from.length && head >= from && head <= to
    })
  )
}

/** A postal-restricted zone outranks a whole-country one at equal priority. */
function specificity(zone: ZoneRow): number {
  return (zone.postal_prefixes?.length ?? 0) + (zone.postal_ranges?.length ?? 0) > 0 ? 1 : 0
}

export function normalizePostal(postal: string | null | undefined): string {
  return (postal ?? "").replace(/[\s-]/g, "").toUpperCase()
}

function positive(value: number | null | undefined): number | undefined {
  return typeof value === "number" && Number.isFinite(value) && value > 0 ? value : undefined
}

/** Saturday and Sunday are not business days; holidays are not modelled. */
export function addBusinessDays(from: Date, days: number): Date {
  const date = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate()))
  let left = days
  while (left > 0) {
    date.setUTCDate(date.getUTCDate() + 1)
    const weekday = date.getUTCDay()
    if (weekday !== 0 && weekday !== 6) {
      left--
    }
  }
  return date
}

function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10)
}

function kg(grams: number): string {
  return (Math.round(grams / 100) / 10).toString()
}

export type { Destination }
