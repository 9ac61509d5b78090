import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import {
  createApiKeysWorkflow,
  createRegionsWorkflow,
  createSalesChannelsWorkflow,
  createTaxRegionsWorkflow,
  linkSalesChannelsToApiKeyWorkflow,
  updateApiKeysWorkflow,
  updateStoresWorkflow,
} from "@medusajs/medusa/core-flows"
import {
  DEFAULT_SALES_CHANNEL_NAME,
  DEMO_REGIONS,
  DEMO_STORE_NAME,
  DemoRegionKey,
  PUBLISHABLE_KEY_TITLE,
  STRIPE_PAYMENT_PROVIDER_ID,
  SYSTEM_PAYMENT_PROVIDER_ID,
  SYSTEM_TAX_PROVIDER_ID,
} from "./constants"

export type DemoRegion = { id: string; name: string; currency_code: string; countries: string[] }
export type DemoRegions = Record<DemoRegionKey, DemoRegion>

/** The title Medusa gives the publishable key it creates on first boot (core-flows createDefaultsWorkflow). */
const MEDUSA_DEFAULT_KEY_TITLE = "Default Publishable API Key"

/** The store Medusa creates on first boot; there is exactly one. */
export async function loadStore(container: MedusaContainer): Promise<{ id: string; default_sales_channel_id: string | null }> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: stores } = await query.graph({
    entity: "store",
    fields: ["id", "default_sales_channel_id"],
  })
  if (!stores.length) {
    throw new Error("No store found: start Medusa once (or run its loaders) before seeding")
  }
  return stores[0]
}

/**
 * The store's default sales channel: reused when Medusa already created it,
 * because a second channel would leave products invisible to the default one.
 */
export async function ensureDefaultSalesChannel(container: MedusaContainer): Promise<string> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const store = await loadStore(container)
  if (store.default_sales_channel_id) {
    return store.default_sales_channel_id
  }

  const { data: existing } = await query.graph({
    entity: "sales_channel",
    fields: ["id"],
    filters: { name: DEFAULT_SALES_CHANNEL_NAME },
  })
  if (existing.length) {
    return existing[0].id
  }

  const { result } = await createSalesChannelsWorkflow(container).run({
    input: { salesChannelsData: [{ name: DEFAULT_SALES_CHANNEL_NAME }] },
  })
  return result[0].id
}

export async function createDemoRegions(container: MedusaContainer): Promise<DemoRegions> {
  const keys = Object.keys(DEMO_REGIONS) as DemoRegionKey[]
  // Cards through Stripe too when the payments-stripe plugin is configured (STRIPE_API_KEY).
  const providers = await container.resolve(Modules.PAYMENT).listPaymentProviders({ id: STRIPE_PAYMENT_PROVIDER_ID })
  const paymentProviders = [SYSTEM_PAYMENT_PROVIDER_ID, ...providers.map((p) => p.id)]
  const { result } = await createRegionsWorkflow(container).run({
    input: {
      regions: keys.map((key) => ({
        name: DEMO_REGIONS[key].name,
        currency_code: DEMO_REGIONS[key].currency_code,
        countries: DEMO_REGIONS[key].countries,
        payment_providers: paymentProviders,
      })),
    },
  })

  // The workflow returns regions in input order; keyed by name anyway to not depend on that.
  const byName = new Map(result.map((region) => [region.name, region]))
  return Object.fromEntries(
    keys.map((key) => {
      const region = byName.get(DEMO_REGIONS[key].name)!
      return [key, { id: region.id, name: region.name, currency_code: region.currency_code, countries: DEMO_REGIONS[key].countries }]
    })
  ) as DemoRegions
}

/** One tax region per country, so carts in every seeded country get tax lines. */
export async function createDemoTaxRegions(container: MedusaContainer): Promise<number> {
  const taxRegions = Object.values(DEMO_REGIONS).flatMap((region) =>
    region.countries.map((country_code) => {
      const rate = region.tax_rates[country_code]
      return {
        country_code,
        provider_id: SYSTEM_TAX_PROVIDER_ID,
        ...(rate === undefined
          ? {}
          : { default_tax_rate: { name: `${country_code.toUpperCase()} VAT`, code: `${country_code}-vat`, rate } }),
      }
    })
  )
  const { result } = await createTaxRegionsWorkflow(container).run({ input: taxRegions })
  return result.length
}

/**
 * Gives the storefront its publishable key. Medusa creates a "Default
 * Publishable API Key" on first boot; renaming that one (instead of adding a
 * second) leaves exactly one publishable key, which is the one storefronts and
 * tests look up by title. A key only answers once linked to a sales channel.
 */
export async function ensureStorefrontApiKey(container: MedusaContainer, salesChannelId: string): Promise<string> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: publishableKeys } = await query.graph({
    entity: "api_key",
    fields: ["id", "title", "revoked_at", "sales_channels.id"],
    filters: { type: "publishable" },
  })
  const medusaDefaultKey = publishableKeys.find(
    (key) => key.title === MEDUSA_DEFAULT_KEY_TITLE && !key.revoked_at
  )

  let keyId: string
  let linkedChannelIds: string[] = []
  if (medusaDefaultKey) {
    await updateApiKeysWorkflow(container).run({
      input: { selector: { id: medusaDefaultKey.id }, update: { title: PUBLISHABLE_KEY_TITLE } },
    })
    keyId = medusaDefaultKey.id
    linkedChannelIds = (medusaDefaultKey.sales_channels ?? []).flatMap(
      (channel: { id: string } | null | undefined) => (channel ? [channel.id] : [])
    )
  } else {
    const { result } = await createApiKeysWorkflow(container).run({
      input: { api_keys: [{ title: PUBLISHABLE_KEY_TITLE, type: "publishable", created_by: "" }] },
    })
    keyId = result[0].id
  }

  if (!linkedChannelIds.includes(salesChannelId)) {
    await linkSalesChannelsToApiKeyWorkflow(container).run({
      input: { id: keyId, add: [salesChannelId] },
    })
  }
  return keyId
}

export async function configureDemoStore(
  container: MedusaContainer,
  defaults: { salesChannelId: string; regionId: string; locationId: string }
): Promise<void> {
  const store = await loadStore(container)
  await updateStoresWorkflow(container).run({
    input: {
      selector: { id: store.id },
      update: {
        name: DEMO_STORE_NAME,
        supported_currencies: [
          { currency_code: "eur", is_default: true },
          { currency_code: "usd" },
        ],
        default_sales_channel_id: defaults.salesChannelId,
        default_region_id: defaults.regionId,
        default_location_id: defaults.locationId,
      },
    },
  })
}
