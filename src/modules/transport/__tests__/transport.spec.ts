import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { TRANSPORT_MODULE } from ".."
import { DEMO_RATE_TABLE } from "../../../scripts/seed/rate-table"
import type { TrackingUpdate } from "../carriers/types"
import type { RateTable } from "../rates/types"
import type TransportModuleService from "../service"

jest.setTimeout(60_000)

/** The runner's `service` is a proxy that loses `this` state (the table cache); call the module itself. */
function boundService(medusaApp: { modules: Record<string, unknown> }): TransportModuleService {
  return new Proxy({} as TransportModuleService, {
    get: (_, prop) => {
      const instance = medusaApp.modules[TRANSPORT_MODULE] as Record<string | symbol, unknown>
      const value = instance[prop]
      return typeof value === "function" ? value.bind(instance) : value
    },
  })
}

const update = (event_id: string, status: TrackingUpdate["status"], occurred_at: string): TrackingUpdate => ({
  event_id,
  tracking_number: "EH123456785DE",
  status,
  description: status,
  location: "Leipzig",
  occurred_at: new Date(occurred_at),
})

moduleIntegrationTestRunner<TransportModuleService>({
  moduleName: TRANSPORT_MODULE,
  resolve: "./src/modules/transport",
  pathToMigrations: "./src/modules/transport/migrations",
  moduleOptions: { rate_table_ttl_ms: 0 },
  testSuite: ({ medusaApp }) => {
    const service = boundService(medusaApp)

    describe("rate table", () => {
      it("stores the whole document and reads it back as written", async () => {
        const saved = await service.replaceRateTable(DEMO_RATE_TABLE)
        const strip = (table: RateTable) => ({ ...table, carriers: table.carriers.map(({ has_webhook_secret, ...carrier }) => carrier) })
        const sortRates = (table: RateTable) => ({ ...table, rates: [...table.rates].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))) })
        expect(sortRates(strip(saved))).toEqual(
          sortRates({
            ...DEMO_RATE_TABLE,
            carriers: DEMO_RATE_TABLE.carriers.map((carrier) => ({
              ...carrier,
              service_levels: [...carrier.service_levels].sort((a, b) => a.min_days - b.min_days || a.max_days - b.max_days),
            })),
            zones: [...DEMO_RATE_TABLE.zones].sort((a, b) => b.priority - a.priority || a.name.localeCompare(b.name)),
            surcharges: [...DEMO_RATE_TABLE.surcharges].sort((a, b) => a.name.localeCompare(b.name) || a.currency_code.localeCompare(b.currency_code)),
          })
        )
        const quote = await service.quote({ destination: { country_code: "de", postal_code: "80331" }, currency_code: "eur", items: [
          { id: "l1", title: "Shirt", quantity: 1, unit_price: 2000, weight_g: 800, length_cm: null, width_cm: null, height_cm: null, product_type_id: null },
        ] })
        expect(quote.quotes.map((line) => line.amount)).toEqual([490, 990])
      })

      it("refuses an inconsistent table and keeps the one in force", async () => {
        await service.replaceRateTable(DEMO_RATE_TABLE)
        const broken = { ...DEMO_RATE_TABLE, rates: [{ ...DEMO_RATE_TABLE.rates[0], zone_name: "Atlantis" }] }
        await expect(service.replaceRateTable(broken)).rejects.toThrow('A rate names zone "Atlantis", which does not exist.')
        const unknownCarrier = { ...DEMO_RATE_TABLE, carriers: [{ ...DEMO_RATE_TABLE.carriers[0], code: "dhl" }] }
        await expect(service.replaceRateTable(unknownCarrier)).rejects.toThrow('Carrier "dhl" has no adapter installed.')
        expect((await service.getRateTable()).rates).toHaveLength(DEMO_RATE_TABLE.rates.length)
      })

      it("keeps a carrier's webhook secret across table edits and never reads it back", async () => {
        await service.replaceRateTable(DEMO_RATE_TABLE)
        await service.setWebhookSecret("house", "whsec_0123456789abcdef")
        const renamed = { ...DEMO_RATE_TABLE, carriers: [{ ...DEMO_RATE_TABLE.carriers[0], name: "House Express Post" }] }
        const table = await service.replaceRateTable(renamed)
        expect(table.carriers[0]).toMatchObject({ name: "House Express Post", has_webhook_secret: true })
        expect(JSON.stringify(table)).not.toContain("whsec_")
        expect(await service.webhookSettings("house")).toEqual({ secret: "whsec_0123456789abcdef", tolerance_seconds: 300 })
        expect(await service.webhookSettings("nobody")).toBeNull()
      })
    })

    describe("tracking updates", () => {
      it("stores each carrier event once, moves the shipment forward only, and keeps late events in the timeline", async () => {
        const [shipment] = await service.createTransportShipments([
          {
            fulfillment_id: "ful_1",
            order_id: "order_1",
            carrier_code: "house",
            service_level_code: "standard",
            tracking_number: "EH123456785DE",
            tracking_url: "https://track.example.com/house/EH123456785DE",
            weight_g: 800,
          },
        ])
        const scanned = await service.recordTrackingUpdates("house", [update("evt_1", "in_transit", "2026-12-01T08:00:00Z")])
        expect(scanned[0]).toMatchObject({ outcome: "recorded", from: "label_created", to: "in_transit", order_id: "order_1" })

        const replay = await service.recordTrackingUpdates("house", [update("evt_1", "in_transit", "2026-12-01T08:00:00Z")])
        expect(replay[0].outcome).toBe("duplicate")

        await service.recordTrackingUpdates("house", [update("evt_3", "delivered", "2026-12-02T14:00:00Z")])
        const late = await service.recordTrackingUpdates("house", [update("evt_2", "out_for_delivery", "2026-12-02T07:00:00Z")])
        expect(late[0]).toMatchObject({ outcome: "recorded", from: "delivered", to: "delivered" })

        const after = await service.retrieveTransportShipment(shipment.id)
        expect(after).toMatchObject({ status: "delivered" })
        expect(new Date(after.shipped_at!).toISOString()).toBe("2026-12-01T08:00:00.000Z")
        expect(new Date(after.delivered_at!).toISOString()).toBe("2026-12-02T14:00:00.000Z")
        expect(new Date(after.last_event_at!).toISOString()).toBe("2026-12-02T14:00:00.000Z")
        const events = await service.listTransportTrackingEvents({ shipment_id: shipment.id }, { order: { occurred_at: "ASC" } })
        expect(events.map((event) => event.carrier_event_id)).toEqual(["evt_1", "evt_2", "evt_3"])

        // A failed delivery's text stays when an older scan arrives after it.
        const [second] = await service.createTransportShipments([
          {
            fulfillment_id: "ful_2",
            order_id: "order_2",
            carrier_code: "house",
            service_level_code: "standard",
            tracking_number: "EH000000019DE",
            tracking_url: "https://track.example.com/house/EH000000019DE",
            weight_g: 800,
          },
        ])
        const other = (event_id: string, status: TrackingUpdate["status"], at: string, description: string) => ({
          ...update(event_id, status, at),
          tracking_number: "EH000000019DE",
          description,
        })
        await service.recordTrackingUpdates("house", [other("evt_f1", "failed_delivery", "2026-12-01T08:30:00Z", "Nobody home")])
        await service.recordTrackingUpdates("house", [other("evt_f0", "in_transit", "2026-12-01T08:10:00Z", "Accepted at depot")])
        expect(await service.retrieveTransportShipment(second.id)).toMatchObject({ status: "exception", exception: "Nobody home" })

        const unknown = await service.recordTrackingUpdates("house", [{ ...update("evt_9", "in_transit", "2026-12-01T08:00:00Z"), tracking_number: "EH000000000DE" }])
        expect(unknown[0].outcome).toBe("unknown_tracking_number")
        // The same event id from another carrier is another event.
        expect((await service.recordTrackingUpdates("dhl", [update("evt_1", "in_transit", "2026-12-01T08:00:00Z")]))[0].outcome).toBe("unknown_tracking_number")
      })
    })
  },
})
