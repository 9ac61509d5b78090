import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import catchUpAnalyticsJob from "../../../src/jobs/catch-up-analytics"
import { EMPORIUM_ANALYTICS_MODULE } from "../../../src/modules/analytics"
import type EmporiumAnalyticsModuleService from "../../../src/modules/analytics/service"
import { expectClientError } from "../../helpers/bad-inputs"
import { createReadyCart, prepareCart, shopperHeaders, type StoreOrder } from "../../helpers/cart"
import { signUp } from "../../helpers/customer"
import { attempt, ok, storeHeaders, type Api } from "../../helpers/http"
import { seedStore, type StoreFixture } from "../../helpers/store-fixture"

jest.setTimeout(240_000)
delete process.env.REDIS_URL
// Low enough for the last test to reach it, high enough for the others (one process, one IP).
process.env.EMPORIUM_ANALYTICS_RATE_LIMIT = "60"

/** Subscribers run after the request that emitted their event: wait for what a merchant would see. */
async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string): Promise<T> {
  let last: T | undefined
  for (let i = 0; i < 100; i++) {
    last = await read()
    if (done(last)) {
      return last
    }
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error(`${what} never happened; last seen: ${JSON.stringify(last)}`)
}

medusaIntegrationTestRunner({
  testSuite: ({ api: rawApi, getContainer }) => {
    const api = rawApi as Api
    let f: StoreFixture

    beforeAll(async () => {
      f = await seedStore(getContainer(), api)
    })

    const analytics = () => getContainer().resolve<EmporiumAnalyticsModuleService>(EMPORIUM_ANALYTICS_MODULE)
    const headers = () => storeHeaders(f.storefront.publishableKey)
    const send = (events: unknown[], options = headers()) => attempt(api.post("/store/analytics/events", { events }, options))
    const admin = <T = any>(path: string) => ok<T>(api.get(path, f.admin.headers))
    const storedEvents = async (filters: Record<string, unknown>) => {
      await analytics().flush()
      return analytics().listAnalyticsEvents(filters, { order: { occurred_at: "ASC" } })
    }

    it("storefront events, real orders, a cancellation and a refund make the funnel, abandonment and sales figures", async () => {
      const shopper = await signUp(api, f.storefront.publishableKey)
      const productId = f.product.product.id
      const variant = f.product.variants[0]

      // Visitor 1 views, adds, checks out and pays; visitor 2 adds and leaves; visitor 3 only looks.
      const cart = await createReadyCart(api, f, shopper, [{ variantId: variant.id, quantity: 2 }])
      const v1 = { anonymous_id: "visitor-1", session_id: "session-1" }
      expect(
        await send([
          { ...v1, id: "e1", name: "page_view", properties: { path: "/" } },
          { ...v1, id: "e2", name: "product_viewed", properties: { product_id: productId } },
          { ...v1, id: "e3", name: "product_added_to_cart", properties: { product_id: productId, variant_id: variant.id, cart_id: cart.id, quantity: 2 } },
          { ...v1, id: "e4", name: "checkout_started", properties: { cart_id: cart.id } },
        ])
      ).toEqual({ status: 202, data: { accepted: 4 } })
      expect((await send([
        { anonymous_id: "visitor-2", name: "product_viewed", properties: { product_id: productId } },
        { anonymous_id: "visitor-2", name: "product_added_to_cart", properties: { product_id: productId } },
        { anonymous_id: "visitor-3", name: "product_viewed", properties: { product_id: productId } },
      ])).status).toBe(202)

      const { order } = await ok<{ order: StoreOrder }>(api.post(`/store/carts/${cart.id}/complete`, {}, shopperHeaders(f, shopper)))
      const second = await createReadyCart(api, f, shopper, [{ variantId: f.otherProduct.variants[0].id, quantity: 1 }])
      const { order: canceled } = await ok<{ order: StoreOrder }>(api.post(`/store/carts/${second.id}/complete`, {}, shopperHeaders(f, shopper)))
      await prepareCart(api, f, shopper, [{ variantId: variant.id, quantity: 1 }]) // abandoned
      // Captured, then canceled: Medusa refunds it as part of the cancellation (no payment.refunded event).
      const paymentOf = async (orderId: string) =>
        (await ok<any>(api.get(`/admin/orders/${orderId}?fields=payment_collections.payments.id`, f.admin.headers))).order.payment_collections[0].payments[0].id
      await ok(api.post(`/admin/payments/${await paymentOf(canceled.id)}/capture`, {}, f.admin.headers))
      await ok(api.post(`/admin/orders/${canceled.id}/cancel`, {}, f.admin.headers))

      // The merchant refunds 5.00 of the first order after capturing it.
      const paymentId = await paymentOf(order.id)
      await ok(api.post(`/admin/payments/${paymentId}/capture`, {}, f.admin.headers))
      await ok(api.post(`/admin/payments/${paymentId}/refund`, { amount: 5 }, f.admin.headers))

      const sales = await eventually(
        () => admin("/admin/analytics/sales"),
        (r) => r.currencies[0]?.current.canceled_orders === 1 && r.currencies[0]?.current.refunds === 5 + canceled.total,
        "the cancellation and both refunds reaching the sales report"
      )
      expect(sales.currencies).toHaveLength(1)
      expect(sales.currencies[0].currency_code).toBe("eur")
      expect(sales.currencies[0].current).toEqual({
        revenue: order.total,
        orders: 1,
        average_order_value: order.total,
        units: 2,
        refunds: 5 + canceled.total,
        net_revenue: order.total - 5 - canceled.total,
        canceled_orders: 1,
      })
      const today = new Date().toISOString().slice(0, 10)
      expect(sales.currencies[0].series.find((p: any) => p.bucket === today)).toEqual({ bucket: today, revenue: order.total, orders: 1, units: 2, refunds: 5 + canceled.total })

      const { products } = await admin("/admin/analytics/products")
      expect(products).toEqual([{ product_id: productId, title: "Linen shirt", currency_code: "eur", units: 2, orders: 1, revenue: order.total - 10 }])
      const { categories } = await admin("/admin/analytics/categories")
      expect(categories).toEqual([{ category_id: f.category.id, name: "Shirts", currency_code: "eur", units: 2, orders: 1, revenue: order.total - 10 }])

      const funnel = await eventually(
        () => admin("/admin/analytics/funnel"),
        (r) => r.steps[3].sessions === 1,
        "the order reaching visitor 1's funnel session"
      )
      expect(funnel.steps.map((s: any) => [s.step, s.sessions, s.drop_off])).toEqual([
        ["product_viewed", 3, 0],
        ["product_added_to_cart", 2, 1],
        ["checkout_started", 1, 1],
        ["order_placed", 1, 0],
      ])
      expect(funnel.steps[1].conversion_from_previous).toBe(0.6667)
      expect(funnel.steps[3].conversion_from_start).toBe(0.3333)
      expect(funnel.cart_abandonment).toEqual({ carts: 3, completed: 2, abandoned: 1, rate: 0.3333 })
      expect(funnel.events).toEqual(expect.arrayContaining([
        { name: "product_viewed", count: 3 },
        { name: "product_added_to_cart", count: 2 },
        { name: "checkout_started", count: 1 },
        { name: "page_view", count: 1 },
        { name: "order_placed", count: 2 },
        { name: "order_canceled", count: 1 },
      ]))

      const customers = await admin("/admin/analytics/customers")
      expect(customers.registrations.current).toBe(1)
      expect(customers.new_customers.current).toBe(1)

      const server = await storedEvents({ source: "server" })
      expect(server.map((e) => e.name).sort()).toEqual(
        expect.arrayContaining(["cart_created", "customer_registered", "order_canceled", "order_placed", "order_refunded"])
      )
      expect(server.find((e) => e.name === "order_placed" && e.order_id === order.id)).toMatchObject({ session_key: "s:session-1", cart_id: cart.id })

      // A storefront retrying the same batch (same event ids) stores it once.
      expect((await send([{ ...v1, id: "e2", name: "product_viewed", properties: { product_id: productId } }])).status).toBe(202)
      expect(await storedEvents({ anonymous_id: "visitor-1" })).toHaveLength(4)
    })

    it("a refund no subscriber heard of reaches the sales report with the catch-up job", async () => {
      const shopper = await signUp(api, f.storefront.publishableKey)
      const cart = await createReadyCart(api, f, shopper, [{ variantId: f.otherProduct.variants[0].id, quantity: 1 }])
      const { order } = await ok<{ order: StoreOrder }>(api.post(`/store/carts/${cart.id}/complete`, {}, shopperHeaders(f, shopper)))
      const { order: adminOrder } = await ok<any>(api.get(`/admin/orders/${order.id}?fields=payment_collections.payments.id`, f.admin.headers))
      const paymentId = adminOrder.payment_collections[0].payments[0].id
      await ok(api.post(`/admin/payments/${paymentId}/capture`, {}, f.admin.headers))
      await eventually(() => admin("/admin/analytics/sales"), (r) => r.currencies[0]?.current.orders === 1, "the order in the report")

      // Straight through the Payment Module: no workflow, no payment.refunded event.
      await getContainer().resolve(Modules.PAYMENT).refundPayment({ payment_id: paymentId, amount: 3 })
      expect((await admin("/admin/analytics/sales")).currencies[0].current.refunds).toBe(0)

      await catchUpAnalyticsJob(getContainer())
      expect((await admin("/admin/analytics/sales")).currencies[0].current).toMatchObject({ refunds: 3, net_revenue: order.total - 3 })
    })

    it("takes the customer from the login, never from the body, and the channel from the publishable key", async () => {
      const shopper = await signUp(api, f.storefront.publishableKey)
      const result = await send(
        [{ name: "product_viewed", properties: { product_id: f.product.product.id } }],
        storeHeaders(f.storefront.publishableKey, shopper.token)
      )
      expect(result).toEqual({ status: 202, data: { accepted: 1 } })
      const [stored] = await storedEvents({ customer_id: shopper.customer.id, source: "store" })
      expect(stored).toMatchObject({ name: "product_viewed", source: "store", product_id: f.product.product.id, sales_channel_id: f.storefront.salesChannel.id })

      const spoof = await send([{ anonymous_id: "v", customer_id: shopper.customer.id, name: "page_view", properties: { path: "/" } }])
      expectClientError(spoof, "customer_id in the body")
    })

    it("refuses bad batches with a 400 that says why, and stores nothing of them", async () => {
      const valid = { anonymous_id: "visitor-x", name: "page_view", properties: { path: "/" } }
      const cases: [string, unknown[], string][] = [
        ["unknown event name", [{ ...valid, name: "order_hacked" }], "page_view"],
        ["no events", [], "'events' too small"],
        ["101 events", Array.from({ length: 101 }, () => valid), "'events' too big"],
        ["no anonymous id and no login", [{ name: "page_view", properties: { path: "/" } }], "anonymous_id is required"],
        ["product view without product", [{ ...valid, name: "product_viewed", properties: {} }], "product_id"],
        ["properties over 2 KB", [{ ...valid, properties: { path: "/", note: "x".repeat(2100) } }], "2048 bytes"],
        ["timestamp not a date", [{ ...valid, timestamp: "yesterday" }], "timestamp"],
        ["anonymous id too long", [{ ...valid, anonymous_id: "a".repeat(65) }], "anonymous_id"],
      ]
      for (const [label, events, says] of cases) {
        const result = await send(events)
        expectClientError(result, label)
        expect(result.status).toBe(400)
        expect(result.data.message).toContain(says)
      }
      const notAList = await attempt(api.post("/store/analytics/events", { events: "page_view" }, headers()))
      expect(notAList.status).toBe(400)

      // 70 KB body: refused by the body parser before anything is read.
      const huge = await attempt(api.post("/store/analytics/events", { events: [valid], pad: "x".repeat(70_000) }, headers()))
      expectClientError(huge, "a 70 KB body")
      expect(huge.status).toBe(413)

      const noKey = await attempt(api.post("/store/analytics/events", { events: [valid] }))
      expectClientError(noKey, "no publishable key")
      expect(await storedEvents({ anonymous_id: "visitor-x" })).toHaveLength(0)
    })

    it("a timestamp from a visitor's wrong clock cannot move an event out of today", async () => {
      await send([{ anonymous_id: "visitor-clock", name: "page_view", timestamp: "2020-01-01T00:00:00Z", properties: { path: "/" } }])
      const [stored] = await storedEvents({ anonymous_id: "visitor-clock" })
      expect(Date.now() - new Date(stored.occurred_at).getTime()).toBeLessThan(60_000)
    })

    it("Medusa's Analytics Module (analytics.track) and product searches land in the same store", async () => {
      const medusaAnalytics = getContainer().resolve(Modules.ANALYTICS)
      await medusaAnalytics.track({ event: "newsletter_signup", actor_id: "cus_news", properties: { event_key: "news-1", list: "weekly" } })
      await medusaAnalytics.track({ event: "newsletter_signup", actor_id: "cus_news", properties: { event_key: "news-1", list: "weekly" } })
      expect(await storedEvents({ name: "newsletter_signup" })).toEqual([
        expect.objectContaining({ source: "provider", customer_id: "cus_news", event_key: "news-1", properties: { event_key: "news-1", list: "weekly" } }),
      ])

      await ok(api.get("/store/products?q=linen", headers()))
      await ok(api.get("/store/products?q=linen", headers())) // the second one may come from the read cache
      const searches = await eventually(() => storedEvents({ name: "search_performed" }), (s) => s.length === 2, "two searches recorded")
      expect(searches.map((s) => [s.source, (s.properties as any).query, s.sales_channel_id])).toEqual([
        ["server", "linen", f.storefront.salesChannel.id],
        ["server", "linen", f.storefront.salesChannel.id],
      ])
    })

    // Last: it spends this process's window for 127.0.0.1.
    it("rate-limits a client that floods the route with 429 and Retry-After", async () => {
      const batch = [{ anonymous_id: "flood", name: "page_view", properties: { path: "/" } }]
      const statuses: number[] = []
      let retryAfter: string | undefined
      for (let i = 0; i < 61; i++) {
        const res = await attempt(api.post("/store/analytics/events", { events: batch }, headers()))
        statuses.push(res.status)
        if (res.status === 429) {
          const raw = await api.post("/store/analytics/events", { events: batch }, { ...headers(), validateStatus: () => true })
          retryAfter = raw.headers["retry-after"]
          expect(raw.data.message).toContain("at most 60 per minute")
          break
        }
      }
      expect(statuses).toContain(429)
      expect(Number(retryAfter)).toBeGreaterThan(0)
    })
  },
})
