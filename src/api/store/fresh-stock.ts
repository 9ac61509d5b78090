import type { MedusaRequest } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, getVariantAvailability } from "@medusajs/framework/utils"
import { keySalesChannel, keySalesChannels } from "./publishable-key"

type Variant = { id?: string; manage_inventory?: boolean; inventory_quantity?: number | null }
type ProductAnswer = { products?: { variants?: Variant[] }[]; product?: { variants?: Variant[] } }

/**
 * The sales channel whose locations count, chosen as Medusa's store product routes choose it:
 * the publishable key's only channel, else the one `sales_channel_id` asked for.
 */
function salesChannelOf(req: MedusaRequest, query: string): string | undefined {
  const only = keySalesChannel(req)
  if (only) return only
  const fromKey = keySalesChannels(req)
  const asked = new URLSearchParams(query).getAll("sales_channel_id")
  return asked.length === 1 && fromKey.includes(asked[0]) ? asked[0] : undefined
}

/**
 * A cached product answer with its `inventory_quantity` values recomputed now, with Medusa's own
 * availability computation (`getVariantAvailability`, what the route itself uses), and set exactly
 * where the route sets them (variants that manage inventory). Undefined when the channel cannot
 * be told: the request then goes to Medusa, which answers it itself. `query` is the request's
 * raw query string.
 */
export async function withFreshStock(req: MedusaRequest, query: string, body: string): Promise<string | undefined> {
  const answer = JSON.parse(body) as ProductAnswer
  const products = answer.products ?? (answer.product ? [answer.product] : [])
  const variants = products.flatMap((product) => product?.variants ?? []).filter((variant) => !!variant?.id)
  if (!variants.length) return body
  const salesChannelId = salesChannelOf(req, query)
  if (!salesChannelId) return undefined
  const availability = await getVariantAvailability(req.scope.resolve(ContainerRegistrationKeys.QUERY), {
    variant_ids: variants.map((variant) => variant.id!),
    sales_channel_id: salesChannelId,
  })
  for (const variant of variants) {
    if (variant.manage_inventory) variant.inventory_quantity = availability[variant.id!].availability
  }
  return JSON.stringify(answer)
}
