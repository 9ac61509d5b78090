import {
  createLocationFulfillmentSetWorkflow,
  createServiceZonesWorkflow,
  createShippingOptionsWorkflow,
  createShippingProfilesWorkflow,
  createStockLocationsWorkflow,
  linkSalesChannelsToStockLocationWorkflow,
} from "@medusajs/medusa/core-flows"
import type {
  MedusaContainer,
  ServiceZoneDTO,
  ShippingOptionDTO,
  ShippingProfileDTO,
  StockLocationDTO,
} from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"

/** The fulfillment provider Medusa registers by default (`fulfillment-manual`, id "manual"). */
export const MANUAL_FULFILLMENT_PROVIDER = "manual_manual"

export type ShippingSetupInput = {
  salesChannelId: string
  regionId: string
  currencyCode: string
  /** Countries the service zone delivers to. */
  countries: string[]
  /** Flat price of the shipping option, in major units (10 = €10). */
  price: number
}

export type ShippingSetup = {
  stockLocation: StockLocationDTO
  fulfillmentSetId: string
  serviceZone: ServiceZoneDTO
  shippingProfile: ShippingProfileDTO
  shippingOption: ShippingOptionDTO
  price: number
}

/**
 * A warehouse that sells through `salesChannelId` and ships to `countries`: stock location,
 * manual fulfillment provider, fulfillment set, service zone, shipping profile and one flat
 * shipping option shown in the store.
 */
export async function createShippingSetup(
  container: MedusaContainer,
  { salesChannelId, regionId, currencyCode, countries, price }: ShippingSetupInput
): Promise<ShippingSetup> {
  const {
    result: [shippingProfile],
  } = await createShippingProfilesWorkflow(container).run({
    input: { data: [{ name: "Standard goods", type: "default" }] },
  })

  const {
    result: [stockLocation],
  } = await createStockLocationsWorkflow(container).run({
    input: {
      locations: [
        {
          name: "Main warehouse",
          address: { address_1: "Lagerstraße 1", city: "Berlin", country_code: countries[0] },
        },
      ],
    },
  })
  await linkSalesChannelsToStockLocationWorkflow(container).run({
    input: { id: stockLocation.id, add: [salesChannelId] },
  })
  await container.resolve(ContainerRegistrationKeys.LINK).create({
    [Modules.STOCK_LOCATION]: { stock_location_id: stockLocation.id },
    [Modules.FULFILLMENT]: { fulfillment_provider_id: MANUAL_FULFILLMENT_PROVIDER },
  })

  await createLocationFulfillmentSetWorkflow(container).run({
    input: {
      location_id: stockLocation.id,
      fulfillment_set_data: { name: "Main warehouse shipping", type: "shipping" },
    },
  })
  const {
    data: [location],
  } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "stock_location",
    fields: ["id", "fulfillment_sets.id"],
    filters: { id: stockLocation.id },
  })
  const fulfillmentSetId: string | undefined = location?.fulfillment_sets?.[0]?.id
  if (!fulfillmentSetId) {
    throw new Error(`stock location ${stockLocation.id} has no fulfillment set after creating one`)
  }

  const {
    result: [serviceZone],
  } = await createServiceZonesWorkflow(container).run({
    input: {
      data: [
        {
          name: "Delivery zone",
          fulfillment_set_id: fulfillmentSetId,
          geo_zones: countries.map((country_code) => ({ type: "country" as const, country_code })),
        },
      ],
    },
  })

  const {
    result: [shippingOption],
  } = await createShippingOptionsWorkflow(container).run({
    input: [
      {
        name: "Standard delivery",
        price_type: "flat",
        provider_id: MANUAL_FULFILLMENT_PROVIDER,
        service_zone_id: serviceZone.id,
        shipping_profile_id: shippingProfile.id,
        type: { label: "Standard", description: "Delivered in 2-3 days", code: "standard" },
        prices: [
          { currency_code: currencyCode, amount: price },
          { region_id: regionId, amount: price },
        ],
        rules: [
          { attribute: "enabled_in_store", operator: "eq", value: "true" },
          { attribute: "is_return", operator: "eq", value: "false" },
        ],
      },
    ],
  })

  return { stockLocation, fulfillmentSetId, serviceZone, shippingProfile, shippingOption, price }
}
