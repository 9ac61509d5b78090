import Medusa from "@medusajs/js-sdk"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { EmporiumStore } from "../../../sdk/src"
import { expectClientError } from "../../helpers/bad-inputs"
import { prepareCart, shopperHeaders, type Buyer } from "../../helpers/cart"
import { signUp, type Shopper } from "../../helpers/customer"
import { attempt, ok, uniqueSuffix, type Api } from "../../helpers/http"
import { levelAtLocation } from "../../helpers/inventory"
import { seedStore, type StoreFixture } from "../../helpers/store-fixture"
import { completeCart, deliver, latestEvent, offerStripeInRegion, orderPayment, STRIPE_PROVIDER, stripeCheckout, useStripeFake } from "../../helpers/stripe"

jest.setTimeout(180_000)
delete process.env.REDIS_URL

// Stripe cannot be reached from here: the engine talks to a protocol-level fake of Stripe's API
// (test-utils/stripe-fake, written from Stripe's API reference) through the real stripe SDK, and
// webhooks are signed with the SDK's own test header and verified for real.
const stripe = useStripeFake("manual")

type WebhookAnswer = { received: boolean; duplicate?: boolean; outcome?: string }

medusaIntegrationTestRunner({
  testSuite: ({ api: rawApi, getContainer, utils }) => {
    const api = rawApi as Api
    let f: StoreFixture
    const disputeEvents: Record<string, unknown>[] = []

    beforeAll(async () => {
      await stripe.start()
      f = await seedStore(getContainer(), api)
      await offerStripeInRegion(getContainer(), f.region.id)
      await utils.waitWorkflowExecutions()
      getContainer()
        .resolve(Modules.EVENT_BUS)
        .subscribe("stripe.dispute.created", async (event) => void disputeEvents.push(event.data as Record<string, unknown>), {
          subscriberId: "test-stripe-dispute",
        })
    })
    afterAll(async () => {
      await stripe.stop()
    })

    const shirt = () => f.product.variants[0]
    const oneShirt = () => [{ variantId: shirt().id, quantity: 1 }]
    const guest = (): Buyer => ({ email: `card-${uniqueSuffix()}@shopper.test` })
    const reserved = async () => (await levelAtLocation(api, f, shirt().inventoryItemId))!.reserved_quantity
    /** What the storefront's Stripe.js does: confirm the intent with the shopper's card. */
    const confirmWithCard = (intentId: string, card: string) => stripe.sdk().paymentIntents.confirm(intentId, { payment_method: card })

    async function ordersOfCart(cartId: string): Promise<string[]> {
      const { data } = await getContainer()
        .resolve(ContainerRegistrationKeys.QUERY)
        .graph({ entity: "order_cart", fields: ["order_id"], filters: { cart_id: cartId } })
      return (data as { order_id: string }[]).map((l) => l.order_id)
    }
    const paymentOf = (orderId: string) => orderPayment(api, f, orderId)
    /** Intent-level captures at Stripe: each real capture makes one `charge.captured` event. */
    const stripeCaptures = (intentId: string) =>
      stripe.fake.events.filter((e) => e.type === "charge.captured" && (e.data.object as { payment_intent?: string }).payment_intent === intentId).length

    async function paidOrder(buyer: Buyer = guest()) {
      const { cartId, session } = await stripeCheckout(api, f, buyer, oneShirt())
      await confirmWithCard(session.data.id, "pm_card_visa")
      const completed = await completeCart(api, f, buyer, cartId)
      expect({ status: completed.status, type: completed.data.type }).toEqual({ status: 200, type: "order" })
      return { cartId, intentId: session.data.id, orderId: completed.data.order!.id }
    }

    describe("Stripe payments, against the protocol-level Stripe API fake (test-utils/stripe-fake)", () => {
      describe("card checkout with manual capture", () => {
        it("gives the storefront the intent's client secret, authorizes at completion and captures once, when the merchant captures", async () => {
          const buyer = guest()
          const { cartId, session } = await stripeCheckout(api, f, buyer, oneShirt())
          expect(session.data.client_secret).toMatch(new RegExp(`^${session.data.id}_secret_`))
          expect(session.data.status).toBe("requires_payment_method")

          await confirmWithCard(session.data.id, "pm_card_visa")
          const completed = await completeCart(api, f, buyer, cartId)
          expect(completed.data.type).toBe("order")
          const orderId = completed.data.order!.id

          // Authorized, not captured: the money is held on the card until the merchant captures.
          const authorized = await paymentOf(orderId)
          expect({ captured_at: authorized.captured_at, captures: authorized.captures.length }).toEqual({ captured_at: null, captures: 0 })
          expect(stripe.fake.paymentIntent(session.data.id).status).toBe("requires_capture")

          await ok(api.post(`/admin/payments/${authorized.id}/capture`, {}, f.admin.headers))
          expect(stripe.fake.paymentIntent(session.data.id).status).toBe("succeeded")
          const second = await attempt(api.post(`/admin/payments/${authorized.id}/capture`, {}, f.admin.headers))
          expect(second.status).toBeLessThan(500)

          const captured = await paymentOf(orderId)
          expect(captured.captures).toHaveLength(1)
          expect(stripeCaptures(session.data.id)).toBe(1)
          // Every call that creates or captures carried a key derived from what it acts on.
          const keys = stripe.fake.requests.filter((r) => r.method === "POST" && r.path.includes(session.data.id) && r.path.endsWith("/capture"))
          expect(keys.map((r) => r.idempotencyKey)).toContain(`emporium:capture:${session.data.id}`)
          expect(stripe.fake.requests.find((r) => r.path === "/v1/payment_intents" && r.idempotencyKey === `emporium:create:${session.id}`)).toBeTruthy()
        })

        it("refuses a declined card with a message the shopper can act on, places no order and keeps no stock reserved", async () => {
          const buyer = guest()
          const before = await reserved()
          const { cartId, session } = await stripeCheckout(api, f, buyer, oneShirt())
          await expect(confirmWithCard(session.data.id, "pm_card_chargeDeclined")).rejects.toMatchObject({ type: "StripeCardError" })

          const completed = await completeCart(api, f, buyer, cartId)
          expect(completed.status).toBe(400)
          expect(completed.data.message).toMatch(/^The payment was declined: .*declined.*\. Try another card\.$/)
          expect(await ordersOfCart(cartId)).toEqual([])
          expect(await reserved()).toBe(before)
        })
      })

      describe("3D Secure", () => {
        it("answers 400 while the card waits for the customer's confirmation, and completes once it is done", async () => {
          const buyer = guest()
          const { cartId, session } = await stripeCheckout(api, f, buyer, oneShirt())
          const intent = await confirmWithCard(session.data.id, "pm_card_authenticationRequired")
          expect(intent.status).toBe("requires_action")
          expect(intent.next_action?.type).toBe("use_stripe_sdk")

          const early = await completeCart(api, f, buyer, cartId)
          expect(early.status).toBe(400)
          expect(early.data.message).toMatch(/3D Secure.*client_secret.*complete the cart again/)
          expect(await ordersOfCart(cartId)).toEqual([])

          stripe.fake.completeThreeDSecure(session.data.id, "succeed")
          const completed = await completeCart(api, f, buyer, cartId)
          expect(completed.data.type).toBe("order")
          expect(await ordersOfCart(cartId)).toEqual([completed.data.order!.id])
        })

        it("places the order from the webhook when the shopper never comes back, and the late completion returns that same order", async () => {
          const buyer = guest()
          const { cartId, session } = await stripeCheckout(api, f, buyer, oneShirt())
          await confirmWithCard(session.data.id, "pm_card_threeDSecure2Required")
          stripe.fake.completeThreeDSecure(session.data.id, "succeed")

          const answer = await deliver(api, stripe.fake, latestEvent(stripe.fake, "payment_intent.amount_capturable_updated", session.data.id))
          expect(answer.status).toBe(200)
          expect((answer.data as WebhookAnswer).outcome).toBe("authorized: the cart was completed from the webhook")
          const [orderId] = await ordersOfCart(cartId)
          expect(orderId).toMatch(/^order_/)

          const late = await completeCart(api, f, buyer, cartId)
          expect({ type: late.data.type, id: late.data.order?.id }).toEqual({ type: "order", id: orderId })
          expect(await ordersOfCart(cartId)).toEqual([orderId])
        })
      })

      describe("webhooks", () => {
        it("100 deliveries of payment_intent.succeeded make one order and one capture", async () => {
          const buyer = guest()
          const { cartId, session } = await stripeCheckout(api, f, buyer, oneShirt())
          await confirmWithCard(session.data.id, "pm_card_visa")
          // Captured from Stripe's side (the dashboard) before the storefront completed the cart.
          await stripe.sdk().paymentIntents.capture(session.data.id)
          const succeeded = latestEvent(stripe.fake, "payment_intent.succeeded", session.data.id)

          // The shopper's own completion races the first deliveries.
          const racing = completeCart(api, f, buyer, cartId)
          const answers: WebhookAnswer[] = []
          for (let batch = 0; batch < 10; batch++) {
            const results = await Promise.all(Array.from({ length: 10 }, () => deliver(api, stripe.fake, succeeded)))
            for (const r of results) {
              expect(r.status).toBe(200)
              answers.push(r.data as WebhookAnswer)
            }
          }
          const raced = await racing
          expect(answers.filter((a) => !a.duplicate)).toHaveLength(1)
          const orders = await ordersOfCart(cartId)
          expect(orders).toHaveLength(1)
          const payment = await paymentOf(orders[0])
          expect(payment.captures).toHaveLength(1)
          expect(stripeCaptures(session.data.id)).toBe(1)

          // An older event arriving last (authorized) does not move the captured payment back.
          const older = await deliver(api, stripe.fake, latestEvent(stripe.fake, "payment_intent.amount_capturable_updated", session.data.id))
          expect((older.data as WebhookAnswer).outcome).toBe(`no change: payment ${payment.id} is already captured`)
          expect((await paymentOf(orders[0])).captured_at).not.toBeNull()
          // Whoever came second got the same order (or Medusa's 409 "already being completed").
          if (raced.status !== 409) expect(raced.data.order?.id).toBe(orders[0])
          const late = await completeCart(api, f, buyer, cartId)
          expect(late.data.order?.id).toBe(orders[0])
        })

        it("answers 503 while Stripe cannot be reached, and Stripe's redelivery places the order", async () => {
          const buyer = guest()
          const { cartId, session } = await stripeCheckout(api, f, buyer, oneShirt())
          await confirmWithCard(session.data.id, "pm_card_visa")
          const event = latestEvent(stripe.fake, "payment_intent.amount_capturable_updated", session.data.id)
          type LoggedEvent = { stripe_event_id: string; status: string; attempts: number; error: string | null; outcome: string | null }
          const logged = async () =>
            (await ok<{ webhook_events: LoggedEvent[] }>(api.get(`/admin/stripe/webhook-events?object_id=${session.data.id}`, f.admin.headers))).webhook_events

          // The SDK tries three times (two retries): all three fail.
          stripe.fake.simulateOutage(3)
          const during = await deliver(api, stripe.fake, event)
          stripe.fake.simulateOutage(0)
          expect(during.status).toBe(503)
          expect(during.data.message).toBe("The event could not be processed now; Stripe will deliver it again.")
          expect(await ordersOfCart(cartId)).toEqual([])
          expect((await logged()).map(({ status, attempts }) => ({ status, attempts }))).toEqual([{ status: "failed", attempts: 1 }])

          const redelivered = await deliver(api, stripe.fake, event)
          expect({ status: redelivered.status, outcome: (redelivered.data as WebhookAnswer).outcome }).toEqual({
            status: 200,
            outcome: "authorized: the cart was completed from the webhook",
          })
          expect(await ordersOfCart(cartId)).toHaveLength(1)
          expect((await logged()).map(({ status, attempts, error }) => ({ status, attempts, error }))).toEqual([{ status: "processed", attempts: 2, error: null }])
        })

        it("refuses a bad, missing or stale signature with 401 and writes nothing", async () => {
          const buyer = guest()
          const { cartId, session } = await stripeCheckout(api, f, buyer, oneShirt())
          await confirmWithCard(session.data.id, "pm_card_visa")
          const event = latestEvent(stripe.fake, "payment_intent.amount_capturable_updated", session.data.id)

          const forged = await deliver(api, stripe.fake, event, "whsec_not_the_secret")
          const { payload, header } = stripe.fake.signedDelivery(event, "whsec_emporium_test_secret")
          const tampered = await attempt(
            api.post("/hooks/stripe", payload.replace(session.data.id, "pi_someone_else"), { headers: { "content-type": "application/json", "stripe-signature": header } })
          )
          const unsigned = await attempt(api.post("/hooks/stripe", payload, { headers: { "content-type": "application/json" } }))
          const stale = `t=${Math.floor(Date.now() / 1000) - 600},${header.split(",").slice(1).join(",")}`
          const old = await attempt(api.post("/hooks/stripe", payload, { headers: { "content-type": "application/json", "stripe-signature": stale } }))
          for (const [label, result] of [["forged", forged], ["tampered", tampered], ["unsigned", unsigned], ["stale", old]] as const) {
            expect({ label, status: result.status }).toEqual({ label, status: 401 })
            expectClientError(result, label)
          }
          const log = await ok<{ webhook_events: unknown[] }>(api.get(`/admin/stripe/webhook-events?object_id=${session.data.id}`, f.admin.headers))
          expect(log.webhook_events).toEqual([])
          expect(await ordersOfCart(cartId)).toEqual([])
        })
      })

      describe("refunds and disputes", () => {
        it("refunds from the admin once at Stripe, and records a refund made in Stripe's dashboard without refunding twice", async () => {
          const { intentId, orderId } = await paidOrder()
          const payment = await paymentOf(orderId)
          await ok(api.post(`/admin/payments/${payment.id}/capture`, {}, f.admin.headers))

          await ok(api.post(`/admin/payments/${payment.id}/refund`, { amount: 10 }, f.admin.headers))
          const afterAdmin = await deliver(api, stripe.fake, latestEvent(stripe.fake, "charge.refunded", stripe.fake.paymentIntent(intentId).latest_charge))
          expect((afterAdmin.data as WebhookAnswer).outcome).toBe("no change: every refund is already recorded")

          const dashboard = stripe.fake.refundFromDashboard(intentId, 500)
          const reflected = await deliver(api, stripe.fake, latestEvent(stripe.fake, "charge.refunded", stripe.fake.paymentIntent(intentId).latest_charge))
          expect((reflected.data as WebhookAnswer).outcome).toBe(`recorded 1 refund(s) made in Stripe: ${dashboard.id}`)

          const refunds = (await paymentOf(orderId)).refunds.map((r) => ({ amount: r.amount, note: r.note })).sort((a, b) => b.amount - a.amount)
          expect(refunds).toEqual([
            { amount: 10, note: null },
            { amount: 5, note: `Refunded in Stripe (${dashboard.id})` },
          ])
          const atStripe = await stripe.sdk().refunds.list({ payment_intent: intentId })
          expect(atStripe.data.map((r: { amount: number }) => r.amount).sort((a: number, b: number) => a - b)).toEqual([500, 1000])
        })

        it("flags a chargeback on the order for the merchant", async () => {
          const { intentId, orderId } = await paidOrder()
          // Only a captured charge can be disputed.
          await ok(api.post(`/admin/payments/${(await paymentOf(orderId)).id}/capture`, {}, f.admin.headers))
          const dispute = stripe.fake.openDispute(intentId, "fraudulent")
          const answer = await deliver(api, stripe.fake, latestEvent(stripe.fake, "charge.dispute.created", dispute.id))
          expect((answer.data as WebhookAnswer).outcome).toBe(`dispute ${dispute.id} needs_response on order ${orderId}`)

          const { disputes } = await ok<{ disputes: { stripe_dispute_id: string; order_id: string; reason: string; status: string; amount: number }[] }>(
            api.get(`/admin/stripe/disputes?order_id=${orderId}`, f.admin.headers)
          )
          expect(disputes.map(({ stripe_dispute_id, order_id, reason, status }) => ({ stripe_dispute_id, order_id, reason, status }))).toEqual([
            { stripe_dispute_id: dispute.id, order_id: orderId, reason: "fraudulent", status: "needs_response" },
          ])
          await utils.waitWorkflowExecutions()
          expect(disputeEvents.some((e) => e.order_id === orderId)).toBe(true)
        })
      })

      describe("saved cards", () => {
        // The database is restored before every test: each one signs its customers up.
        const cardsOf = async (who: Shopper) =>
          (await ok<{ payment_methods: { id: string; card: { brand: string; last4: string } }[] }>(api.get("/store/customers/me/payment-methods", shopperHeaders(f, who)))).payment_methods

        /** A customer who paid once and let the store keep the card. */
        async function customerWithSavedCard(name: string) {
          const shopper = await signUp(api, f.storefront.publishableKey, name)
          const first = await stripeCheckout(api, f, shopper, oneShirt(), { setup_future_usage: "off_session" })
          expect(first.session.data.customer).toMatch(/^cus_/)
          await confirmWithCard(first.session.data.id, "pm_card_visa")
          expect((await completeCart(api, f, shopper, first.cartId)).data.type).toBe("order")
          const [card] = await cardsOf(shopper)
          return { shopper, card }
        }

        it("saves a card for a logged-in customer, lists it only to them and pays with it again", async () => {
          const { shopper: ada, card } = await customerWithSavedCard("Ada")
          expect(card.card).toEqual(expect.objectContaining({ brand: "visa", last4: "4242" }))
          // The same list through the typed storefront client (sdk/), with the customer's session.
          const sdk = new Medusa({ baseUrl: String(api.defaults.baseURL), publishableKey: f.storefront.publishableKey, auth: { type: "jwt", jwtTokenStorageMethod: "memory" } })
          await sdk.auth.login("customer", "emailpass", { email: ada.email, password: ada.password })
          expect((await new EmporiumStore(sdk).paymentMethods.list()).payment_methods.map((m) => m.id)).toEqual([card.id])
          expect(await cardsOf(await signUp(api, f.storefront.publishableKey, "Bob"))).toEqual([])

          const again = await stripeCheckout(api, f, ada, oneShirt(), { payment_method: card.id, confirm: true })
          expect(again.session.status).toBe("authorized")
          expect((await completeCart(api, f, ada, again.cartId)).data.type).toBe("order")
          expect(await cardsOf(ada)).toHaveLength(1)
        })

        it("never lets another customer or a guest use or delete someone's card", async () => {
          const { shopper: ada, card } = await customerWithSavedCard("Ada")
          const bob = await signUp(api, f.storefront.publishableKey, "Bob")
          const bobDeletes = await attempt(api.delete(`/store/customers/me/payment-methods/${card.id}`, shopperHeaders(f, bob)))
          expect(bobDeletes.status).toBe(404)
          expectClientError(bobDeletes, "another customer's card")

          const buyer = guest()
          const cart = await prepareCart(api, f, buyer, oneShirt())
          const { payment_collection } = await ok<{ payment_collection: { id: string } }>(
            api.post("/store/payment-collections", { cart_id: cart.id }, shopperHeaders(f, buyer))
          )
          const stolen = await attempt(
            api.post(
              `/store/payment-collections/${payment_collection.id}/payment-sessions`,
              { provider_id: STRIPE_PROVIDER, data: { payment_method: card.id, confirm: true } },
              shopperHeaders(f, buyer)
            )
          )
          expect(stolen.status).toBe(400)
          expectClientError(stolen, "a guest paying with a customer's saved card")
          expect(await cardsOf(ada)).toHaveLength(1)
        })

        it("answers bad requests on the saved-card routes with 4xx and deletes the customer's own card", async () => {
          const { shopper: ada, card } = await customerWithSavedCard("Ada")
          const anonymous = await attempt(api.get("/store/customers/me/payment-methods", shopperHeaders(f)))
          expect(anonymous.status).toBe(401)
          const badId = await attempt(api.delete("/store/customers/me/payment-methods/not-a-card", shopperHeaders(f, ada)))
          expect(badId.status).toBe(400)
          expectClientError(badId, "malformed id")

          const deleted = await ok<{ id: string; deleted: boolean }>(api.delete(`/store/customers/me/payment-methods/${card.id}`, shopperHeaders(f, ada)))
          expect(deleted).toEqual({ id: card.id, object: "payment_method", deleted: true })
          expect(await cardsOf(ada)).toEqual([])
        })
      })

      describe("Radar", () => {
        it("scores Radar's risk level in the fraud assessment of the checkout", async () => {
          const buyer = guest()
          const { cartId, session } = await stripeCheckout(api, f, buyer, oneShirt())
          await confirmWithCard(session.data.id, "pm_card_riskLevelElevated")
          expect((await completeCart(api, f, buyer, cartId)).data.type).toBe("order")
          const { assessments } = await ok<{ assessments: { reasons: { rule_id: string; reason: string }[] }[] }>(
            api.get(`/admin/fraud/assessments?cart_id=${cartId}`, f.admin.headers)
          )
          expect(assessments[0].reasons.find((r) => r.rule_id === "stripe_radar")?.reason).toBe("stripe_radar: elevated (risk 65/100).")
        })
      })
    })
  },
})
