import { shopperHeaders, type StoreCart } from "./cart"
import { attempt, type Api, type HttpResult } from "./http"
import { SYSTEM_PAYMENT_PROVIDER } from "./region"
import type { StoreFixture } from "./store-fixture"

/** A 4xx answer that tells the client what went wrong; the failure message shows what came back. */
export function expectClientError(result: HttpResult, label: string): void {
  const message = typeof result.data?.message === "string" ? result.data.message.trim() : ""
  const seen = `${label} answered ${result.status} ${JSON.stringify(result.data)}`
  expect({ seen, isClientError: result.status >= 400 && result.status <= 499 }).toEqual({
    seen,
    isClientError: true,
  })
  expect({ seen, hasMessage: message.length > 0 }).toEqual({ seen, hasMessage: true })
}

/** `cart` is a guest cart holding one unit of the fixture's first variant. */
export type BadInputContext = { api: Api; fixture: StoreFixture; cart: StoreCart }
export type BadInputCase = [label: string, send: (c: BadInputContext) => Promise<HttpResult>]

const UNKNOWN_VARIANT_ID = "variant_01JZZZZZZZZZZZZZZZZZZZZZZZ"
const NOT_AN_ID = "not-a-real-id"

const get = (c: BadInputContext, url: string) => attempt(c.api.get(url, shopperHeaders(c.fixture)))
const post = (c: BadInputContext, url: string, body: unknown) =>
  attempt(c.api.post(url, body, shopperHeaders(c.fixture)))
const addItem = (c: BadInputContext, body: Record<string, unknown>) =>
  post(c, `/store/carts/${c.cart.id}/line-items`, { variant_id: c.fixture.product.variants[0].id, ...body })
const changeItem = (c: BadInputContext, body: unknown, lineId = c.cart.items[0].id) =>
  post(c, `/store/carts/${c.cart.id}/line-items/${lineId}`, body)

/** Requests a storefront can send by mistake (or on purpose): each must get a 4xx with a message, never a 5xx. */
export const badInputs: BadInputCase[] = [
  ["add an unknown variant to the cart", (c) => addItem(c, { variant_id: UNKNOWN_VARIANT_ID, quantity: 1 })],
  ["add quantity 0", (c) => addItem(c, { quantity: 0 })],
  ["add quantity -1", (c) => addItem(c, { quantity: -1 })],
  ['add quantity "abc"', (c) => addItem(c, { quantity: "abc" })],
  ["add more units than are in stock", (c) => addItem(c, { quantity: c.fixture.product.variants[0].stock + 1000 })],
  [
    "send a line item body that is not JSON",
    (c) =>
      attempt(
        c.api.post(`/store/carts/${c.cart.id}/line-items`, '{"variant_id": "x", "quantity": ', {
          headers: { ...shopperHeaders(c.fixture).headers, "content-type": "application/json" },
          transformRequest: [(body: unknown) => body],
        })
      ),
  ],
  ["change a line item to quantity -1", (c) => changeItem(c, { quantity: -1 })],
  ['change a line item to quantity "abc"', (c) => changeItem(c, { quantity: "abc" })],
  [`change the line item ${NOT_AN_ID}`, (c) => changeItem(c, { quantity: 2 }, NOT_AN_ID)],
  [
    `remove the line item ${NOT_AN_ID}`,
    (c) => attempt(c.api.delete(`/store/carts/${c.cart.id}/line-items/${NOT_AN_ID}`, shopperHeaders(c.fixture))),
  ],
  [`read the cart ${NOT_AN_ID}`, (c) => get(c, `/store/carts/${NOT_AN_ID}`)],
  [
    `add an item to the cart ${NOT_AN_ID}`,
    (c) => post(c, `/store/carts/${NOT_AN_ID}/line-items`, { variant_id: c.fixture.product.variants[0].id, quantity: 1 }),
  ],
  [`create a cart in the region ${NOT_AN_ID}`, (c) => post(c, "/store/carts", { region_id: NOT_AN_ID })],
  [
    `choose the shipping option ${NOT_AN_ID}`,
    (c) => post(c, `/store/carts/${c.cart.id}/shipping-methods`, { option_id: NOT_AN_ID }),
  ],
  [`list shipping options for the cart ${NOT_AN_ID}`, (c) => get(c, `/store/shipping-options?cart_id=${NOT_AN_ID}`)],
  [
    `create a payment collection for the cart ${NOT_AN_ID}`,
    (c) => post(c, "/store/payment-collections", { cart_id: NOT_AN_ID }),
  ],
  [
    `start a payment session on the payment collection ${NOT_AN_ID}`,
    (c) =>
      post(c, `/store/payment-collections/${NOT_AN_ID}/payment-sessions`, { provider_id: SYSTEM_PAYMENT_PROVIDER }),
  ],
  [
    "complete a cart that has no address, shipping method or payment",
    (c) => post(c, `/store/carts/${c.cart.id}/complete`, {}),
  ],
  [`complete the cart ${NOT_AN_ID}`, (c) => post(c, `/store/carts/${NOT_AN_ID}/complete`, {})],
  [`read the product ${NOT_AN_ID}`, (c) => get(c, `/store/products/${NOT_AN_ID}`)],
  [`read the order ${NOT_AN_ID}`, (c) => get(c, `/store/orders/${NOT_AN_ID}`)],
]
