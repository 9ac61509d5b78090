import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import reconcileStockLedgerJob from "../../../src/jobs/reconcile-stock-ledger"
import { STOCK_LEDGER_MODULE } from "../../../src/modules/stock-ledger"
import type StockLedgerModuleService from "../../../src/modules/stock-ledger/service"
import { expectClientError } from "../../helpers/bad-inputs"
import { placeOrder } from "../../helpers/cart"
import { signUp } from "../../helpers/customer"
import { attempt, ok, type Api } from "../../helpers/http"
import { seedStore, type StoreFixture } from "../../helpers/store-fixture"

jest.setTimeout(180_000)
delete process.env.REDIS_URL

type Alert = {
  id: string
  kind: "low_stock" | "out_of_stock"
  available_quantity: number
  threshold: number
  created_at: string
  resolved_at: string | null
  inventory_item: { id: string; sku: string | null; title: string | null }
  location: { id: string; name: string | null }
}
type AlertPage = { alerts: Alert[]; count: number; limit: number; offset: number }
type StockEvent = { name: string; data: { id: string; inventory_item_id: string; location_id: string; available_quantity: number; threshold: number } }

medusaIntegrationTestRunner({
  testSuite: ({ api: rawApi, getContainer, utils }) => {
    const api = rawApi as Api
    let f: StoreFixture
    const events: StockEvent[] = []

    beforeAll(async () => {
      f = await seedStore(getContainer(), api)
      await utils.waitWorkflowExecutions()
      const eventBus = getContainer().resolve(Modules.EVENT_BUS)
      for (const name of ["inventory.low_stock", "inventory.out_of_stock"]) {
        eventBus.subscribe(
          name,
          async (event) => {
            events.push({ name, data: event.data as StockEvent["data"] })
          },
          { subscriberId: `test-${name}` }
        )
      }
    })
    beforeEach(() => {
      events.length = 0
    })

    const socks = () => f.otherProduct.variants[0]
    const setStocked = (itemId: string, stocked: number) =>
      ok(api.post(`/admin/inventory-items/${itemId}/location-levels/${f.shipping.stockLocation.id}`, { stocked_quantity: stocked }, f.admin.headers))
    const alertsOf = async (itemId: string, status = "all") =>
      (await ok<AlertPage>(api.get(`/admin/low-stock?inventory_item_id=${itemId}&status=${status}&limit=100`, f.admin.headers))).alerts
    const eventsOf = (itemId: string, name: string) => events.filter((e) => e.name === name && e.data.inventory_item_id === itemId)

    /** Alerts are raised by subscribers, asynchronously: wait (bounded) until `done` holds. */
    async function settle(done: () => Promise<boolean> | boolean) {
      for (let i = 0; i < 40; i++) {
        await utils.waitWorkflowExecutions()
        if (await done()) return
        await new Promise((resolve) => setTimeout(resolve, 250))
      }
    }
    /** Lets every subscriber triggered so far finish, for "nothing more happened" checks. */
    async function quiet(itemId: string) {
      let last = -1
      await settle(async () => {
        const now = (await alertsOf(itemId)).length + events.length
        const stable = now === last
        last = now
        return stable
      })
    }

    describe("low-stock alerts", () => {
      it("falling to the threshold raises inventory.low_stock once; orders while low stay quiet; it fires again only after recovering; zero raises inventory.out_of_stock", async () => {
        const item = socks().inventoryItemId
        await setStocked(item, 6) // 6 available, default threshold 5: not low
        await quiet(item)
        expect(await alertsOf(item)).toEqual([])

        await setStocked(item, 5)
        await settle(() => eventsOf(item, "inventory.low_stock").length === 1)
        expect(eventsOf(item, "inventory.low_stock")).toHaveLength(1)
        expect(eventsOf(item, "inventory.low_stock")[0].data).toMatchObject({
          inventory_item_id: item,
          location_id: f.shipping.stockLocation.id,
          available_quantity: 5,
          threshold: 5,
        })

        // An order while low: still one open alert, no second event.
        const shopper = await signUp(api, f.storefront.publishableKey)
        await placeOrder(api, f, shopper, [{ variantId: socks().id, quantity: 1 }])
        await quiet(item)
        expect(eventsOf(item, "inventory.low_stock")).toHaveLength(1)
        const open = await alertsOf(item, "open")
        expect(open).toHaveLength(1)
        expect(open[0]).toMatchObject({
          kind: "low_stock",
          available_quantity: 5,
          resolved_at: null,
          inventory_item: { id: item, sku: socks().sku },
          location: { id: f.shipping.stockLocation.id, name: f.shipping.stockLocation.name },
        })

        // Restocked above the threshold: resolved. Falling again: a second crossing, a second event.
        await setStocked(item, 30)
        await settle(async () => (await alertsOf(item, "open")).length === 0)
        expect(await alertsOf(item, "open")).toEqual([])
        await setStocked(item, 3) // 1 reserved → 2 available
        await settle(() => eventsOf(item, "inventory.low_stock").length === 2)
        expect(eventsOf(item, "inventory.low_stock")).toHaveLength(2)
        expect(eventsOf(item, "inventory.out_of_stock")).toHaveLength(0)

        await setStocked(item, 1) // 1 reserved → 0 available
        await settle(() => eventsOf(item, "inventory.out_of_stock").length === 1)
        expect(eventsOf(item, "inventory.out_of_stock")).toHaveLength(1)
        expect((await alertsOf(item, "open")).map((a) => a.kind).sort()).toEqual(["low_stock", "out_of_stock"])
        const resolved = await alertsOf(item, "resolved")
        expect(resolved).toHaveLength(1)
        expect(resolved[0].resolved_at).not.toBeNull()

        // The default listing is what is low right now, across items, with kind filters.
        const outOfStock = await ok<AlertPage>(api.get("/admin/low-stock?kind=out_of_stock", f.admin.headers))
        expect(outOfStock.alerts.map((a) => a.inventory_item.id)).toContain(item)
        expect(outOfStock.alerts.every((a) => a.kind === "out_of_stock" && a.resolved_at === null)).toBe(true)
      })

      it("an item's own threshold overrides the default and takes effect at once; null goes back to the default", async () => {
        const item = socks().inventoryItemId
        await setStocked(item, 8)
        await quiet(item)
        expect(await alertsOf(item, "open")).toEqual([])

        const initial = await ok(api.get(`/admin/inventory-items/${item}/low-stock-threshold`, f.admin.headers))
        expect(initial.low_stock_threshold).toEqual({ inventory_item_id: item, threshold: 5, is_default: true })

        const set = await ok(api.post(`/admin/inventory-items/${item}/low-stock-threshold`, { threshold: 10 }, f.admin.headers))
        expect(set.low_stock_threshold).toEqual({ inventory_item_id: item, threshold: 10, is_default: false })
        await settle(() => eventsOf(item, "inventory.low_stock").length === 1)
        expect(eventsOf(item, "inventory.low_stock")[0].data).toMatchObject({ available_quantity: 8, threshold: 10 })
        expect(await alertsOf(item, "open")).toHaveLength(1)

        const reset = await ok(api.post(`/admin/inventory-items/${item}/low-stock-threshold`, { threshold: null }, f.admin.headers))
        expect(reset.low_stock_threshold).toEqual({ inventory_item_id: item, threshold: 5, is_default: true })
        expect(await alertsOf(item, "open")).toEqual([])
      })

      it("the reconcile job catches up levels whose events were lost: the ledger sums to the level again and the alerts open", async () => {
        const item = socks().inventoryItemId
        const locationId = f.shipping.stockLocation.id
        await setStocked(item, 2)
        await settle(() => eventsOf(item, "inventory.low_stock").length === 1)
        // Lose the history: as if the process had stopped before its subscribers ran.
        const ledger = getContainer().resolve<StockLedgerModuleService>(STOCK_LEDGER_MODULE)
        const lost = await ledger.listStockMovements({ inventory_item_id: item })
        await ledger.deleteStockMovements(lost.map((m) => m.id))
        const alerts = await ledger.listStockAlerts({ inventory_item_id: item })
        await ledger.deleteStockAlerts(alerts.map((a) => a.id))
        events.length = 0

        await reconcileStockLedgerJob(getContainer())

        const movements = await ledger.listStockMovements({ inventory_item_id: item, location_id: locationId })
        expect(movements).toHaveLength(1)
        expect(movements[0]).toMatchObject({ stocked_quantity: 2, reserved_quantity: 0, stocked_delta: 2 })
        expect((await alertsOf(item, "open")).map((a) => a.kind)).toEqual(["low_stock"])
        expect(eventsOf(item, "inventory.low_stock")).toHaveLength(1)

        // Nothing left to catch up: a second run records nothing.
        await reconcileStockLedgerJob(getContainer())
        expect(await ledger.listStockMovements({ inventory_item_id: item, location_id: locationId })).toHaveLength(1)
      })

      it("answers bad input with a 400 naming the problem, unknown items with 404 and strangers with 401", async () => {
        const item = socks().inventoryItemId
        for (const query of ["status=bogus", "kind=gone", "limit=0", "limit=1000", "offset=-1", "surprise=1"]) {
          expectClientError(await attempt(api.get(`/admin/low-stock?${query}`, f.admin.headers)), `GET /admin/low-stock?${query}`)
        }
        for (const body of [{}, { threshold: -1 }, { threshold: "ten" }, { threshold: 1.5 }, { threshold: 3, extra: true }]) {
          expectClientError(
            await attempt(api.post(`/admin/inventory-items/${item}/low-stock-threshold`, body, f.admin.headers)),
            `threshold body ${JSON.stringify(body)}`
          )
        }
        const unknown = await attempt(api.post(`/admin/inventory-items/iitem_missing/low-stock-threshold`, { threshold: 3 }, f.admin.headers))
        expect(unknown.status).toBe(404)
        expect((await attempt(api.get(`/admin/inventory-items/iitem_missing/low-stock-threshold`, f.admin.headers))).status).toBe(404)
        expect((await attempt(api.get("/admin/low-stock"))).status).toBe(401)
        expect((await attempt(api.post(`/admin/inventory-items/${item}/low-stock-threshold`, { threshold: 3 }))).status).toBe(401)
      })
    })
  },
})
