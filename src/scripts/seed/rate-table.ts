import type { RateRow, RateTable } from "../../modules/transport/rates/types"

/**
 * The demo store's shipping prices, shaped like a small parcel carrier's 2026 list prices:
 * weight brackets up to 31.5 kg, express at about twice standard, free standard shipping over
 * €50 in Germany, €75 elsewhere in the EU and $75 in the US, surcharges for islands, Corsica,
 * Alaska and Hawaii, and for bulky items. Same-day delivery exists inside Berlin only.
 */
const BRACKETS_G = [1000, 2000, 5000, 10000, 31500]

function grid(zone: string, service: string, currency: string, amounts: number[], brackets = BRACKETS_G): RateRow[] {
  return amounts.map((amount, index) => ({
    zone_name: zone,
    carrier_code: "house",
    service_level_code: service,
    currency_code: currency,
    max_weight_g: brackets[index],
    amount,
  }))
}

export const DEMO_RATE_TABLE: RateTable = {
  carriers: [
    {
      code: "house",
      name: "Emporium House Carrier",
      dim_divisor: 5000,
      tracking_url_template: "https://track.example.com/house/{tracking_number}",
      webhook_tolerance_seconds: 300,
      is_enabled: true,
      service_levels: [
        { code: "standard", name: "Standard", min_days: 2, max_days: 4, free_shipping_eligible: true },
        { code: "express", name: "Express", min_days: 1, max_days: 2, free_shipping_eligible: false },
        { code: "same_day", name: "Same day", min_days: 0, max_days: 0, free_shipping_eligible: false },
      ],
    },
  ],
  zones: [
    { name: "Berlin", countries: ["de"], postal_prefixes: null, postal_ranges: [{ from: "10115", to: "14199" }], priority: 10, free_shipping_over: null },
    { name: "Germany", countries: ["de"], postal_prefixes: null, postal_ranges: null, priority: 0, free_shipping_over: { eur: 5000 } },
    { name: "EU West", countries: ["fr", "nl", "be", "lu"], postal_prefixes: null, postal_ranges: null, priority: 0, free_shipping_over: { eur: 7500 } },
    { name: "United States", countries: ["us"], postal_prefixes: null, postal_ranges: null, priority: 0, free_shipping_over: { usd: 7500 } },
  ],
  rates: [
    ...grid("Germany", "standard", "eur", [490, 590, 790, 1090, 1690]),
    ...grid("Germany", "express", "eur", [990, 1190, 1490, 1990, 2990]),
    ...grid("Berlin", "same_day", "eur", [1490, 1990], [5000, 10000]),
    ...grid("EU West", "standard", "eur", [890, 1090, 1390, 1890, 2890]),
    ...grid("EU West", "express", "eur", [1790, 2090, 2690, 3490, 4990]),
    ...grid("United States", "standard", "usd", [595, 895, 1295, 1895, 3495]),
    ...grid("United States", "express", "usd", [1995, 2495, 3295, 4495, 7995]),
  ],
  surcharges: [
    {
      name: "Island delivery",
      per: "order",
      condition: "remote_area",
      zone_name: "Germany",
      carrier_code: null,
      // Hiddensee, Föhr, Sylt, Norderney, Juist, Borkum.
      postal_prefixes: ["18565", "25938", "25980", "26548", "26571", "26757"],
      min_longest_side_cm: null,
      currency_code: "eur",
      amount: 350,
    },
    {
      name: "Corsica",
      per: "order",
      condition: "remote_area",
      zone_name: "EU West",
      carrier_code: null,
      postal_prefixes: ["20"],
      min_longest_side_cm: null,
      currency_code: "eur",
      amount: 690,
    },
    {
      name: "Alaska & Hawaii",
      per: "order",
      condition: "remote_area",
      zone_name: "United States",
      carrier_code: null,
      postal_prefixes: ["967", "968", "995", "996", "997", "998", "999"],
      min_longest_side_cm: null,
      currency_code: "usd",
      amount: 1500,
    },
    { name: "Bulky item", per: "item", condition: "oversize", zone_name: null, carrier_code: null, postal_prefixes: null, min_longest_side_cm: 120, currency_code: "eur", amount: 1500 },
    { name: "Bulky item", per: "item", condition: "oversize", zone_name: null, carrier_code: null, postal_prefixes: null, min_longest_side_cm: 120, currency_code: "usd", amount: 1800 },
  ],
  weight_defaults: [{ product_type_id: null, weight_g: 500, length_cm: 30, width_cm: 20, height_cm: 10 }],
}
