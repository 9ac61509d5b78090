import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { attempt, uniqueSuffix, type Api } from "../../helpers/http"
import { seedStore, type StoreFixture } from "../../helpers/store-fixture"
import { completeCart, deliver, latestEvent, offerStripeInRegion, orderPayment, stripeCheckout, useStripeFake } from "../../helpers/stripe"

jest.setTimeout(180_000)
delete process.env.REDIS_URL

// Against the protocol-level Stripe fake (test-utils/stripe-fake), as in stripe.spec.ts, with
// the store set to capture cards at once (STRIPE_CAPTURE=automatic).
const stripe = useStripeFake("automatic")

medusaIntegrationTestRunner({
  testSuite: ({ api: rawApi, getContainer, utils }) => {
    const api = rawApi as Api
    let f: StoreFixture

    beforeAll(async () => {
      await stripe.start()
      f = await seedStore(getContainer(), api)
      await offerStripeInRegion(getContainer(), f.region.id)
      await utils.waitWorkflowExecutions()
    })
    afterAll(async () => {
      await stripe.stop()
    })

    it("captures the card when the order is placed, once at Stripe and once in Medusa, whatever asks again (against the Stripe API fake)", async () => {
      const buyer = { email: `auto-${uniqueSuffix()}@shopper.test` }
      const { cartId, session } = await stripeCheckout(api, f, buyer, [{ variantId: f.product.variants[0].id, quantity: 1 }])
      await stripe.sdk().paymentIntents.confirm(session.data.id, { payment_method: "pm_card_visa" })
      expect(stripe.fake.paymentIntent(session.data.id).status).toBe("succeeded")

      const completed = await completeCart(api, f, buyer, cartId)
      expect(completed.data.type).toBe("order")
      const payment = () => orderPayment(api, f, completed.data.order!.id)
      const placed = await payment()
      expect(placed.captured_at).not.toBeNull()
      expect(placed.captures).toHaveLength(1)

      // Stripe's own succeeded event, and a merchant pressing Capture, change nothing.
      const answer = await deliver(api, stripe.fake, latestEvent(stripe.fake, "payment_intent.succeeded", session.data.id))
      expect(answer.data.outcome).toBe(`no change: payment ${placed.id} is already captured`)
      const again = await attempt(api.post(`/admin/payments/${placed.id}/capture`, {}, f.admin.headers))
      expect(again.status).toBeLessThan(500)
      expect((await payment()).captures).toHaveLength(1)
      expect(stripe.fake.requests.filter((r) => r.path === `/v1/payment_intents/${session.data.id}/capture`)).toEqual([])
    })
  },
})
