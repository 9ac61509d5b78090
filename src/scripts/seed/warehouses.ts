import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import {
  createShippingOptionsWorkflow,
  createShippingProfilesWorkflow,
  createStockLocationsWorkflow,
  linkSalesChannelsToStockLocationWorkflow,
} from "@medusajs/medusa/core-flows"
import {
  DEMO_LOCATIONS,
  DEMO_SHIPPING_OPTIONS,
  DemoLocationKey,
  DemoRegionKey,
  HOUSE_FULFILLMENT_PROVIDER_ID,
  MANUAL_FULFILLMENT_PROVIDER_ID,
} from "./constants"
import { TRANSPORT_MODULE } from "../../modules/transport"
import type TransportModuleService from "../../modules/transport/service"
import { DEMO_RATE_TABLE } from "./rate-table"
import type { DemoRegion, DemoRegions } from "./store-setup"

export type DemoShippingOption = { id: string; name: string; amount: number }

export type DemoWarehouse = {
  id: string
  name: string
  regionKey: DemoRegionKey
  region: DemoRegion
  shippingOptions: DemoShippingOption[]
}

export type DemoWarehouses = Record<DemoLocationKey, DemoWarehouse>

/** The shipping profile Medusa creates during migrations; created here only on databases that lack it. */
export async function ensureDefaultShippingProfile(container: MedusaContainer): Promise<string> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: profiles } = await query.graph({
    entity: "shipping_profile",
    fields: ["id"],
    filters: { type: "default" },
  })
  if (profiles.length) {
    return profiles[0].id
  }
  const { result } = await createShippingProfilesWorkflow(container).run({
    input: { data: [{ name: "Default Shipping Profile", type: "default" }] },
  })
  return result[0].id
}

/**
 * Creates each warehouse as Medusa needs it to ship: a stock location in the
 * sales channel, linked to the manual fulfillment provider and to a "shipping"
 * fulfillment set whose service zone covers its region, with Standard and
 * Express options priced in that region's currency.
 */
export async function createDemoWarehouses(
  container: MedusaContainer,
  context: { regions: DemoRegions; salesChannelId: string; shippingProfileId: string }
): Promise<DemoWarehouses> {
  const link = container.resolve(ContainerRegistrationKeys.LINK)
  // The house carrier's options are validated against, and priced by, the rate table.
  await container.resolve<TransportModuleService>(TRANSPORT_MODULE).replaceRateTable(DEMO_RATE_TABLE)
  const fulfillmentService = container.resolve(Modules.FULFILLMENT)
  const keys = Object.keys(DEMO_LOCATIONS) as DemoLocationKey[]

  const { result: locations } = await createStockLocationsWorkflow(container).run({
    input: {
      locations: keys.map((key) => ({ name: DEMO_LOCATIONS[key].name, address: DEMO_LOCATIONS[key].address })),
    },
  })
  const locationIdByName = new Map(locations.map((location) => [location.name, location.id]))

  const warehouses = {} as DemoWarehouses
  for (const key of keys) {
    const definition = DEMO_LOCATIONS[key]
    const region = context.regions[definition.region]
    const locationId = locationIdByName.get(definition.name)!

    await linkSalesChannelsToStockLocationWorkflow(container).run({
      input: { id: locationId, add: [context.salesChannelId] },
    })

    // No core-flows workflow creates a fulfillment set with its service zones
    // in one go, so the module service is used, as in Medusa's starter seed.
    const fulfillmentSet = await fulfillmentService.createFulfillmentSets({
      name: `${definition.name} shipping`,
      type: "shipping",
      service_zones: [
        {
          name: region.name,
          geo_zones: region.countries.map((country_code) => ({ country_code, type: "country" as const })),
        },
      ],
    })

    await link.create([
      {
        [Modules.STOCK_LOCATION]: { stock_location_id: locationId },
        [Modules.FULFILLMENT]: { fulfillment_set_id: fulfillmentSet.id },
      },
      {
        [Modules.STOCK_LOCATION]: { stock_location_id: locationId },
        [Modules.FULFILLMENT]: { fulfillment_provider_id: MANUAL_FULFILLMENT_PROVIDER_ID },
      },
      {
        [Modules.STOCK_LOCATION]: { stock_location_id: locationId },
        [Modules.FULFILLMENT]: { fulfillment_provider_id: HOUSE_FULFILLMENT_PROVIDER_ID },
      },
    ])

    const shippingOptions = await createShippingOptions(container, {
      serviceZoneId: fulfillmentSet.service_zones[0].id,
      shippingProfileId: context.shippingProfileId,
      region,
    })

    warehouses[key] = { id: locationId, name: definition.name, regionKey: definition.region, region, shippingOptions }
  }
  return warehouses
}

async function createShippingOptions(
  container: MedusaContainer,
  context: { serviceZoneId: string; shippingProfileId: string; region: DemoRegion }
): Promise<DemoShippingOption[]> {
  const currency = context.region.currency_code as "eur" | "usd"
  const { result } = await createShippingOptionsWorkflow(container).run({
    input: DEMO_SHIPPING_OPTIONS.map((option) => ({
      name: option.name,
      // Priced at checkout by the house carrier's rate table: weight, destination, free-shipping threshold.
      price_type: "calculated" as const,
      provider_id: HOUSE_FULFILLMENT_PROVIDER_ID,
      data: { id: `house:${option.code}`, carrier_code: "house", service_level_code: option.code },
      service_zone_id: context.serviceZoneId,
      shipping_profile_id: context.shippingProfileId,
      type: { label: option.name, description: option.description, code: option.code },
      rules: [
        // The store's cart flow lists options with the context enabled_in_store "true", is_return "false".
        { attribute: "enabled_in_store", value: "true", operator: "eq" as const },
        { attribute: "is_return", value: "false", operator: "eq" as const },
      ],
    })),
  })

  const amountByName = new Map(DEMO_SHIPPING_OPTIONS.map((option) => [option.name as string, option.prices[currency]]))
  return result.map((option) => ({ id: option.id, name: option.name, amount: amountByName.get(option.name)! }))
}
