import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, ProductStatus } from "@medusajs/framework/utils"
import { createProductCategoriesWorkflow, createProductsWorkflow } from "@medusajs/medusa/core-flows"
import type { DemoCategory, DemoProduct } from "./catalog"
import { PRODUCT_BATCH_SIZE } from "./constants"

export type SeededVariant = { id: string; sku: string; inventoryItemId: string }

/** Creates the categories and returns their ids by handle. */
export async function createDemoCategories(
  container: MedusaContainer,
  categories: DemoCategory[]
): Promise<Map<string, string>> {
  const { result } = await createProductCategoriesWorkflow(container).run({
    input: {
      product_categories: categories.map((category) => ({
        name: category.name,
        handle: category.handle,
        description: category.description,
        is_active: true,
      })),
    },
  })
  return new Map(result.map((category) => [category.handle, category.id]))
}

/**
 * Creates the products in batches: one workflow per product would take
 * minutes, one for all of them would make a single huge transaction.
 */
export async function createDemoProducts(
  container: MedusaContainer,
  products: DemoProduct[],
  context: { categoryIds: Map<string, string>; salesChannelId: string; shippingProfileId: string }
): Promise<number> {
  let created = 0
  for (let start = 0; start < products.length; start += PRODUCT_BATCH_SIZE) {
    const batch = products.slice(start, start + PRODUCT_BATCH_SIZE)
    const { result } = await createProductsWorkflow(container).run({
      input: {
        products: batch.map((product) => ({
          title: product.title,
          handle: product.handle,
          description: product.description,
          status: ProductStatus.PUBLISHED,
          category_ids: [context.categoryIds.get(product.categoryHandle)!],
          sales_channels: [{ id: context.salesChannelId }],
          shipping_profile_id: context.shippingProfileId,
          options: product.options,
          variants: product.variants.map((variant) => ({
            title: variant.title,
            sku: variant.sku,
            options: variant.options,
            // Grams and centimetres: the units the transport rate table prices in.
            weight: variant.parcel.weight_g,
            length: variant.parcel.length_cm,
            width: variant.parcel.width_cm,
            height: variant.parcel.height_cm,
            // Medusa creates an inventory item per variant when it manages inventory.
            manage_inventory: true,
            prices: [
              { currency_code: "eur", amount: variant.prices.eur },
              { currency_code: "usd", amount: variant.prices.usd },
            ],
          })),
        })),
      },
    })
    created += result.length
  }
  return created
}

/** The seeded variants with the inventory item Medusa created for each. */
export async function loadSeededVariants(container: MedusaContainer, skus: string[]): Promise<SeededVariant[]> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: variants } = await query.graph({
    entity: "product_variant",
    fields: ["id", "sku", "inventory_items.inventory_item_id"],
    filters: { sku: skus },
  })
  return variants.map((variant) => {
    const inventoryItemId = variant.inventory_items?.[0]?.inventory_item_id
    if (!inventoryItemId) {
      throw new Error(`Variant ${variant.sku} has no inventory item`)
    }
    return { id: variant.id, sku: variant.sku!, inventoryItemId }
  })
}
