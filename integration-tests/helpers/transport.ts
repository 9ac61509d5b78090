import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createShippingOptionsWorkflow } from "@medusajs/medusa/core-flows"
import { TRANSPORT_MODULE } from "../../src/modules/transport"
import type TransportModuleService from "../../src/modules/transport/service"
import { DEMO_RATE_TABLE } from "../../src/scripts/seed/rate-table"
import type { StoreFixture } from "./store-fixture"

export const HOUSE_PROVIDER = "transport_house"

export type HouseShipping = { standardOptionId: string; expressOptionId: string }

/**
 * The demo rate table plus the house carrier's Standard and Express options (calculated
 * prices) in the fixture's service zone, as the seed sets them up.
 */
export async function addHouseShipping(container: MedusaContainer, fixture: StoreFixture): Promise<HouseShipping> {
  await container.resolve<TransportModuleService>(TRANSPORT_MODULE).replaceRateTable(DEMO_RATE_TABLE)
  await container.resolve(ContainerRegistrationKeys.LINK).create({
    [Modules.STOCK_LOCATION]: { stock_location_id: fixture.shipping.stockLocation.id },
    [Modules.FULFILLMENT]: { fulfillment_provider_id: HOUSE_PROVIDER },
  })
  const { result } = await createShippingOptionsWorkflow(container).run({
    input: (["standard", "express"] as const).map((code) => ({
      name: `House ${code}`,
      price_type: "calculated" as const,
      provider_id: HOUSE_PROVIDER,
      data: { id: `house:${code}`, carrier_code: "house", service_level_code: code },
      service_zone_id: fixture.shipping.serviceZone.id,
      shipping_profile_id: fixture.shipping.shippingProfile.id,
      type: { label: code, description: `House carrier ${code}`, code: `house-${code}` },
      rules: [
        { attribute: "enabled_in_store", operator: "eq" as const, value: "true" },
        { attribute: "is_return", operator: "eq" as const, value: "false" },
      ],
    })),
  })
  return { standardOptionId: result[0].id, expressOptionId: result[1].id }
}

/** Weight (g) and size (cm) of a variant, as a merchant sets them in the admin. */
export async function setVariantParcel(
  container: MedusaContainer,
  variantId: string,
  parcel: { weight: number; length?: number; width?: number; height?: number }
): Promise<void> {
  await container.resolve(Modules.PRODUCT).updateProductVariants(variantId, parcel)
}
