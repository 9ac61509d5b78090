import type { MedusaRequest } from "@medusajs/framework/http"
import type { RemoteQueryFunction } from "@medusajs/framework/types"
import { MedusaError, QueryContext } from "@medusajs/framework/utils"
import { parcelItemsFromCart, positiveOrNull, type CartLineForParcel } from "../../../modules/transport-fulfillment/parcel"
import { toMinor } from "../../../utils/money"
import type { Destination, ParcelItem } from "../../../modules/transport/rates/types"
import { keySalesChannels } from "../publishable-key"
import type { StoreShippingQuotesType } from "./validators"

export type Parcel = { cart_id?: string; destination: Destination | null; currency_code: string; items: ParcelItem[] }

/** The cart's lines as Medusa's own calculated-price call sees them, to the cart's address or the one sent. */
export async function parcelFromCart(query: Omit<RemoteQueryFunction, symbol>, cartId: string, destination?: Destination): Promise<Parcel> {
  const { data } = await query.graph({
    entity: "cart",
    filters: { id: cartId },
    fields: [
      "id",
      "currency_code",
      "shipping_address.country_code",
      "shipping_address.postal_code",
      "items.id",
      "items.title",
      "items.product_title",
      "items.variant_title",
      "items.quantity",
      "items.unit_price",
      "items.product_type_id",
      "items.variant.weight",
      "items.variant.length",
      "items.variant.width",
      "items.variant.height",
      "items.product.weight",
    ],
  })
  const cart = data[0]
  if (!cart) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Cart with id: ${cartId} was not found`)
  }
  if (!cart.items?.length) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "The cart is empty: there is nothing to ship.")
  }
  const address = cart.shipping_address
  return {
    cart_id: cart.id,
    currency_code: cart.currency_code,
    destination: destination ?? (address?.country_code ? { country_code: address.country_code, postal_code: address.postal_code } : null),
    items: parcelItemsFromCart(cart.items as unknown as CartLineForParcel[], cart.currency_code),
  }
}

/**
 * Variants the storefront may show (published, in the key's sales channels), priced in the
 * region's currency so the free-shipping threshold is judged on what the customer would pay.
 */
export async function parcelFromVariants(
  query: Omit<RemoteQueryFunction, symbol>,
  req: MedusaRequest,
  body: StoreShippingQuotesType
): Promise<Parcel> {
  const currency = await currencyOf(query, body)
  const ids = [...new Set(body.items!.map((item) => item.variant_id))]
  const { data: variants } = await query.graph({
    entity: "product_variant",
    filters: { id: ids },
    fields: [
      "id",
      "title",
      "weight",
      "length",
      "width",
      "height",
      "product.title",
      "product.status",
      "product.weight",
      "product.type_id",
      "product.sales_channels.id",
      "calculated_price.calculated_amount",
    ],
    context: { calculated_price: QueryContext({ currency_code: currency, ...(body.region_id ? { region_id: body.region_id } : {}) }) },
  })
  const channels = keySalesChannels(req)
  const byId = new Map(
    variants
      .filter((variant: any) => variant.product?.status === "published")
      .filter((variant: any) => !channels.length || variant.product.sales_channels?.some((channel: any) => channels.includes(channel?.id)))
      .map((variant: any) => [variant.id, variant])
  )
  const items = body.items!.map((line) => {
    const variant: any = byId.get(line.variant_id)
    if (!variant) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Variant with id: ${line.variant_id} was not found`)
    }
    const title = variant.title && variant.title !== "Default variant" ? `${variant.product.title} (${variant.title})` : variant.product.title
    return {
      id: variant.id,
      title,
      quantity: line.quantity,
      unit_price: toMinor(variant.calculated_price?.calculated_amount ?? 0, currency),
      weight_g: positiveOrNull(variant.weight) ?? positiveOrNull(variant.product?.weight),
      length_cm: positiveOrNull(variant.length),
      width_cm: positiveOrNull(variant.width),
      height_cm: positiveOrNull(variant.height),
      product_type_id: variant.product?.type_id ?? null,
    }
  })
  return { destination: body.destination!, currency_code: currency, items }
}

async function currencyOf(query: Omit<RemoteQueryFunction, symbol>, body: StoreShippingQuotesType): Promise<string> {
  if (!body.region_id) {
    return body.currency_code!
  }
  const { data } = await query.graph({ entity: "region", filters: { id: body.region_id }, fields: ["currency_code"] })
  if (!data[0]) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Region with id: ${body.region_id} was not found`)
  }
  if (body.currency_code && body.currency_code !== data[0].currency_code) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `The region's currency is ${data[0].currency_code}, not ${body.currency_code}.`)
  }
  return data[0].currency_code
}
