import http from "node:http"
import { createShippingOptionsWorkflow } from "@medusajs/medusa/core-flows"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { MedusaContainer, ShippingOptionDTO } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { placeOrder, shopperHeaders, type Buyer, type StoreOrder } from "../../helpers/cart"
import { signUp, type Shopper } from "../../helpers/customer"
import { attempt, ok, uniqueSuffix, type Api } from "../../helpers/http"
import { seedStore, type StoreFixture } from "../../helpers/store-fixture"
import { TRANSPORT_MODULE } from "../../../src/modules/transport"
import { signHouseWebhook } from "../../../src/modules/transport/carriers/house"
import type TransportModuleService from "../../../src/modules/transport/service"
import { SHIPMENT_EXCEPTION_EVENT, TRACKING_UPDATED_EVENT } from "../../../src/modules/transport/service"
import { closeTrackingHub, trackingHub } from "../../../src/modules/transport/tracking-hub"
import { DEMO_RATE_TABLE } from "../../../src/scripts/seed/rate-table"
import type { ShipmentTrackingView } from "../../../src/api/store/orders/[id]/tracking/order-tracking"

jest.setTimeout(240_000)
// The in-process hub and event bus: the Redis fan-out is covered by src/modules/transport/__tests__/tracking-hub.spec.ts.
delete process.env.REDIS_URL

const SECRET = "whsec_house_test_secret"
const HOUSE_PROVIDER = "transport_house"
const WEBHOOK = "/hooks/transport/house"

type HouseStatus = "in_transit" | "out_for_delivery" | "delivered" | "failed_delivery" | "returned_to_sender"
type AdminFulfillment = { id: string; shipped_at: string | null; delivered_at: string | null; labels: { tracking_number: string }[] }
type AdminOrder = { id: string; fulfillment_status: string; metadata: Record<string, any> | null; fulfillments: AdminFulfillment[] }
/** What the store route answers: the route's own view type, so the test reads what storefronts get. */
type TrackingView = { order_id: string; shipments: ShipmentTrackingView[] }
type ShippedOrder = { order: StoreOrder; buyer: Buyer; fulfillmentId: string; shipmentId: string; trackingNumber: string }

medusaIntegrationTestRunner({
  testSuite: ({ api: rawApi, getContainer }) => {
    const api = rawApi as Api
    let f: StoreFixture
    let houseOption: ShippingOptionDTO
    const transport = () => getContainer().resolve<TransportModuleService>(TRANSPORT_MODULE)

    beforeAll(async () => {
      const container = getContainer()
      f = await seedStore(container, api)
      await transport().replaceRateTable(DEMO_RATE_TABLE)
      await transport().setWebhookSecret("house", SECRET)
      houseOption = await createHouseShippingOption(container, f)
    })
    afterAll(async () => {
      await closeTrackingHub()
    })

    /** An order shipped with the house carrier, and the fulfillment (with its booked parcel) the merchant created. */
    async function fulfilledHouseOrder(buyer?: Buyer): Promise<ShippedOrder> {
      const who = buyer ?? (await signUp(api, f.storefront.publishableKey, "Owner"))
      const fixture = { ...f, shipping: { ...f.shipping, shippingOption: houseOption } }
      const order = await placeOrder(api, fixture, who, [{ variantId: f.product.variants[0].id, quantity: 2 }])
      const { order: detailed } = await ok<{ order: { items: { id: string; quantity: number }[] } }>(
        api.get(`/admin/orders/${order.id}?fields=*items`, f.admin.headers)
      )
      const items = detailed.items.map((i) => ({ id: i.id, quantity: i.quantity }))
      const { order: fulfilled } = await ok<{ order: { fulfillments: { id: string; labels: { tracking_number: string }[] }[] } }>(
        api.post(
          `/admin/orders/${order.id}/fulfillments?fields=fulfillments.id,fulfillments.labels.*`,
          { items, location_id: f.shipping.stockLocation.id },
          f.admin.headers
        )
      )
      const fulfillment = fulfilled.fulfillments[0]
      const [shipment] = await transport().listTransportShipments({ fulfillment_id: fulfillment.id })
      expect(fulfillment.labels.map((l) => l.tracking_number)).toEqual([shipment.tracking_number])
      return { order, buyer: who, fulfillmentId: fulfillment.id, shipmentId: shipment.id, trackingNumber: shipment.tracking_number }
    }

    const houseEvent = (trackingNumber: string, status: HouseStatus, occurredAt = new Date(), id = `evt_${uniqueSuffix()}`) => ({
      id,
      type: "tracking.updated",
      data: { tracking_number: trackingNumber, status, description: `House carrier: ${status}`, location: "Berlin hub", occurred_at: occurredAt.toISOString() },
    })

    /** Sends a webhook body exactly as given, signed unless `signature` says otherwise (null: no header). */
    const postWebhook = (body: unknown, options: { signature?: string | null; path?: string; timestamp?: number } = {}) => {
      const raw = typeof body === "string" ? body : JSON.stringify(body)
      const signature = options.signature === undefined ? signHouseWebhook(raw, SECRET, options.timestamp) : options.signature
      return attempt(
        api.post(options.path ?? WEBHOOK, raw, {
          headers: { "content-type": "application/json", ...(signature === null ? {} : { "emporium-signature": signature }) },
          transformRequest: [(data) => data],
        })
      )
    }

    const adminOrder = async (orderId: string) =>
      (
        await ok<{ order: AdminOrder }>(
          api.get(
            `/admin/orders/${orderId}?fields=id,fulfillment_status,metadata,fulfillments.id,fulfillments.shipped_at,fulfillments.delivered_at,fulfillments.labels.*`,
            f.admin.headers
          )
        )
      ).order

    const trackingOf = (orderId: string, who?: Buyer, token?: string) =>
      attempt<TrackingView>(
        api.get(`/store/orders/${orderId}/tracking${token ? `?token=${encodeURIComponent(token)}` : ""}`, shopperHeaders(f, who))
      )

    const eventsOf = (shipmentId: string) => transport().listTransportTrackingEvents({ shipment_id: shipmentId } as any)

    describe("POST /hooks/transport/:carrier", () => {
      it("a signed in-transit scan marks the order's fulfillment shipped in Medusa, keeping the carrier's label", async () => {
        const shipped = await fulfilledHouseOrder()
        expect((await adminOrder(shipped.order.id)).fulfillments[0].shipped_at).toBeNull()

        const answer = await postWebhook(houseEvent(shipped.trackingNumber, "in_transit"))
        expect(answer.status).toBe(200)
        expect(answer.data).toMatchObject({
          received: true,
          duplicate: false,
          shipments: [{ id: shipped.shipmentId, tracking_number: shipped.trackingNumber, status: "in_transit" }],
        })

        const order = await adminOrder(shipped.order.id)
        expect(order.fulfillment_status).toBe("shipped")
        expect(order.fulfillments[0].shipped_at).toEqual(expect.any(String))
        expect(order.fulfillments[0].delivered_at).toBeNull()
        expect(order.fulfillments[0].labels.map((l) => l.tracking_number)).toEqual([shipped.trackingNumber])
      })

      it("a delivered scan ships (if needed) and delivers the fulfillment", async () => {
        const shipped = await fulfilledHouseOrder()
        const answer = await postWebhook(houseEvent(shipped.trackingNumber, "delivered"))
        expect(answer.status).toBe(200)
        expect(answer.data.shipments[0].status).toBe("delivered")

        const order = await adminOrder(shipped.order.id)
        expect(order.fulfillment_status).toBe("delivered")
        expect(order.fulfillments[0]).toMatchObject({ shipped_at: expect.any(String), delivered_at: expect.any(String) })
        // The storefront's order status agrees.
        const status = await ok<{ order_status: { status: string } }>(
          api.get(`/store/orders/${shipped.order.id}/status`, shopperHeaders(f, shipped.buyer))
        )
        expect(status.order_status.status).toBe("DELIVERED")
      })

      it("refuses a bad, missing or stale signature with 401 and writes nothing", async () => {
        const shipped = await fulfilledHouseOrder()
        const body = houseEvent(shipped.trackingNumber, "in_transit")
        const raw = JSON.stringify(body)
        const now = Math.floor(Date.now() / 1000)

        const wrongSecret = await postWebhook(body, { signature: signHouseWebhook(raw, "someone-elses-secret") })
        const otherBody = await postWebhook(body, { signature: signHouseWebhook(JSON.stringify({ ...body, id: "evt_other" }), SECRET) })
        const missing = await postWebhook(body, { signature: null })
        const garbage = await postWebhook(body, { signature: "t=abc,v1=xyz" })
        const stale = await postWebhook(body, { timestamp: now - 3600 })
        const future = await postWebhook(body, { timestamp: now + 3600 })
        expect([wrongSecret, otherBody, missing, garbage, stale, future].map((a) => a.status)).toEqual([401, 401, 401, 401, 401, 401])
        expect(missing.data.message).toMatch(/emporium-signature/)
        expect(stale.data.message).toMatch(/tolerance/)

        expect(await eventsOf(shipped.shipmentId)).toHaveLength(0)
        expect((await transport().retrieveTransportShipment(shipped.shipmentId)).status).toBe("label_created")
        expect((await adminOrder(shipped.order.id)).fulfillments[0].shipped_at).toBeNull()
      })

      it("answers 404 for an unknown carrier and 401 (telling the log) while the carrier has no secret", async () => {
        const shipped = await fulfilledHouseOrder()
        const body = houseEvent(shipped.trackingNumber, "in_transit")
        expect((await postWebhook(body, { path: "/hooks/transport/dhl" })).status).toBe(404)
        expect((await postWebhook(body, { path: "/hooks/transport/NOT%20A%20CODE" })).status).toBe(404)

        const logger = getContainer().resolve(ContainerRegistrationKeys.LOGGER)
        const warn = jest.spyOn(logger, "warn")
        await transport().setWebhookSecret("house", null)
        try {
          const answer = await postWebhook(body)
          expect(answer.status).toBe(401)
          expect(warn.mock.calls.map((c) => String(c[0])).join("\n")).toMatch(/set its webhook secret in the admin/)
        } finally {
          warn.mockRestore()
          await transport().setWebhookSecret("house", SECRET)
        }
        expect(await eventsOf(shipped.shipmentId)).toHaveLength(0)
      })

      it("stores a replayed event once: five deliveries of one event id make one timeline entry", async () => {
        const shipped = await fulfilledHouseOrder()
        const body = houseEvent(shipped.trackingNumber, "in_transit")
        const answers = []
        for (let i = 0; i < 5; i++) answers.push(await postWebhook(body))
        expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200])
        expect(answers.map((a) => a.data.duplicate)).toEqual([false, true, true, true, true])

        const view = (await trackingOf(shipped.order.id, shipped.buyer)).data
        expect(view.shipments[0].events).toHaveLength(1)
        expect(await eventsOf(shipped.shipmentId)).toHaveLength(1)
      })

      it("a replay repairs an order whose update did not get through the first time", async () => {
        const shipped = await fulfilledHouseOrder()
        const body = houseEvent(shipped.trackingNumber, "in_transit")
        // As if the process died after storing the event, before Medusa's order was updated.
        await transport().recordTrackingUpdates("house", [
          { event_id: body.id, tracking_number: shipped.trackingNumber, status: "in_transit", description: "x", location: null, occurred_at: new Date() },
        ])
        expect((await adminOrder(shipped.order.id)).fulfillments[0].shipped_at).toBeNull()

        const answer = await postWebhook(body)
        expect(answer.status).toBe(200)
        expect(answer.data.duplicate).toBe(true)
        expect((await adminOrder(shipped.order.id)).fulfillments[0].shipped_at).toEqual(expect.any(String))
      })

      it("a late in-transit scan after delivery joins the timeline in its place but the parcel stays delivered", async () => {
        const shipped = await fulfilledHouseOrder()
        const t = Date.now()
        expect((await postWebhook(houseEvent(shipped.trackingNumber, "delivered", new Date(t)))).status).toBe(200)
        const late = await postWebhook(houseEvent(shipped.trackingNumber, "in_transit", new Date(t - 3_600_000)))
        expect(late.status).toBe(200)
        expect(late.data.shipments[0].status).toBe("delivered")

        const view = (await trackingOf(shipped.order.id, shipped.buyer)).data
        expect(view.shipments[0].status).toBe("delivered")
        expect(view.shipments[0].events.map((e) => e.status)).toEqual(["in_transit", "delivered"])
        expect((await adminOrder(shipped.order.id)).fulfillment_status).toBe("delivered")
      })

      it("a failed delivery shows as an exception to the customer and on the merchant's order, and clears when the parcel moves again", async () => {
        const shipped = await fulfilledHouseOrder()
        const eventBus = getContainer().resolve(Modules.EVENT_BUS)
        const heard: { name: string; data: any }[] = []
        const listen = (name: string) => async (event: { name?: string; data: any }) => void heard.push({ name, data: event.data })
        eventBus.subscribe(SHIPMENT_EXCEPTION_EVENT, listen(SHIPMENT_EXCEPTION_EVENT), { subscriberId: `exception-${uniqueSuffix()}` })
        eventBus.subscribe(TRACKING_UPDATED_EVENT, listen(TRACKING_UPDATED_EVENT), { subscriberId: `updated-${uniqueSuffix()}` })

        const t = Date.now()
        await postWebhook(houseEvent(shipped.trackingNumber, "in_transit", new Date(t - 60_000)))
        const failed = await postWebhook({
          ...houseEvent(shipped.trackingNumber, "failed_delivery", new Date(t)),
          data: { tracking_number: shipped.trackingNumber, status: "failed_delivery", description: "Nobody home, card left", occurred_at: new Date(t).toISOString() },
        })
        expect(failed.status).toBe(200)
        expect(failed.data.shipments[0].status).toBe("exception")

        const view = (await trackingOf(shipped.order.id, shipped.buyer)).data
        expect(view.shipments[0]).toMatchObject({ status: "exception", exception: "Nobody home, card left" })
        const flagged = await adminOrder(shipped.order.id)
        expect(flagged.metadata?.transport_exception).toMatchObject({
          shipment_id: shipped.shipmentId,
          tracking_number: shipped.trackingNumber,
          status: "exception",
          message: "Nobody home, card left",
        })
        await waitFor(() => heard.some((e) => e.name === SHIPMENT_EXCEPTION_EVENT))
        expect(heard.find((e) => e.name === SHIPMENT_EXCEPTION_EVENT)?.data).toMatchObject({
          id: shipped.shipmentId,
          order_id: shipped.order.id,
          status: "exception",
          exception: "Nobody home, card left",
        })
        expect(heard.filter((e) => e.name === TRACKING_UPDATED_EVENT).map((e) => e.data.status)).toEqual(["in_transit", "exception"])

        await postWebhook(houseEvent(shipped.trackingNumber, "out_for_delivery", new Date(t + 60_000)))
        const cleared = await adminOrder(shipped.order.id)
        expect(cleared.metadata?.transport_exception).toBeNull()
        expect((await trackingOf(shipped.order.id, shipped.buyer)).data.shipments[0]).toMatchObject({ status: "out_for_delivery", exception: null })
      })

      it("answers 404 for a tracking number nobody booked, and writes nothing", async () => {
        const shipped = await fulfilledHouseOrder()
        const answer = await postWebhook(houseEvent("EH000000000DE", "in_transit"))
        expect(answer.status).toBe(404)
        expect(answer.data.message).toMatch(/tracking number/i)
        expect(await eventsOf(shipped.shipmentId)).toHaveLength(0)
      })

      it.each([
        ["malformed JSON", '{"id": "evt_1", "type": "tracking.updated", "data": '],
        ["an unknown status", JSON.stringify({ id: "evt_2", type: "tracking.updated", data: { tracking_number: "EH1", status: "teleported", occurred_at: new Date().toISOString() } })],
        ["no event id", JSON.stringify({ type: "tracking.updated", data: { tracking_number: "EH1", status: "in_transit", occurred_at: new Date().toISOString() } })],
        ["an unreadable date", JSON.stringify({ id: "evt_3", type: "tracking.updated", data: { tracking_number: "EH1", status: "in_transit", occurred_at: "yesterday-ish" } })],
        ["an empty body", ""],
      ])("answers 400 to %s with a valid signature", async (_label, raw) => {
        const answer = await postWebhook(raw)
        expect(answer.status).toBe(400)
        expect(answer.data.message).toEqual(expect.any(String))
      })

      it("answers 401, not 400, to malformed JSON without a valid signature", async () => {
        expect((await postWebhook("{not json", { signature: "t=1,v1=" + "0".repeat(64) })).status).toBe(401)
      })
    })

    describe("GET /store/orders/:id/tracking", () => {
      it("shows the order's customer the parcel, its carrier and service, and the timeline oldest first", async () => {
        const shipped = await fulfilledHouseOrder()
        const t = Date.now()
        await postWebhook(houseEvent(shipped.trackingNumber, "out_for_delivery", new Date(t)))
        await postWebhook(houseEvent(shipped.trackingNumber, "in_transit", new Date(t - 7_200_000)))

        const answer = await trackingOf(shipped.order.id, shipped.buyer)
        expect(answer.status).toBe(200)
        expect(answer.data).toEqual({
          order_id: shipped.order.id,
          shipments: [
            expect.objectContaining({
              id: shipped.shipmentId,
              is_return: false,
              carrier: { code: "house", name: "Emporium House Carrier" },
              service_level: { code: "standard", name: "Standard" },
              tracking_number: shipped.trackingNumber,
              tracking_url: `https://track.example.com/house/${shipped.trackingNumber}`,
              status: "out_for_delivery",
              exception: null,
              events: [
                expect.objectContaining({ status: "in_transit", description: "House carrier: in_transit" }),
                expect.objectContaining({ status: "out_for_delivery" }),
              ],
            }),
          ],
        })
      })

      it("shows another customer or an anonymous caller only a 404; a guest with the order's token sees it", async () => {
        const shipped = await fulfilledHouseOrder()
        await postWebhook(houseEvent(shipped.trackingNumber, "in_transit"))
        const other = await signUp(api, f.storefront.publishableKey, "Other")
        const byOther = await trackingOf(shipped.order.id, other)
        const anonymous = await trackingOf(shipped.order.id)
        expect([byOther.status, anonymous.status]).toEqual([404, 404])
        expect(byOther.data.shipments).toBeUndefined()

        const guest = { email: `guest-${uniqueSuffix()}@example.com` }
        const guestOrder = await fulfilledHouseOrder(guest)
        await postWebhook(houseEvent(guestOrder.trackingNumber, "in_transit"))
        const { token } = await ok<{ token: string }>(
          api.post("/store/orders/status-token", { email: guest.email, display_id: guestOrder.order.display_id }, shopperHeaders(f))
        )
        const withToken = await trackingOf(guestOrder.order.id, undefined, token)
        expect(withToken.status).toBe(200)
        expect(withToken.data.shipments[0]).toMatchObject({ tracking_number: guestOrder.trackingNumber, status: "in_transit" })
        expect((await trackingOf(guestOrder.order.id)).status).toBe(404)
        expect((await trackingOf(guestOrder.order.id, undefined, `${token}x`)).status).toBe(404)
        expect((await trackingOf(shipped.order.id, undefined, token)).status).toBe(404) // a token opens one order
        expect((await attempt(api.get(`/store/orders/${guestOrder.order.id}/tracking?token=${token}&fields=*`, shopperHeaders(f)))).status).toBe(400)
      })
    })

    describe("GET /store/orders/:id/tracking/stream", () => {
      it("sends the snapshot, then each new carrier event, and lets go of the listener when the client leaves", async () => {
        const shipped = await fulfilledHouseOrder()
        await postWebhook(houseEvent(shipped.trackingNumber, "in_transit", new Date(Date.now() - 60_000)))
        const hub = trackingHub()
        const before = hub.listenerCount(shipped.order.id)

        const stream = openStream(`${api.defaults.baseURL}/store/orders/${shipped.order.id}/tracking/stream`, {
          "x-publishable-api-key": f.storefront.publishableKey,
          authorization: `Bearer ${(shipped.buyer as Shopper).token}`,
        })
        try {
          const response = await stream.response
          expect(response.statusCode).toBe(200)
          expect(response.headers["content-type"]).toMatch(/^text\/event-stream/)
          expect(response.headers["x-emporium-cache"]).toBeUndefined()

          const snapshot = await stream.next("snapshot")
          expect(snapshot.order_id).toBe(shipped.order.id)
          expect(snapshot.shipments[0].events.map((e: { status: string }) => e.status)).toEqual(["in_transit"])
          expect(hub.listenerCount(shipped.order.id)).toBe(before + 1)

          const sent = houseEvent(shipped.trackingNumber, "out_for_delivery")
          expect((await postWebhook(sent)).status).toBe(200)
          const live = await stream.next("tracking")
          expect(live).toMatchObject({
            order_id: shipped.order.id,
            shipment_id: shipped.shipmentId,
            tracking_number: shipped.trackingNumber,
            shipment_status: "out_for_delivery",
            event: { status: "out_for_delivery", description: sent.data.description },
          })

          // A replay is not news: nothing more is sent for it.
          await postWebhook(sent)
        } finally {
          stream.close()
        }
        await waitFor(() => hub.listenerCount(shipped.order.id) === before)
        expect(hub.listenerCount(shipped.order.id)).toBe(before)
        expect(stream.received().filter((e) => e.event === "tracking")).toHaveLength(1)
      })

      it("answers a stranger with the same 404 as the JSON route, not a stream", async () => {
        const shipped = await fulfilledHouseOrder()
        const other = await signUp(api, f.storefront.publishableKey, "Other")
        const stream = openStream(`${api.defaults.baseURL}/store/orders/${shipped.order.id}/tracking/stream`, {
          "x-publishable-api-key": f.storefront.publishableKey,
          authorization: `Bearer ${other.token}`,
        })
        try {
          expect((await stream.response).statusCode).toBe(404)
        } finally {
          stream.close()
        }
        expect(trackingHub().listenerCount(shipped.order.id)).toBe(0)
      })
    })
  },
})

/** A calculated shipping option priced by the house carrier's rate table, at the fixture's warehouse. */
async function createHouseShippingOption(container: MedusaContainer, f: StoreFixture): Promise<ShippingOptionDTO> {
  await container.resolve(ContainerRegistrationKeys.LINK).create({
    [Modules.STOCK_LOCATION]: { stock_location_id: f.shipping.stockLocation.id },
    [Modules.FULFILLMENT]: { fulfillment_provider_id: HOUSE_PROVIDER },
  })
  const {
    result: [option],
  } = await createShippingOptionsWorkflow(container).run({
    input: [
      {
        name: "House Standard",
        price_type: "calculated",
        provider_id: HOUSE_PROVIDER,
        data: { id: "house:standard", carrier_code: "house", service_level_code: "standard" },
        service_zone_id: f.shipping.serviceZone.id,
        shipping_profile_id: f.shipping.shippingProfile.id,
        type: { label: "House Standard", description: "2-4 days", code: "house-standard" },
        rules: [
          { attribute: "enabled_in_store", operator: "eq", value: "true" },
          { attribute: "is_return", operator: "eq", value: "false" },
        ],
      },
    ],
  })
  return option
}

async function waitFor(condition: () => boolean, ms = 5000): Promise<void> {
  const until = Date.now() + ms
  while (!condition()) {
    if (Date.now() > until) throw new Error("condition not met in time")
    await new Promise((r) => setTimeout(r, 25))
  }
}

type SseEvent = { event: string; data: any }

/** A minimal EventSource over http.get: resolves each named event as it arrives. */
function openStream(url: string, headers: Record<string, string>) {
  const events: SseEvent[] = []
  const waiters: { name: string; from: number; resolve: (data: any) => void }[] = []
  let consumed = 0
  let request: http.ClientRequest
  const response = new Promise<http.IncomingMessage>((resolve, reject) => {
    request = http.get(url, { headers: { accept: "text/event-stream", ...headers } }, (res) => {
      resolve(res)
      let buffer = ""
      res.setEncoding("utf8")
      res.on("data", (chunk: string) => {
        buffer += chunk
        let end: number
        while ((end = buffer.indexOf("\n\n")) !== -1) {
          const block = buffer.slice(0, end)
          buffer = buffer.slice(end + 2)
          const lines = block.split("\n")
          const name = lines.find((l) => l.startsWith("event: "))?.slice(7)
          const data = lines.find((l) => l.startsWith("data: "))?.slice(6)
          if (!name || data === undefined) continue // comments, retry
          events.push({ event: name, data: JSON.parse(data) })
          for (const waiter of [...waiters]) {
            const found = events.findIndex((e, i) => i >= waiter.from && e.event === waiter.name)
            if (found !== -1) {
              waiters.splice(waiters.indexOf(waiter), 1)
              waiter.resolve(events[found].data)
            }
          }
        }
      })
      res.on("error", () => undefined)
    })
    request.on("error", (error) => {
      if (!closed) reject(error)
    })
  })
  let closed = false
  return {
    response,
    /** The next event of this name not yet consumed. */
    next(name: string, ms = 5000): Promise<any> {
      const from = consumed
      const found = events.findIndex((e, i) => i >= from && e.event === name)
      if (found !== -1) {
        consumed = found + 1
        return Promise.resolve(events[found].data)
      }
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no "${name}" event within ${ms} ms`)), ms)
        waiters.push({
          name,
          from,
          resolve: (data) => {
            clearTimeout(timer)
            consumed = events.length
            resolve(data)
          },
        })
      })
    },
    received: () => events,
    close() {
      closed = true
      request.destroy()
    },
  }
}
