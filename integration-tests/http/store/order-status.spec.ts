import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { expectClientError } from "../../helpers/bad-inputs"
import { placeOrder, shopperHeaders, type StoreOrder } from "../../helpers/cart"
import { signUp, type Shopper } from "../../helpers/customer"
import { attempt, ok, type Api } from "../../helpers/http"
import { seedStore, type StoreFixture } from "../../helpers/store-fixture"

// An order's subscribers (stock ledger, search, notifications) still running when the runner shuts
// the app down wait for the closing pool until knex's acquire timeout, a minute. So the tests that
// place orders come first and the quick validation tests last: they give those subscribers time.
jest.setTimeout(240_000)
delete process.env.REDIS_URL

type StatusView = { order_id: string; display_id: number; status: string; timeline: { status: string; at: string }[] }

medusaIntegrationTestRunner({
  testSuite: ({ api: rawApi, getContainer }) => {
    const api = rawApi as Api
    let f: StoreFixture

    beforeAll(async () => {
      f = await seedStore(getContainer(), api)
    })

    const statusOf = async (order: StoreOrder, who?: Shopper, token?: string) =>
      attempt<{ order_status: StatusView }>(
        api.get(`/store/orders/${order.id}/status${token ? `?token=${encodeURIComponent(token)}` : ""}`, shopperHeaders(f, who))
      )
    const buy = (who: { email: string; token?: string }, quantity = 1) =>
      placeOrder(api, f, who, [{ variantId: f.product.variants[0].id, quantity }])

    describe("GET /store/orders/:id/status", () => {
      it("follows an order from CONFIRMED through SHIPPED to DELIVERED, with a time for each step", async () => {
        const owner = await signUp(api, f.storefront.publishableKey, "Owner")
        const order = await buy(owner, 2)

        // pp_system_default authorises at completion: the order is confirmed at once.
        let view = (await ok<{ order_status: StatusView }>(api.get(`/store/orders/${order.id}/status`, shopperHeaders(f, owner)))).order_status
        expect(view).toMatchObject({ order_id: order.id, display_id: order.display_id, status: "CONFIRMED" })
        expect(view.timeline.map((s) => s.status)).toEqual(["PENDING", "CONFIRMED"])

        const admin = f.admin.headers
        const { order: detailed } = await ok<{ order: { items: { id: string; quantity: number }[] } }>(
          api.get(`/admin/orders/${order.id}?fields=*items`, admin)
        )
        const items = detailed.items.map((i) => ({ id: i.id, quantity: i.quantity }))
        const { order: fulfilled } = await ok<{ order: { fulfillments: { id: string }[] } }>(
          api.post(`/admin/orders/${order.id}/fulfillments?fields=fulfillments.id`, { items, location_id: f.shipping.stockLocation.id }, admin)
        )
        const fulfillmentId = fulfilled.fulfillments[0].id
        view = (await statusOf(order, owner)).data.order_status
        expect(view.status).toBe("CONFIRMED") // packed is not shipped

        await ok(api.post(`/admin/orders/${order.id}/fulfillments/${fulfillmentId}/shipments`, { items }, admin))
        view = (await statusOf(order, owner)).data.order_status
        expect(view.status).toBe("SHIPPED")
        expect(view.timeline.map((s) => s.status)).toEqual(["PENDING", "CONFIRMED", "SHIPPED"])

        await ok(api.post(`/admin/orders/${order.id}/fulfillments/${fulfillmentId}/mark-as-delivered`, {}, admin))
        view = (await statusOf(order, owner)).data.order_status
        expect(view.status).toBe("DELIVERED")
        const times = view.timeline.map((s) => Date.parse(s.at))
        expect(times.every((t) => !Number.isNaN(t))).toBe(true)
        expect([...times].sort((a, b) => a - b)).toEqual(times)
      })

      it("says CANCELED, with when, after the merchant cancels", async () => {
        const owner = await signUp(api, f.storefront.publishableKey, "Owner")
        const order = await buy(owner)
        await ok(api.post(`/admin/orders/${order.id}/cancel`, {}, f.admin.headers))
        const view = (await statusOf(order, owner)).data.order_status
        expect(view.status).toBe("CANCELED")
        expect(view.timeline.at(-1)).toMatchObject({ status: "CANCELED", at: expect.any(String) })
      })

      it("shows another customer, or nobody, only the 404 an unknown order gets", async () => {
        const owner = await signUp(api, f.storefront.publishableKey, "Owner")
        const order = await buy(owner)
        const other = await signUp(api, f.storefront.publishableKey, "Other")
        for (const answer of [await statusOf(order, other), await statusOf(order)]) {
          expect(answer.status).toBe(404)
          expect(answer.data.order_status).toBeUndefined()
        }
        const unknown = await attempt(api.get("/store/orders/order_01UNKNOWN/status", shopperHeaders(f, owner)))
        expect(unknown.status).toBe(404)
        expect(unknown.data.message).toContain("was not found")
      })

      it("lets a guest follow their order with the e-mail and order number, and nothing else", async () => {
        const guest = { email: `guest-${Date.now()}@example.com` }
        const order = await buy(guest)
        const headers = shopperHeaders(f)

        const issued = await attempt(api.post("/store/orders/status-token", { email: guest.email.toUpperCase(), display_id: order.display_id }, headers))
        expect(issued.status).toBe(201)
        expect(issued.data.order_id).toBe(order.id)
        const view = (await statusOf(order, undefined, issued.data.token)).data.order_status
        expect(view).toMatchObject({ order_id: order.id, status: "CONFIRMED" })

        const other = await buy({ email: `other-${Date.now()}@example.com` })
        expect((await statusOf(other, undefined, issued.data.token)).status).toBe(404) // a token opens one order
        expect((await statusOf(order, undefined, `${issued.data.token}x`)).status).toBe(404)

        const wrongEmail = await attempt(api.post("/store/orders/status-token", { email: "someone@else.com", display_id: order.display_id }, headers))
        expect(wrongEmail.status).toBe(404)
        expect(wrongEmail.data.token).toBeUndefined()
      })

      it("refuses unknown query parameters with a 4xx", async () => {
        const owner = await signUp(api, f.storefront.publishableKey, "Owner")
        const order = await buy(owner)
        const answer = await attempt(api.get(`/store/orders/${order.id}/status?fields=*customer`, shopperHeaders(f, owner)))
        expectClientError(answer, "an unknown query parameter")
      })

      it.each([
        ["no e-mail", { display_id: 1 }],
        ["a malformed e-mail", { email: "not-an-email", display_id: 1 }],
        ["an order number that is not a number", { email: "a@b.com", display_id: "abc" }],
        ["an order number of 0", { email: "a@b.com", display_id: 0 }],
        ["an unknown field", { email: "a@b.com", display_id: 1, admin: true }],
      ])("refuses a status-token request with %s", async (label, body) => {
        expectClientError(await attempt(api.post("/store/orders/status-token", body, shopperHeaders(f))), label)
      })

    })
  },
})
