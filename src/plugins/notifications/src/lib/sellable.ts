import type { RemoteQueryFunction } from "@medusajs/framework/types"
import { getVariantAvailability } from "@medusajs/framework/utils"

export type StockedVariant = { id: string; manage_inventory: boolean; allow_backorder: boolean }

/**
 * Which of `variants` a shopper can buy now in the sales channel: not stock-managed,
 * backorderable, or with stock at the channel's locations (Medusa's getVariantAvailability).
 * Without a channel only the first two count.
 */
export async function sellableVariantIds(
  query: Omit<RemoteQueryFunction, symbol>,
  variants: StockedVariant[],
  salesChannelId: string | null
): Promise<Set<string>> {
  const sellable = new Set(variants.filter((v) => !v.manage_inventory || v.allow_backorder).map((v) => v.id))
  const counted = [...new Set(variants.filter((v) => !sellable.has(v.id)).map((v) => v.id))]
  if (counted.length && salesChannelId) {
    const availability = await getVariantAvailability(query, { variant_ids: counted, sales_channel_id: salesChannelId })
    for (const [id, { availability: count }] of Object.entries(availability)) {
      if ((count ?? 0) > 0) sellable.add(id)
    }
  }
  return sellable
}
