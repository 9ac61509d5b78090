/**
 * Names the demo store is built from. Tests and other scripts import them from
 * here instead of repeating string literals, so a rename happens in one place.
 */

export const DEMO_STORE_NAME = "Emporium Demo Store"

/** The storefront's publishable key; its presence also marks the store as seeded. */
export const PUBLISHABLE_KEY_TITLE = "Emporium Storefront"

/** Medusa creates this channel on first boot; the seed reuses it rather than adding a second one. */
export const DEFAULT_SALES_CHANNEL_NAME = "Default Sales Channel"

export const SYSTEM_PAYMENT_PROVIDER_ID = "pp_system_default"
/** Stripe cards, from the payments-stripe plugin; offered by the demo regions when it is configured. */
export const STRIPE_PAYMENT_PROVIDER_ID = "pp_stripe_stripe"
export const MANUAL_FULFILLMENT_PROVIDER_ID = "manual_manual"
/** The transport module's provider for the built-in house carrier: calculated, rate-table prices. */
export const HOUSE_FULFILLMENT_PROVIDER_ID = "transport_house"
export const SYSTEM_TAX_PROVIDER_ID = "tp_system"

export type DemoRegionKey = "europe" | "unitedStates"

export type DemoRegionDefinition = {
  name: string
  currency_code: "eur" | "usd"
  countries: string[]
  /** Standard VAT per country; countries left out get a tax region without a default rate. */
  tax_rates: Record<string, number>
}

export const DEMO_REGIONS: Record<DemoRegionKey, DemoRegionDefinition> = {
  europe: {
    name: "Europe",
    currency_code: "eur",
    countries: ["de", "fr", "nl"],
    tax_rates: { de: 19, fr: 20, nl: 21 },
  },
  unitedStates: {
    name: "United States",
    currency_code: "usd",
    countries: ["us"],
    // US sales tax depends on the state, so the country-level region carries no rate.
    tax_rates: {},
  },
}

export const DEMO_REGION_NAMES = Object.values(DEMO_REGIONS).map((region) => region.name)

export type DemoLocationKey = "berlin" | "newJersey"

export type DemoLocationDefinition = {
  name: string
  /** The region whose countries this warehouse ships to and whose currency its shipping is priced in. */
  region: DemoRegionKey
  address: { address_1: string; city: string; postal_code: string; country_code: string }
}

export const DEMO_LOCATIONS: Record<DemoLocationKey, DemoLocationDefinition> = {
  berlin: {
    name: "Berlin Warehouse",
    region: "europe",
    address: { address_1: "Lagerstraße 1", city: "Berlin", postal_code: "10115", country_code: "de" },
  },
  newJersey: {
    name: "New Jersey Warehouse",
    region: "unitedStates",
    address: { address_1: "100 Harbor Blvd", city: "Newark", postal_code: "07102", country_code: "us" },
  },
}

export const DEMO_LOCATION_NAMES = Object.values(DEMO_LOCATIONS).map((location) => location.name)

/**
 * The store's shipping options: house-carrier services priced by the rate table at checkout
 * (src/scripts/seed/rate-table.ts). `prices` is what the historical demo orders record as paid.
 */
export const DEMO_SHIPPING_OPTIONS = [
  { name: "Standard", code: "standard", description: "Delivered in 2–4 business days.", prices: { eur: 4.95, usd: 5.95 } },
  { name: "Express", code: "express", description: "Delivered in 1–2 business days.", prices: { eur: 12.95, usd: 14.95 } },
] as const

export const DEMO_SHIPPING_OPTION_NAMES = DEMO_SHIPPING_OPTIONS.map((option) => option.name)

/**
 * One seed per concern, so that changing how orders are drawn does not
 * reshuffle the catalog or the stock levels that tests may rely on.
 */
export const RANDOM_SEEDS = {
  catalog: 20240501,
  inventory: 20240502,
  orders: 20240503,
} as const

export const PRODUCTS_PER_CATEGORY = 16
export const DEMO_ORDER_COUNT = 40
/** Orders are spread over this many past days. */
export const ORDER_HISTORY_DAYS = 90
/** createProductsWorkflow call size: big enough to be quick, small enough to keep each transaction light. */
export const PRODUCT_BATCH_SIZE = 50
