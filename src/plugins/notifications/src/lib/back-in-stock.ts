import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { BackInStockRecord } from "../modules/notification-center/service"
import { notificationCenter } from "./center"
import { notify } from "./dispatch"
import { sellableVariantIds } from "./sellable"

/** Open requests looked at per stock change; more wait for the next change. */
const BATCH = 200

type Variant = {
  id: string
  title: string | null
  manage_inventory: boolean
  allow_backorder: boolean
  product: { title: string; handle: string; thumbnail: string | null } | null
}

/**
 * Answers the open back-in-stock requests whose variant can be bought again in the requester's
 * sales channel (stock at that channel's locations, or not stock-managed, or backorderable).
 * Each request is answered once: its idempotency key is the request, and it is closed after.
 */
export async function answerBackInStockRequests(container: MedusaContainer): Promise<number> {
  const center = notificationCenter(container)
  const open = (await center.listBackInStockRequests({ notified_at: null } as never, { take: BATCH, order: { created_at: "ASC" } })) as BackInStockRecord[]
  if (!open.length) return 0
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const variantIds = [...new Set(open.map((r) => r.variant_id))]
  const { data } = await query.graph({
    entity: "product_variant",
    fields: ["id", "title", "manage_inventory", "allow_backorder", "product.title", "product.handle", "product.thumbnail"],
    filters: { id: variantIds },
  })
  const variants = new Map((data as Variant[]).map((v) => [v.id, v]))
  const byChannel = new Map<string | null, Variant[]>()
  for (const request of open) {
    const variant = variants.get(request.variant_id)
    if (variant) byChannel.set(request.sales_channel_id, [...(byChannel.get(request.sales_channel_id) ?? []), variant])
  }
  const sellable = new Set<string>()
  for (const [channel, inChannel] of byChannel) {
    for (const id of await sellableVariantIds(query, inChannel, channel)) sellable.add(`${id}|${channel}`)
  }

  const { storefrontUrl } = center.settings()
  let answered = 0
  for (const request of open) {
    const variant = variants.get(request.variant_id)
    if (!variant?.product || !sellable.has(`${request.variant_id}|${request.sales_channel_id}`)) continue
    await notify(container, {
      template: "back-in-stock",
      data: {
        product: {
          title: variant.product.title,
          variant_title: variant.title,
          url: `${storefrontUrl}/products/${variant.product.handle}`,
          thumbnail: variant.product.thumbnail,
        },
      },
      recipient: { email: request.email, customer_id: request.customer_id, locale: request.locale },
      trigger: "back-in-stock",
      occurrence: request.id,
      resource: { type: "product_variant", id: request.variant_id },
    })
    await center.updateBackInStockRequests({ id: request.id, notified_at: new Date() })
    answered++
  }
  return answered
}
