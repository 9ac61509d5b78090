import { createRegionsWorkflow } from "@medusajs/medusa/core-flows"
import type { MedusaContainer, RegionDTO } from "@medusajs/framework/types"

export const SYSTEM_PAYMENT_PROVIDER = "pp_system_default"

export type RegionInput = { name?: string; currencyCode?: string; countries?: string[] }

/** A region (EUR by default) whose customers pay through Medusa's built-in system provider. */
export async function createRegion(
  container: MedusaContainer,
  { name = "Europe", currencyCode = "eur", countries = ["de", "fr", "nl"] }: RegionInput = {}
): Promise<RegionDTO> {
  const {
    result: [region],
  } = await createRegionsWorkflow(container).run({
    input: {
      regions: [
        {
          name,
          currency_code: currencyCode,
          countries,
          payment_providers: [SYSTEM_PAYMENT_PROVIDER],
        },
      ],
    },
  })
  return region
}
