import Medusa, { FetchError } from "@medusajs/js-sdk"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { EmporiumStore } from "../../../sdk/src"
import { placeOrder } from "../../helpers/cart"
import { signUp } from "../../helpers/customer"
import { uniqueSuffix, type Api } from "../../helpers/http"
import { seedStore, type StoreFixture } from "../../helpers/store-fixture"
import { addHouseShipping } from "../../helpers/transport"

jest.setTimeout(180_000)
delete process.env.REDIS_URL

/** The typed storefront client (sdk/, `@emporium/js-sdk`) over Medusa's JS SDK, against the running engine. */
medusaIntegrationTestRunner({
  testSuite: ({ api: rawApi, getContainer, utils }) => {
    const api = rawApi as Api
    let f: StoreFixture

    beforeAll(async () => {
      f = await seedStore(getContainer(), api)
      await addHouseShipping(getContainer(), f)
      await utils.waitWorkflowExecutions()
    })

    const storefront = () =>
      new Medusa({ baseUrl: String(api.defaults.baseURL), publishableKey: f.storefront.publishableKey, auth: { type: "jwt", jwtTokenStorageMethod: "memory" } })

    it("follows a logged-in customer's order: status and tracking, with the customer's own session", async () => {
      const shopper = await signUp(api, f.storefront.publishableKey, "Ada")
      const order = await placeOrder(api, f, shopper, [{ variantId: f.product.variants[0].id, quantity: 1 }])
      const sdk = storefront()
      await sdk.auth.login("customer", "emailpass", { email: shopper.email, password: shopper.password })
      const emporium = new EmporiumStore(sdk)

      const { order_status } = await emporium.orders.status(order.id)
      expect({ id: order_status.order_id, status: order_status.status, steps: order_status.timeline.map((t) => t.status) }).toEqual({
        id: order.id,
        status: "CONFIRMED",
        steps: ["PENDING", "CONFIRMED"],
      })
      expect(await emporium.orders.tracking(order.id)).toEqual({ order_id: order.id, shipments: [] })

      // Someone else's client gets the same 404 as for an order that does not exist.
      const stranger = await emporium.orders.status("order_01JZZZZZZZZZZZZZZZZZZZZZZZ").catch((e: unknown) => e)
      expect(stranger).toBeInstanceOf(FetchError)
      const anonymous = await new EmporiumStore(storefront()).orders.status(order.id).catch((e: FetchError) => e.status)
      expect(anonymous).toBe(404)
    })

    it("lets a guest follow their order with the status token", async () => {
      const email = `guest-${uniqueSuffix()}@shopper.test`
      const order = await placeOrder(api, f, { email }, [{ variantId: f.product.variants[0].id, quantity: 1 }])
      const emporium = new EmporiumStore(storefront())
      const { token } = await emporium.orders.statusToken({ email, display_id: order.display_id })
      expect((await emporium.orders.status(order.id, token)).order_status.status).toBe("CONFIRMED")
      const wrong = await emporium.orders.statusToken({ email: "someone@else.test", display_id: order.display_id }).catch((e: FetchError) => e.status)
      expect(wrong).toBe(404)
    })

    it("quotes shipping for a product page, and surfaces a refusal as a FetchError with the route's message", async () => {
      const emporium = new EmporiumStore(storefront())
      const { quotes, currency_code } = await emporium.shippingQuotes({
        items: [{ variant_id: f.product.variants[0].id, quantity: 1 }],
        destination: { country_code: "de", postal_code: "10115" },
        currency_code: "eur",
      })
      expect(currency_code).toBe("eur")
      expect(quotes.length).toBeGreaterThan(0)
      expect(quotes.map((q) => q.amount)).toEqual([...quotes.map((q) => q.amount)].sort((a, b) => a - b))

      const refused = await emporium
        .shippingQuotes({ items: [{ variant_id: f.product.variants[0].id, quantity: 1 }], destination: { country_code: "jp" }, currency_code: "eur" })
        .catch((e: FetchError) => ({ status: e.status, message: e.message }))
      expect(refused).toEqual({ status: 400, message: expect.stringMatching(/^We do not ship to JP/) })
    })

    it("records storefront events and interactions, and lists recommendations", async () => {
      const emporium = new EmporiumStore(storefront())
      const anonymous_id = `anon-${uniqueSuffix()}`
      expect(await emporium.analytics.track([{ name: "product_viewed", anonymous_id, properties: { product_id: f.product.product.id } }])).toEqual({ accepted: 1 })
      expect(await emporium.recommendations.record([{ type: "view", product_id: f.product.product.id, anonymous_id }])).toEqual({ accepted: 1 })

      const trending = await emporium.recommendations.trending({ limit: 5, region_id: f.region.id })
      expect({ type: trending.type, limit: trending.limit }).toEqual({ type: "trending", limit: 5 })
      const similar = await emporium.recommendations.forProduct(f.product.product.id, { type: "similar", region_id: f.region.id })
      expect({ type: similar.type, product_id: similar.product_id }).toEqual({ type: "similar", product_id: f.product.product.id })
      expect(similar.products.every((p) => p.id !== f.product.product.id && typeof p.recommendation.reason === "string")).toBe(true)

      const badLimit = await emporium.recommendations.trending({ limit: 500 }).catch((e: FetchError) => e.status)
      expect(badLimit).toBe(400)
    })

    it("searches products with filters and facets, and suggests as the shopper types", async () => {
      const emporium = new EmporiumStore(storefront())
      // The fixture's products reach the search index through their creation events.
      let found = await emporium.search.products({ q: "linen", region_id: f.region.id })
      for (const deadline = Date.now() + 30_000; !found.products.length && Date.now() < deadline; ) {
        await new Promise((r) => setTimeout(r, 200))
        found = await emporium.search.products({ q: "linen", region_id: f.region.id })
      }
      expect(found.products).toEqual([expect.objectContaining({ id: f.product.product.id, title: "Linen shirt", price: 25, currency_code: "eur", in_stock: true })])
      expect(found.facets.categories).toEqual([{ value: "Shirts", count: 1 }])

      const filtered = await emporium.search.products({ category: ["Shirts"], tag: [], sort: "price_asc", currency_code: "eur" })
      expect(filtered.products.map((p) => p.title)).toEqual(["Linen shirt"])

      const typed = await emporium.search.suggestions("wool so")
      expect(typed.products.map((p) => p.title)).toEqual(["Wool socks"])

      const bad = await emporium.search.products({ sort: "price_asc" }).catch((e: FetchError) => e.status)
      expect(bad).toBe(400)
    })

    it("changes the customer's notification preferences, registers a push subscription and asks for back-in-stock mail", async () => {
      const shopper = await signUp(api, f.storefront.publishableKey, "Noa")
      const sdk = storefront()
      await sdk.auth.login("customer", "emailpass", { email: shopper.email, password: shopper.password })
      const emporium = new EmporiumStore(sdk)

      expect((await emporium.notifications.preferences()).notification_preferences).toMatchObject({ marketing_email: false, push: false })
      const { notification_preferences } = await emporium.notifications.updatePreferences({ marketing_email: true, push: true, locale: "fr" })
      expect(notification_preferences).toMatchObject({ email: shopper.email, marketing_email: true, push: true, locale: "fr" })
      const refused = await emporium.notifications.updatePreferences({ sms: true }).catch((e: FetchError) => [e.status, e.message])
      expect(refused).toEqual([400, "SMS needs a phone number: send phone with sms: true."])

      const { vapid_public_key } = await emporium.notifications.pushKey()
      expect(Buffer.from(vapid_public_key, "base64url")).toHaveLength(65)
      const endpoint = `https://push.example.test/send/${uniqueSuffix()}`
      const keys = { p256dh: Buffer.concat([Buffer.from([4]), Buffer.alloc(64, 7)]).toString("base64url"), auth: Buffer.alloc(16, 3).toString("base64url") }
      expect((await emporium.notifications.subscribePush({ endpoint, keys })).push_subscription.endpoint).toBe(endpoint)
      expect(await emporium.notifications.unsubscribePush(endpoint)).toEqual({ endpoint, deleted: true })

      // In stock: nothing to wait for.
      const inStock = await emporium.notifications.backInStock({ variant_id: f.product.variants[0].id }).catch((e: FetchError) => e.status)
      expect(inStock).toBe(400)
    })
  },
})
