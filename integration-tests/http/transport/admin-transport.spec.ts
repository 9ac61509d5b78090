import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { generateEntityId, Modules } from "@medusajs/framework/utils"
import { TRANSPORT_MODULE } from "../../../src/modules/transport"
import { HouseCarrier } from "../../../src/modules/transport/carriers/house"
import type { Address } from "../../../src/modules/transport/carriers/types"
import type { QuoteRequest, RateTable } from "../../../src/modules/transport/rates/types"
import type TransportModuleService from "../../../src/modules/transport/service"
import { DEMO_RATE_TABLE } from "../../../src/scripts/seed/rate-table"
import { createAdminUser, type AdminUser } from "../../helpers/admin-user"
import { expectClientError } from "../../helpers/bad-inputs"
import { attempt, ok, type Api, type HttpResult } from "../../helpers/http"

jest.setTimeout(180_000)
delete process.env.REDIS_URL

/**
 * The merchant's side of the transport module over HTTP: the rate table read and replaced as one
 * document (and quotes following it at once), every kind of bad table refused with a 400 that
 * names the problem, webhook secrets that are written but never read back, and shipments with
 * their tracking timeline and label PDF.
 */

type Shipment = {
  id: string
  order_id: string | null
  fulfillment_id: string
  tracking_number: string
  tracking_url: string
  label_url: string | null
  has_label: boolean
  status: string
  exception: string | null
  events: { status: string; description: string; location: string | null; occurred_at: string }[]
}

const SECRET = "whsec-house-0123456789-abcdef"
const BERLIN_WAREHOUSE: Address = { name: "Emporium Berlin", address_1: "Lagerstr. 1", postal_code: "10115", city: "Berlin", country_code: "de" }
const CUSTOMER: Address = { name: "Erika Mustermann", address_1: "Hauptstr. 5", postal_code: "80331", city: "München", country_code: "de" }

/** A 1 kg parcel of one €20 item to Munich: the Germany zone's first bracket. */
const munichParcel = (overrides: Partial<QuoteRequest> = {}): QuoteRequest => ({
  destination: { country_code: "de", postal_code: "80331" },
  currency_code: "eur",
  items: [{ id: "item_1", title: "Mug", quantity: 1, unit_price: 2000, weight_g: 900, length_cm: 10, width_cm: 10, height_cm: 10, product_type_id: null }],
  ...overrides,
})

/** A deep copy of the demo table with `change` applied. */
const demoTableWith = (change: (table: RateTable) => void = () => undefined): RateTable => {
  const table = structuredClone(DEMO_RATE_TABLE)
  change(table)
  return table
}

medusaIntegrationTestRunner({
  testSuite: ({ api: rawApi, getContainer }) => {
    const api = rawApi as Api
    let admin: AdminUser

    const transport = () => getContainer().resolve<TransportModuleService>(TRANSPORT_MODULE)
    const putTable = (table: unknown) => attempt(api.put("/admin/transport/rate-table", table, admin.headers))
    const standardPrice = async (request = munichParcel()) =>
      (await transport().quote(request)).quotes.find((quote) => quote.service_level_code === "standard")?.amount

    beforeAll(async () => {
      admin = await createAdminUser(getContainer(), api)
    })

    describe("rate table", () => {
      it("PUT replaces the whole table, GET reads it back, and quotes follow at once", async () => {
        const saved = await putTable(DEMO_RATE_TABLE)
        expect(saved.status).toBe(200)
        const { rate_table } = await ok<{ rate_table: RateTable }>(api.get("/admin/transport/rate-table", admin.headers))
        expect(rate_table).toEqual(saved.data.rate_table)
        expect(rate_table.carriers.map((c) => [c.code, c.has_webhook_secret, c.service_levels.map((s) => s.code).sort()])).toEqual([
          ["house", false, ["express", "same_day", "standard"]],
        ])
        expect(rate_table.zones.map((z) => z.name).sort()).toEqual(["Berlin", "EU West", "Germany", "United States"])
        expect(rate_table.rates).toHaveLength(DEMO_RATE_TABLE.rates.length)
        expect(rate_table.zones.find((z) => z.name === "Germany")?.free_shipping_over).toEqual({ eur: 5000 })
        expect(await standardPrice()).toBe(490)

        // The merchant raises Germany's first standard bracket to €5.55 and sends the table back as read.
        const edited = structuredClone(rate_table)
        edited.rates.find((r) => r.zone_name === "Germany" && r.service_level_code === "standard" && r.max_weight_g === 1000)!.amount = 555
        const resaved = await putTable(edited)
        expect(resaved.status).toBe(200)
        expect(await standardPrice()).toBe(555)

        // Free shipping over €50 in Germany: lowering the threshold below the cart makes it free.
        edited.zones.find((z) => z.name === "Germany")!.free_shipping_over = { EUR: 1500 }
        expect((await putTable(edited)).status).toBe(200)
        expect(await standardPrice()).toBe(0)

        // A country no zone covers cannot be quoted; adding it to a zone makes it quotable.
        const toAustria = munichParcel({ destination: { country_code: "at", postal_code: "1010" } })
        expect((await transport().quote(toAustria)).unshippable?.reason).toBe("no_zone")
        edited.zones.find((z) => z.name === "EU West")!.countries.push("AT")
        const withAustria = await putTable(edited)
        expect(withAustria.data.rate_table.zones.find((z: { name: string }) => z.name === "EU West").countries).toContain("at")
        expect(await standardPrice(toAustria)).toBe(890)

        expect((await putTable(DEMO_RATE_TABLE)).status).toBe(200)
        expect(await standardPrice()).toBe(490)
      })

      const badTables: [label: string, table: () => unknown, named: RegExp][] = [
        [
          "a negative amount",
          () => demoTableWith((t) => (t.rates[0].amount = -5)),
          /rates\[0\]\.amount must not be negative \(got -5\)/,
        ],
        ["an amount in major units", () => demoTableWith((t) => (t.rates[0].amount = 4.9)), /rates\[0\]\.amount must be a whole number \(got 4\.9\)/],
        ["an amount sent as text", () => demoTableWith((t) => ((t.rates[0] as any).amount = "490")), /rates\[0\]\.amount must be a number \(got "490"\)/],
        ["a zero weight bracket", () => demoTableWith((t) => (t.rates[1].max_weight_g = 0)), /rates\[1\]\.max_weight_g must be at least 1 g/],
        [
          "min_days after max_days",
          () => demoTableWith((t) => Object.assign(t.carriers[0].service_levels[0], { min_days: 5, max_days: 2 })),
          /Service "house\/standard": min_days \(5\) is after max_days \(2\)/,
        ],
        [
          "a rate naming an unknown zone",
          () => demoTableWith((t) => (t.rates[0].zone_name = "Atlantis")),
          /A rate names zone "Atlantis", which does not exist/,
        ],
        [
          "a rate naming an unknown service",
          () => demoTableWith((t) => (t.rates[0].service_level_code = "overnight")),
          /A rate names service "house\/overnight", which does not exist/,
        ],
        [
          "a duplicate bracket",
          () => demoTableWith((t) => t.rates.push({ ...t.rates[0], amount: 999 })),
          /Zone "Germany", service "house\/standard" has two EUR brackets up to 1000 g/,
        ],
        [
          "a non-ISO country",
          () => demoTableWith((t) => t.zones[0].countries.push("xx")),
          /zones\[0\]\.countries\[1\] is not an ISO 3166-1 alpha-2 country code \(got "xx"\)/,
        ],
        [
          "a three-letter country",
          () => demoTableWith((t) => (t.zones[2].countries[0] = "FRA")),
          /zones\[2\]\.countries\[0\] is not an ISO 3166-1 alpha-2 country code/,
        ],
        ["an unknown currency", () => demoTableWith((t) => (t.rates[3].currency_code = "eu")), /rates\[3\]\.currency_code is not an ISO 4217 currency code \(got "eu"\)/],
        [
          "an unknown surcharge kind",
          () => demoTableWith((t) => ((t.surcharges[0] as any).per = "parcel")),
          /surcharges\[0\]\.per must be "order" or "item" \(got "parcel"\)/,
        ],
        ["a zone without countries", () => demoTableWith((t) => (t.zones[1].countries = [])), /zones\[1\]\.countries needs at least one country/],
        ["a missing list", () => ({ ...demoTableWith(), weight_defaults: undefined }), /weight_defaults is required/],
        ["a misspelled field", () => demoTableWith((t) => Object.assign(t.rates[0], { amout: 5 })), /rates\[0\] Unrecognized key: "amout"/],
        ["a carrier with no adapter", () => demoTableWith((t) => t.carriers.push({ ...t.carriers[0], code: "pigeon" })), /Carrier "pigeon" has no adapter installed/],
        ["not a table at all", () => [1, 2, 3], /./],
      ]

      it.each(badTables)("refuses %s with a 400 naming the problem, and keeps the old table", async (label, table, named) => {
        expect((await putTable(DEMO_RATE_TABLE)).status).toBe(200)
        const answer = await putTable(table())
        expectClientError(answer, label)
        expect({ label, status: answer.status, message: answer.data.message }).toEqual({ label, status: 400, message: expect.stringMatching(named) })
        expect(await standardPrice()).toBe(490)
      })

      it("lists every problem of a table at once", async () => {
        const answer = await putTable(
          demoTableWith((t) => {
            t.rates[0].zone_name = "Atlantis"
            t.carriers[0].service_levels[1].min_days = 9
          })
        )
        expect(answer.status).toBe(400)
        expect(answer.data.message).toContain('zone "Atlantis"')
        expect(answer.data.message).toContain('Service "house/express": min_days (9) is after max_days (2)')
      })
    })

    describe("webhook secrets", () => {
      const setSecret = (code: string, body: unknown) => attempt(api.post(`/admin/transport/carriers/${code}/webhook-secret`, body, admin.headers))

      it("are written, reported as set, never read back, and cleared with null", async () => {
        expect((await putTable(DEMO_RATE_TABLE)).status).toBe(200)
        const bodies: unknown[] = []
        const remember = <T extends HttpResult>(answer: T) => (bodies.push(answer.data), answer)

        expect(remember(await setSecret("house", { secret: SECRET }))).toEqual({ status: 200, data: { carrier: { code: "house", has_webhook_secret: true } } })
        expect((await transport().webhookSettings("house"))?.secret).toBe(SECRET)

        const read = remember(await attempt(api.get("/admin/transport/rate-table", admin.headers)))
        expect(read.data.rate_table.carriers[0].has_webhook_secret).toBe(true)
        // Saving the table (as read, flag included) keeps the secret: it has its own route.
        const resaved = remember(await putTable(read.data.rate_table))
        expect(resaved.data.rate_table.carriers[0].has_webhook_secret).toBe(true)
        expect((await transport().webhookSettings("house"))?.secret).toBe(SECRET)

        for (const body of bodies) {
          expect(JSON.stringify(body)).not.toContain(SECRET)
        }

        expect(await setSecret("house", { secret: null })).toEqual({ status: 200, data: { carrier: { code: "house", has_webhook_secret: false } } })
        expect((await transport().webhookSettings("house"))?.secret).toBeNull()
        expect((await ok(api.get("/admin/transport/rate-table", admin.headers))).rate_table.carriers[0].has_webhook_secret).toBe(false)
      })

      it("refuses short or missing secrets (400) and unknown carriers (404)", async () => {
        const short = await setSecret("house", { secret: "too-short" })
        expectClientError(short, "a short secret")
        expect(short.status).toBe(400)
        expect(short.data.message).toMatch(/secret.*16/)
        expect(JSON.stringify(short.data)).not.toContain("too-short")
        expect((await setSecret("house", {})).status).toBe(400)
        expect((await setSecret("house", { secret: 1234567890123456 })).status).toBe(400)
        const unknown = await setSecret("pigeon", { secret: SECRET })
        expect(unknown.status).toBe(404)
        expect(unknown.data.message).toContain('Carrier "pigeon" does not exist')
      })
    })

    describe("shipments", () => {
      let shipment: { id: string; tracking_number: string; pdf: Buffer; fileId: string }

      // The runner restores the database before every test, so each test books its own parcels.
      beforeEach(async () => {
        await transport().replaceRateTable(DEMO_RATE_TABLE)
        // What the fulfillment provider does when it books a parcel (transport-fulfillment/book.ts).
        const booked = await new HouseCarrier().createShipment({
          reference: "ful_test_1",
          order_display_id: 1001,
          service_level_code: "standard",
          service_level_name: "Standard",
          is_return: false,
          from: BERLIN_WAREHOUSE,
          to: CUSTOMER,
          weight_g: 900,
          items: [{ title: "Mug", sku: "MUG-1", quantity: 1 }],
          tracking_url_template: DEMO_RATE_TABLE.carriers[0].tracking_url_template,
        })
        const file = await getContainer()
          .resolve(Modules.FILE)
          .createFiles({ filename: `label-${booked.tracking_number}.pdf`, mimeType: "application/pdf", content: booked.label_pdf.toString("base64"), access: "private" })
        const id = generateEntityId(undefined, "tshp")
        await transport().createTransportShipments([
          {
            id,
            fulfillment_id: "ful_test_1",
            order_id: "order_test_1",
            carrier_code: "house",
            service_level_code: "standard",
            tracking_number: booked.tracking_number,
            tracking_url: booked.tracking_url,
            label_file_id: file.id,
            label_url: `/admin/transport/shipments/${id}/label`,
            weight_g: 900,
          },
          {
            fulfillment_id: "ful_test_2",
            order_id: "order_test_2",
            carrier_code: "house",
            service_level_code: "express",
            tracking_number: "EH000000000DE",
            tracking_url: "https://track.example.com/house/EH000000000DE",
            weight_g: 300,
          },
        ])
        // Webhooks arrive out of order: the timeline follows the carrier's clock.
        const at = (minutes: number) => new Date(Date.UTC(2026, 11, 1, 8, minutes))
        const scan = (event_id: string, status: "in_transit" | "out_for_delivery" | "failed_delivery", minutes: number, description: string) => ({
          event_id,
          tracking_number: booked.tracking_number,
          status,
          description,
          location: "Berlin",
          occurred_at: at(minutes),
        })
        await transport().recordTrackingUpdates("house", [
          scan("ev_2", "out_for_delivery", 20, "Out for delivery"),
          scan("ev_1", "in_transit", 10, "Parcel accepted at depot"),
          scan("ev_3", "failed_delivery", 30, "Recipient not at home"),
        ])
        shipment = { fileId: file.id, id, tracking_number: booked.tracking_number, pdf: booked.label_pdf }
      })

      // Each test's label is a real file in the File Module's storage: leave none behind.
      afterEach(async () => {
        if (shipment) await getContainer().resolve(Modules.FILE).deleteFiles(shipment.fileId)
      })

      const expectedShipment = () => ({
        id: shipment.id,
        order_id: "order_test_1",
        fulfillment_id: "ful_test_1",
        carrier_code: "house",
        service_level_code: "standard",
        tracking_number: shipment.tracking_number,
        tracking_url: `https://track.example.com/house/${shipment.tracking_number}`,
        label_url: `/admin/transport/shipments/${shipment.id}/label`,
        has_label: true,
        status: "exception",
        exception: "Recipient not at home",
        events: [
          expect.objectContaining({ status: "in_transit", description: "Parcel accepted at depot", location: "Berlin" }),
          expect.objectContaining({ status: "out_for_delivery", description: "Out for delivery" }),
          expect.objectContaining({ status: "failed_delivery", description: "Recipient not at home" }),
        ],
      })

      it("lists an order's shipments with their timeline oldest first", async () => {
        const page = await ok<{ shipments: Shipment[]; count: number }>(api.get("/admin/transport/shipments?order_id=order_test_1", admin.headers))
        expect(page.count).toBe(1)
        expect(page.shipments[0]).toMatchObject(expectedShipment())
        expect(page.shipments[0]).not.toHaveProperty("label_file_id")

        const byFulfillment = await ok(api.get("/admin/transport/shipments?fulfillment_id=ful_test_2", admin.headers))
        expect(byFulfillment.shipments.map((s: Shipment) => [s.tracking_number, s.has_label, s.events])).toEqual([["EH000000000DE", false, []]])

        const all = await ok(api.get("/admin/transport/shipments?limit=1&offset=1", admin.headers))
        expect({ count: all.count, listed: all.shipments.length, limit: all.limit, offset: all.offset }).toEqual({ count: 2, listed: 1, limit: 1, offset: 1 })
        expect((await ok(api.get("/admin/transport/shipments?order_id=order_unknown", admin.headers))).shipments).toEqual([])
      })

      it("shows one shipment with its timeline", async () => {
        const { shipment: detail } = await ok<{ shipment: Shipment }>(api.get(`/admin/transport/shipments/${shipment.id}`, admin.headers))
        expect(detail).toMatchObject(expectedShipment())
        expect((await attempt(api.get("/admin/transport/shipments/tshp_unknown", admin.headers))).status).toBe(404)
      })

      it("serves the label as the PDF the carrier made", async () => {
        const label = await api.get(`/admin/transport/shipments/${shipment.id}/label`, { ...admin.headers, responseType: "arraybuffer" })
        expect(label.status).toBe(200)
        expect(label.headers["content-type"]).toBe("application/pdf")
        expect(label.headers["content-disposition"]).toBe(`inline; filename="label-${shipment.tracking_number}.pdf"`)
        const body = Buffer.from(label.data)
        expect(body.subarray(0, 5).toString("latin1")).toBe("%PDF-")
        expect(body.equals(shipment.pdf)).toBe(true)

        const unknown = await attempt(api.get("/admin/transport/shipments/tshp_unknown/label", admin.headers))
        expect(unknown.status).toBe(404)
        const [unlabeled] = await transport().listTransportShipments({ fulfillment_id: "ful_test_2" })
        const none = await attempt(api.get(`/admin/transport/shipments/${unlabeled.id}/label`, admin.headers))
        expect(none.status).toBe(404)
        expect(none.data.message).toContain("has no label")
      })

      it("refuses bad paging with a 400", async () => {
        for (const query of ["limit=0", "limit=1000", "offset=-1", "limit=abc", "colour=red"]) {
          const answer = await attempt(api.get(`/admin/transport/shipments?${query}`, admin.headers))
          expectClientError(answer, query)
          expect({ query, status: answer.status }).toEqual({ query, status: 400 })
        }
      })
    })

    it("refuses every transport admin route without an admin login (401)", async () => {
      const calls: [string, () => Promise<HttpResult>][] = [
        ["GET rate table", () => attempt(api.get("/admin/transport/rate-table"))],
        ["PUT rate table", () => attempt(api.put("/admin/transport/rate-table", DEMO_RATE_TABLE))],
        ["POST webhook secret", () => attempt(api.post("/admin/transport/carriers/house/webhook-secret", { secret: SECRET }))],
        ["GET shipments", () => attempt(api.get("/admin/transport/shipments"))],
        ["GET shipment", () => attempt(api.get("/admin/transport/shipments/tshp_x"))],
        ["GET label", () => attempt(api.get("/admin/transport/shipments/tshp_x/label"))],
        ["GET label with a bad token", () => attempt(api.get("/admin/transport/shipments/tshp_x/label", { headers: { authorization: "Bearer nope" } }))],
      ]
      for (const [label, call] of calls) {
        const answer = await call()
        expect({ label, status: answer.status }).toEqual({ label, status: 401 })
      }
    })
  },
})
