import type { MedusaContainer } from "@medusajs/framework/types"
import { updateRegionsWorkflow } from "@medusajs/medusa/core-flows"
import { startStripeFake, StripeSdk, type StripeFake } from "../../test-utils/stripe-fake"
import { prepareCart, shopperHeaders, type Buyer, type CartLine } from "./cart"
import { attempt, ok, type Api, type HttpResult } from "./http"
import { SYSTEM_PAYMENT_PROVIDER } from "./region"
import type { StoreFixture } from "./store-fixture"

export const STRIPE_PROVIDER = "pp_stripe_stripe"
export const STRIPE_TEST_KEY = "sk_test_emporium_fake"
export const STRIPE_WEBHOOK_SECRET = "whsec_emporium_test_secret"


/**
 * Configures the engine under test for Stripe, with Stripe's API at a local protocol fake
 * (test-utils/stripe-fake, written from Stripe's API reference). Call at the top of a spec: the
 * runner reads the environment when it loads medusa-config. Start the fake in `beforeAll`.
 */
export function useStripeFake(capture: "manual" | "automatic" = "manual") {
  const port = 41000 + Math.floor(Math.random() * 8000)
  Object.assign(process.env, {
    STRIPE_API_KEY: STRIPE_TEST_KEY,
    STRIPE_WEBHOOK_SECRET,
    STRIPE_CAPTURE: capture,
    // Cards only: a server-side confirmation with Stripe's automatic payment methods needs a return_url.
    STRIPE_PAYMENT_METHODS: "card",
    STRIPE_API_BASE_URL: `http://127.0.0.1:${port}`,
  })
  let fake: StripeFake | null = null
  return {
    start: async () => (fake = await startStripeFake({ port })),
    stop: async () => fake?.close(),
    get fake(): StripeFake {
      if (!fake) throw new Error("the Stripe fake is not started")
      return fake
    },
    /** What the storefront's Stripe.js does with the client secret, as API calls to the fake. */
    sdk: () => new StripeSdk(STRIPE_TEST_KEY, { host: "127.0.0.1", port, protocol: "http" }),
  }
}

export async function offerStripeInRegion(container: MedusaContainer, regionId: string): Promise<void> {
  await updateRegionsWorkflow(container).run({
    input: { selector: { id: regionId }, update: { payment_providers: [SYSTEM_PAYMENT_PROVIDER, STRIPE_PROVIDER] } },
  })
}

export type StripeSession = { id: string; status: string; data: { id: string; client_secret: string; status: string; customer?: string | null } }

/**
 * A cart ready for payment with a Stripe payment session, as a storefront makes it. `data` is
 * what the storefront sends with the session (e.g. a saved card to confirm with).
 */
export async function stripeCheckout(
  api: Api,
  fixture: StoreFixture,
  buyer: Buyer,
  lines: CartLine[],
  data?: Record<string, unknown>
): Promise<{ cartId: string; session: StripeSession }> {
  const headers = shopperHeaders(fixture, buyer)
  const cart = await prepareCart(api, fixture, buyer, lines)
  const { payment_collection } = await ok<{ payment_collection: { id: string } }>(api.post("/store/payment-collections", { cart_id: cart.id }, headers))
  const created = await ok<{ payment_collection: { payment_sessions: StripeSession[] } }>(
    api.post(`/store/payment-collections/${payment_collection.id}/payment-sessions`, { provider_id: STRIPE_PROVIDER, ...(data ? { data } : {}) }, headers)
  )
  return { cartId: cart.id, session: created.payment_collection.payment_sessions[0] }
}

export const completeCart = (api: Api, fixture: StoreFixture, buyer: Buyer, cartId: string) =>
  attempt<{ type: string; order?: { id: string; total: number }; cart?: unknown; message?: string }>(
    api.post(`/store/carts/${cartId}/complete`, {}, shopperHeaders(fixture, buyer))
  )

/** Delivers a Stripe event to the engine's endpoint as Stripe would: JSON body, signed header. */
export function deliver(api: Api, fake: StripeFake, event: { id: string }, secret = STRIPE_WEBHOOK_SECRET): Promise<HttpResult> {
  const { payload, header } = fake.signedDelivery(event as never, secret)
  return attempt(api.post("/hooks/stripe", payload, { headers: { "content-type": "application/json", "stripe-signature": header } }))
}

/** The newest event of `type` the fake generated about `objectId`. */
export function latestEvent(fake: StripeFake, type: string, objectId: string) {
  const matches = fake.events.filter((e) => e.type === type && (e.data.object as { id?: string }).id === objectId)
  const event = matches[matches.length - 1]
  if (!event) throw new Error(`the Stripe fake generated no ${type} for ${objectId}`)
  return event
}

export type AdminPayment = {
  id: string
  amount: number
  captured_at: string | null
  captures: { id: string; amount: number }[]
  refunds: { id: string; amount: number; note: string | null }[]
}

/** The order's payment as the admin API shows it: captures and refunds included. */
export async function orderPayment(api: Api, fixture: StoreFixture, orderId: string): Promise<AdminPayment> {
  const fields = ["id", "amount", "captured_at", "captures.id", "captures.amount", "refunds.id", "refunds.amount", "refunds.note"]
    .map((f) => `payment_collections.payments.${f}`)
    .join(",")
  const { order } = await ok<{ order: { payment_collections: { payments: AdminPayment[] }[] } }>(
    api.get(`/admin/orders/${orderId}?fields=${fields}`, fixture.admin.headers)
  )
  return order.payment_collections[0].payments[0]
}
