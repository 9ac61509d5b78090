import {
  createInventoryLevelsWorkflow,
  createProductCategoriesWorkflow,
  createProductsWorkflow,
} from "@medusajs/medusa/core-flows"
import type { MedusaContainer, ProductCategoryDTO, ProductDTO } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, ProductStatus } from "@medusajs/framework/utils"
import { uniqueSuffix } from "./http"

export type VariantSpec = {
  /** Value of the product's single "Size" option, also the variant's title. */
  size: string
  /** Price in the region's currency, major units (25 = €25). */
  price: number
  /** Units stocked at the stock location. */
  stock: number
}

export type SeededVariant = VariantSpec & { id: string; sku: string; inventoryItemId: string }

export type SeededProduct = { product: ProductDTO; variants: SeededVariant[] }

export type ProductInput = {
  title: string
  salesChannelId: string
  shippingProfileId: string
  stockLocationId: string
  currencyCode: string
  categoryIds?: string[]
  variants: VariantSpec[]
}

const slug = (text: string) => text.toLowerCase().replace(/\W+/g, "-")

/** An active, public product category. */
export async function createCategory(container: MedusaContainer, name: string): Promise<ProductCategoryDTO> {
  const {
    result: [category],
  } = await createProductCategoriesWorkflow(container).run({
    input: {
      product_categories: [{ name, handle: `${slug(name)}-${uniqueSuffix()}`, is_active: true, is_internal: false }],
    },
  })
  return category
}

/**
 * A published product sold in `salesChannelId`, one variant per size, each variant's inventory
 * managed by Medusa and stocked at `stockLocationId`.
 */
export async function createProductWithStock(
  container: MedusaContainer,
  input: ProductInput
): Promise<SeededProduct> {
  const handle = `${slug(input.title)}-${uniqueSuffix()}`
  const skuOf = (size: string) => `${handle}-${size}`.toUpperCase()

  const {
    result: [product],
  } = await createProductsWorkflow(container).run({
    input: {
      products: [
        {
          title: input.title,
          handle,
          status: ProductStatus.PUBLISHED,
          shipping_profile_id: input.shippingProfileId,
          sales_channels: [{ id: input.salesChannelId }],
          category_ids: input.categoryIds,
          options: [{ title: "Size", values: input.variants.map((v) => v.size) }],
          variants: input.variants.map((v) => ({
            title: v.size,
            sku: skuOf(v.size),
            options: { Size: v.size },
            manage_inventory: true,
            prices: [{ currency_code: input.currencyCode, amount: v.price }],
          })),
        },
      ],
    },
  })

  const { data: variantRows } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "product_variant",
    fields: ["id", "sku", "inventory_items.inventory_item_id"],
    filters: { product_id: product.id },
  })

  const variants: SeededVariant[] = input.variants.map((spec) => {
    const row = variantRows.find((r: { sku?: string | null }) => r.sku === skuOf(spec.size))
    const inventoryItemId: string | undefined = row?.inventory_items?.[0]?.inventory_item_id
    if (!row || !inventoryItemId) {
      throw new Error(`variant ${skuOf(spec.size)} was created without an inventory item`)
    }
    return { ...spec, id: row.id, sku: skuOf(spec.size), inventoryItemId }
  })

  await createInventoryLevelsWorkflow(container).run({
    input: {
      inventory_levels: variants.map((v) => ({
        inventory_item_id: v.inventoryItemId,
        location_id: input.stockLocationId,
        stocked_quantity: v.stock,
      })),
    },
  })

  return { product, variants }
}
