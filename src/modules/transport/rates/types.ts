/** The rate table as one document: what the admin edits and the engine reads. Money in minor units. */
export type RateTable = {
  carriers: CarrierRow[]
  zones: ZoneRow[]
  rates: RateRow[]
  surcharges: SurchargeRow[]
  weight_defaults: WeightDefaultRow[]
}

export type CarrierRow = {
  code: string
  name: string
  dim_divisor: number
  tracking_url_template: string
  webhook_tolerance_seconds: number
  is_enabled: boolean
  /** Read-only: whether a webhook secret is set. The secret itself is never read back. */
  has_webhook_secret?: boolean
  service_levels: ServiceLevelRow[]
}

export type ServiceLevelRow = {
  code: string
  name: string
  min_days: number
  max_days: number
  free_shipping_eligible: boolean
}

export type PostalRange = { from: string; to: string }

export type ZoneRow = {
  name: string
  countries: string[]
  postal_prefixes: string[] | null
  postal_ranges: PostalRange[] | null
  priority: number
  free_shipping_over: Record<string, number> | null
}

export type RateRow = {
  zone_name: string
  carrier_code: string
  service_level_code: string
  currency_code: string
  max_weight_g: number
  amount: number
}

export type SurchargeRow = {
  name: string
  per: "order" | "item"
  condition: "always" | "remote_area" | "oversize"
  zone_name: string | null
  carrier_code: string | null
  postal_prefixes: string[] | null
  min_longest_side_cm: number | null
  currency_code: string
  amount: number
}

export type WeightDefaultRow = {
  product_type_id: string | null
  weight_g: number
  length_cm: number | null
  width_cm: number | null
  height_cm: number | null
}

/** One line to ship. Sizes may be missing: the weight defaults fill them. */
export type ParcelItem = {
  /** Line item or variant id, echoed in errors. */
  id: string
  title: string
  quantity: number
  /** Unit price in minor units, for the free-shipping threshold. */
  unit_price: number
  weight_g: number | null
  length_cm: number | null
  width_cm: number | null
  height_cm: number | null
  product_type_id: string | null
}

export type Destination = { country_code: string; postal_code?: string | null }

export type QuoteRequest = {
  destination: Destination
  currency_code: string
  items: ParcelItem[]
  /** Restrict to one carrier / service (a Medusa shipping option is one of them). */
  carrier_code?: string
  service_level_code?: string
  /** For the delivery window's dates; defaults to now. */
  now?: Date
}

export type QuoteLine = { name: string; amount: number }

export type Quote = {
  carrier_code: string
  carrier_name: string
  service_level_code: string
  service_level_name: string
  zone_name: string
  currency_code: string
  /** Total in minor units: bracket price (0 when free shipping applies) plus surcharges. */
  amount: number
  base_amount: number
  free_shipping: boolean
  surcharges: QuoteLine[]
  actual_weight_g: number
  dimensional_weight_g: number
  billable_weight_g: number
  delivery: { min_days: number; max_days: number; earliest: string; latest: string }
}

/** Why nothing can be quoted; `item_id` names the line at fault when there is one. */
export type Unshippable = { reason: "no_zone" | "no_rate" | "too_heavy" | "no_weight"; message: string; item_id?: string }

export type QuoteResult = { quotes: Quote[]; unshippable: Unshippable | null }
