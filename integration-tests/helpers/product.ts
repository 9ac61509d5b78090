import {
  createInventoryItemsWorkflow,
  createInventoryLevelsWorkflow,
  createProductCategoriesWorkflow,
  createProductsWorkflow,
} from "@medusajs/medusa/core-flows"
import type {
  CreateProductWorkflowInputDTO,
  MedusaContainer,
  ProductCategoryDTO,
  ProductDTO,
} from "@medusajs/framework/types"
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

type ProductShape = Pick<CreateProductWorkflowInputDTO, "options" | "variants">

/** Creates a published product in the input's sales channel and shipping profile. */
async function createPublishedProduct(
  container: MedusaContainer,
  input: Pick<ProductInput, "title" | "salesChannelId" | "shippingProfileId" | "categoryIds">,
  handle: string,
  shape: ProductShape
): Promise<ProductDTO> {
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
          ...shape,
        },
      ],
    },
  })
  return product
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

  const product = await createPublishedProduct(container, input, handle, {
    options: [{ title: "Size", values: input.variants.map((v) => v.size) }],
    variants: input.variants.map((v) => ({
      title: v.size,
      sku: skuOf(v.size),
      options: { Size: v.size },
      manage_inventory: true,
      prices: [{ currency_code: input.currencyCode, amount: v.price }],
    })),
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

export type SeededBundle = {
  product: ProductDTO
  inventoryItemId: string
  /** Takes 1 unit of the shared inventory item. */
  single: { id: string }
  /** Takes 2 units of the same inventory item (`required_quantity: 2`). */
  pack: { id: string }
}

/**
 * A product whose two variants draw on one inventory item: "Single" needs 1 unit, "Pack of 2"
 * needs 2 (Medusa's `required_quantity`). `stock` units are stocked at `stockLocationId`.
 */
export async function createBundleProduct(
  container: MedusaContainer,
  input: Omit<ProductInput, "variants"> & { stock: number }
): Promise<SeededBundle> {
  const handle = `${slug(input.title)}-${uniqueSuffix()}`
  const {
    result: [item],
  } = await createInventoryItemsWorkflow(container).run({
    input: {
      items: [
        {
          sku: `${handle}-unit`.toUpperCase(),
          title: `${input.title} (unit)`,
          location_levels: [{ location_id: input.stockLocationId, stocked_quantity: input.stock }],
        },
      ],
    },
  })
  const variant = (title: string, required: number, price: number) => ({
    title,
    sku: `${handle}-${slug(title)}`.toUpperCase(),
    options: { Pack: title },
    manage_inventory: true,
    inventory_items: [{ inventory_item_id: item.id, required_quantity: required }],
    prices: [{ currency_code: input.currencyCode, amount: price }],
  })
  const product = await createPublishedProduct(container, input, handle, {
    options: [{ title: "Pack", values: ["Single", "Pack of 2"] }],
    variants: [variant("Single", 1, 5), variant("Pack of 2", 2, 9)],
  })
  const { data: rows } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "product_variant",
    fields: ["id", "title"],
    filters: { product_id: product.id },
  })
  const byTitle = (title: string) => {
    const row = rows.find((r: { title?: string | null }) => r.title === title)
    if (!row) throw new Error(`bundle variant ${title} was not created`)
    return { id: row.id as string }
  }
  return { product, inventoryItemId: item.id, single: byTitle("Single"), pack: byTitle("Pack of 2") }
}
