import { createInventoryLevelsWorkflow, createProductsWorkflow } from "@medusajs/medusa/core-flows"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, ProductStatus } from "@medusajs/framework/utils"
import { uniqueSuffix } from "./http"
import type { StoreFixture } from "./store-fixture"

/** Bounded wait for what subscribers and buffers do after the request that caused it answered. */
export async function eventually<T>(probe: () => Promise<T>, done: (value: T) => boolean, what: string, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  let last: T
  for (;;) {
    last = await probe()
    if (done(last)) return last
    if (Date.now() > deadline) {
      throw new Error(`${what} did not happen within ${timeoutMs / 1000} s; last seen: ${JSON.stringify(last)?.slice(0, 1500)}`)
    }
    await new Promise((r) => setTimeout(r, 200))
  }
}

export type ProductSpec = {
  title: string
  price: number
  /** Units at the fixture's stock location. Default 20. */
  stock?: number
  categoryIds?: string[]
  tags?: string[]
  status?: ProductStatus
  salesChannelId?: string
  metadata?: Record<string, unknown>
}
export type Made = { id: string; title: string; variantId: string; price: number }

/** A product with one stocked variant (inventory managed), created through Medusa's workflows like an admin would. */
export async function makeProduct(
  container: MedusaContainer,
  f: StoreFixture,
  spec: ProductSpec,
  tagIds: Record<string, string> = {}
): Promise<Made> {
  const handle = `${spec.title.toLowerCase().replace(/\W+/g, "-")}-${uniqueSuffix()}`
  const {
    result: [product],
  } = await createProductsWorkflow(container).run({
    input: {
      products: [
        {
          title: spec.title,
          handle,
          status: spec.status ?? ProductStatus.PUBLISHED,
          shipping_profile_id: f.shipping.shippingProfile.id,
          sales_channels: [{ id: spec.salesChannelId ?? f.storefront.salesChannel.id }],
          category_ids: spec.categoryIds,
          tag_ids: (spec.tags ?? []).map((t) => tagIds[t]),
          metadata: spec.metadata,
          options: [{ title: "Size", values: ["One size"] }],
          variants: [
            {
              title: "One size",
              sku: handle.toUpperCase(),
              options: { Size: "One size" },
              manage_inventory: true,
              prices: [{ currency_code: "eur", amount: spec.price }],
            },
          ],
        },
      ],
    },
  })
  const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "product_variant",
    fields: ["id", "inventory_items.inventory_item_id"],
    filters: { product_id: product.id },
  })
  const variant = data[0] as { id: string; inventory_items: { inventory_item_id: string }[] }
  await createInventoryLevelsWorkflow(container).run({
    input: {
      inventory_levels: [
        { inventory_item_id: variant.inventory_items[0].inventory_item_id, location_id: f.shipping.stockLocation.id, stocked_quantity: spec.stock ?? 20 },
      ],
    },
  })
  return { id: product.id, title: spec.title, variantId: variant.id, price: spec.price }
}
