import { ok, storeHeaders, type Api, type RequestOptions } from "./http"
import { SYSTEM_PAYMENT_PROVIDER } from "./region"
import type { Shopper } from "./customer"
import type { StoreFixture } from "./store-fixture"

/** The parts of Medusa's store cart/order payloads these tests read. */
export type StoreLineItem = { id: string; variant_id: string; quantity: number; unit_price: number }
export type StoreCart = {
  id: string
  region_id: string
  currency_code: string
  customer_id?: string | null
  email?: string | null
  items: StoreLineItem[]
  shipping_address?: { country_code?: string | null; city?: string | null } | null
  shipping_methods?: { shipping_option_id: string; amount: number }[]
  item_total: number
  shipping_total: number
  total: number
}
export type StoreOrder = {
  id: string
  display_id: number
  customer_id?: string | null
  email?: string | null
  currency_code: string
  items: StoreLineItem[]
  item_total: number
  shipping_total: number
  total: number
}

export type CartLine = { variantId: string; quantity: number }

export const shippingAddress = (countryCode: string) => ({
  first_name: "Ada",
  last_name: "Shopper",
  address_1: "Hauptstraße 5",
  city: "Berlin",
  postal_code: "10115",
  country_code: countryCode,
})

/** Who checks out: a logged-in customer, or a guest with only an e-mail. */
export type Buyer = Pick<Shopper, "email"> & { token?: string }

export function shopperHeaders(fixture: StoreFixture, shopper?: Buyer): RequestOptions {
  return storeHeaders(fixture.storefront.publishableKey, shopper?.token)
}

/**
 * A cart with `lines`, the shopper's e-mail, a shipping address and the fixture's shipping
 * option: everything but payment. Each step goes through the store API.
 */
export async function prepareCart(
  api: Api,
  fixture: StoreFixture,
  shopper: Buyer,
  lines: CartLine[]
): Promise<StoreCart> {
  const headers = shopperHeaders(fixture, shopper)
  const { cart } = await ok<{ cart: StoreCart }>(
    api.post("/store/carts", { region_id: fixture.region.id }, headers)
  )
  for (const line of lines) {
    await ok(
      api.post(
        `/store/carts/${cart.id}/line-items`,
        { variant_id: line.variantId, quantity: line.quantity },
        headers
      )
    )
  }
  await ok(
    api.post(
      `/store/carts/${cart.id}`,
      { email: shopper.email, shipping_address: shippingAddress(fixture.countryCode) },
      headers
    )
  )
  const { cart: shipped } = await ok<{ cart: StoreCart }>(
    api.post(
      `/store/carts/${cart.id}/shipping-methods`,
      { option_id: fixture.shipping.shippingOption.id },
      headers
    )
  )
  return shipped
}

/** `prepareCart` plus a payment collection with a `pp_system_default` session: ready to complete. */
export async function createReadyCart(
  api: Api,
  fixture: StoreFixture,
  shopper: Buyer,
  lines: CartLine[]
): Promise<StoreCart> {
  const headers = shopperHeaders(fixture, shopper)
  const cart = await prepareCart(api, fixture, shopper, lines)
  const { payment_collection } = await ok<{ payment_collection: { id: string } }>(
    api.post("/store/payment-collections", { cart_id: cart.id }, headers)
  )
  await ok(
    api.post(
      `/store/payment-collections/${payment_collection.id}/payment-sessions`,
      { provider_id: SYSTEM_PAYMENT_PROVIDER },
      headers
    )
  )
  return cart
}

/** Places an order for `lines` as `shopper` and returns it. */
export async function placeOrder(
  api: Api,
  fixture: StoreFixture,
  shopper: Buyer,
  lines: CartLine[]
): Promise<StoreOrder> {
  const cart = await createReadyCart(api, fixture, shopper, lines)
  const completed = await ok<{ type: string; order?: StoreOrder; error?: unknown }>(
    api.post(`/store/carts/${cart.id}/complete`, {}, shopperHeaders(fixture, shopper))
  )
  if (completed.type !== "order" || !completed.order) {
    throw new Error(`cart ${cart.id} did not become an order: ${JSON.stringify(completed.error)}`)
  }
  return completed.order
}
