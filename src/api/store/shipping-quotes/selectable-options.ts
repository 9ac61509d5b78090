import type { RemoteQueryFunction } from "@medusajs/framework/types"

/**
 * Medusa shipping options that book a transport service for this destination country, keyed
 * `carrier:service`. A quote without one is informational: the store does not offer it at checkout.
 */
export async function selectableOptions(query: Omit<RemoteQueryFunction, symbol>, countryCode: string): Promise<Map<string, string>> {
  const { data } = await query.graph({
    entity: "shipping_option",
    fields: ["id", "provider_id", "data", "service_zone.geo_zones.country_code", "rules.attribute", "rules.value"],
  })
  const options = new Map<string, string>()
  for (const option of data as any[]) {
    const data = option.data ?? {}
    const isReturn = option.rules?.some((rule: any) => rule.attribute === "is_return" && rule.value === "true")
    const inStore = !option.rules?.some((rule: any) => rule.attribute === "enabled_in_store" && rule.value === "false")
    const servesCountry = option.service_zone?.geo_zones?.some((zone: any) => zone.country_code?.toLowerCase() === countryCode)
    if (option.provider_id?.startsWith("transport_") && !isReturn && inStore && servesCountry && data.carrier_code) {
      options.set(`${data.carrier_code}:${data.service_level_code}`, option.id)
    }
  }
  return options
}
