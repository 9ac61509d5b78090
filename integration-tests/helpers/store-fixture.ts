import type { MedusaContainer, ProductCategoryDTO, RegionDTO } from "@medusajs/framework/types"
import { createAdminUser, type AdminUser } from "./admin-user"
import type { Api } from "./http"
import { createCategory, createProductWithStock, type SeededProduct } from "./product"
import { createRegion } from "./region"
import { createStorefront, type Storefront } from "./sales-channel"
import { createShippingSetup, type ShippingSetup } from "./shipping"

/** Everything a storefront needs to sell one product, created through Medusa's own workflows. */
export type StoreFixture = {
  admin: AdminUser
  storefront: Storefront
  region: RegionDTO
  shipping: ShippingSetup
  category: ProductCategoryDTO
  /** In the web shop's channel and in `category`; the product the checkout tests buy. */
  product: SeededProduct
  /** In the web shop's channel, in no category. */
  otherProduct: SeededProduct
  /** Only in the `wholesale` channel: the web shop's key must not show it. */
  wholesaleProduct: SeededProduct
  wholesale: Storefront
  /** A country inside the region and the service zone. */
  countryCode: string
}

export async function seedStore(container: MedusaContainer, api: Api): Promise<StoreFixture> {
  const countries = ["de", "fr", "nl"]
  const currencyCode = "eur"

  const admin = await createAdminUser(container, api)
  const storefront = await createStorefront(container, "Emporium web shop")
  const region = await createRegion(container, { name: "Europe", currencyCode, countries })
  const shipping = await createShippingSetup(container, {
    salesChannelId: storefront.salesChannel.id,
    regionId: region.id,
    currencyCode,
    countries,
    price: 10,
  })
  const category = await createCategory(container, "Shirts")
  const common = {
    shippingProfileId: shipping.shippingProfile.id,
    stockLocationId: shipping.stockLocation.id,
    currencyCode,
  }
  const product = await createProductWithStock(container, {
    ...common,
    title: "Linen shirt",
    salesChannelId: storefront.salesChannel.id,
    categoryIds: [category.id],
    variants: [
      { size: "M", price: 25, stock: 10 },
      { size: "L", price: 30, stock: 5 },
    ],
  })
  const otherProduct = await createProductWithStock(container, {
    ...common,
    title: "Wool socks",
    salesChannelId: storefront.salesChannel.id,
    variants: [{ size: "One size", price: 8, stock: 50 }],
  })
  const wholesale = await createStorefront(container, "Wholesale")
  const wholesaleProduct = await createProductWithStock(container, {
    ...common,
    title: "Shirt pallet",
    salesChannelId: wholesale.salesChannel.id,
    variants: [{ size: "Pallet", price: 900, stock: 3 }],
  })

  return {
    admin,
    storefront,
    region,
    shipping,
    category,
    product,
    otherProduct,
    wholesaleProduct,
    wholesale,
    countryCode: countries[0],
  }
}
