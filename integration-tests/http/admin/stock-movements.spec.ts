import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { expectClientError } from "../../helpers/bad-inputs"
import { placeOrder } from "../../helpers/cart"
import { signUp } from "../../helpers/customer"
import { attempt, ok, type Api } from "../../helpers/http"
import { levelAtLocation } from "../../helpers/inventory"
import { seedStore, type StoreFixture } from "../../helpers/store-fixture"

jest.setTimeout(180_000)
delete process.env.REDIS_URL

type Movement = {
  id: string
  stocked_delta: number
  reserved_delta: number
  stocked_quantity: number
  reserved_quantity: number
  reason: string
  actor_type: string
  actor_id: string | null
  reference_type: string | null
  reference_id: string | null
  created_at: string
}
type Page = { stock_movements: Movement[]; count: number; limit: number; offset: number }

const sum = (rows: Movement[], key: "stocked_delta" | "reserved_delta") => rows.reduce((total, row) => total + row[key], 0)

medusaIntegrationTestRunner({
  testSuite: ({ api: rawApi, getContainer, utils }) => {
    const api = rawApi as Api
    let f: StoreFixture

    beforeAll(async () => {
      f = await seedStore(getContainer(), api)
      await utils.waitWorkflowExecutions()
    })

    const ledgerUrl = (itemId: string, extra = "") =>
      `/admin/stock-movements?inventory_item_id=${itemId}&location_id=${f.shipping.stockLocation.id}${extra}`

    /**
     * Subscribers record asynchronously: re-read the ledger (bounded) until `done` holds, and
     * return the last page read so a failing expectation shows what the ledger held.
     */
    async function ledgerWhen(itemId: string, done: (rows: Movement[]) => boolean): Promise<Movement[]> {
      let rows: Movement[] = []
      for (let attemptNo = 0; attemptNo < 40; attemptNo++) {
        await utils.waitWorkflowExecutions()
        rows = (await ok<Page>(api.get(ledgerUrl(itemId, "&limit=100"), f.admin.headers))).stock_movements
        if (done(rows)) break
        await new Promise((resolve) => setTimeout(resolve, 250))
      }
      return rows
    }

    /** A shopper orders `quantity` of the variant and the admin ships the whole order from the fixture's location. */
    async function placeAndFulfil(variantId: string, quantity: number) {
      const shopper = await signUp(api, f.storefront.publishableKey)
      const order = await placeOrder(api, f, shopper, [{ variantId, quantity }])
      const { order: detailed } = await ok<{ order: { items: { id: string; quantity: number }[] } }>(
        api.get(`/admin/orders/${order.id}?fields=*items`, f.admin.headers)
      )
      const items = detailed.items.map((i) => ({ id: i.id, quantity: i.quantity }))
      await ok(api.post(`/admin/orders/${order.id}/fulfillments`, { items, location_id: f.shipping.stockLocation.id }, f.admin.headers))
      return { order, items }
    }

    describe("GET /admin/stock-movements", () => {
      it("records an admin adjustment, an order's reservation and its cancellation; the ledger sums to the level", async () => {
        const [variant] = f.product.variants
        const itemId = variant.inventoryItemId
        const locationId = f.shipping.stockLocation.id

        await ok(
          api.post(`/admin/inventory-items/${itemId}/location-levels/${locationId}`, { stocked_quantity: variant.stock + 5 }, f.admin.headers)
        )
        const shopper = await signUp(api, f.storefront.publishableKey)
        const order = await placeOrder(api, f, shopper, [{ variantId: variant.id, quantity: 2 }])
        await ok(api.post(`/admin/orders/${order.id}/cancel`, {}, f.admin.headers))

        const level = await levelAtLocation(api, f, itemId)
        expect(level).toMatchObject({ stocked_quantity: variant.stock + 5, reserved_quantity: 0 })

        const reasonsWanted = ["manual_adjustment", "order_placed", "order_canceled"]
        const rows = await ledgerWhen(
          itemId,
          (r) =>
            sum(r, "stocked_delta") === level?.stocked_quantity &&
            sum(r, "reserved_delta") === level?.reserved_quantity &&
            reasonsWanted.every((reason) => r.some((row) => row.reason === reason))
        )

        expect({ stocked: sum(rows, "stocked_delta"), reserved: sum(rows, "reserved_delta") }).toEqual({
          stocked: level?.stocked_quantity,
          reserved: level?.reserved_quantity,
        })
        // Newest first, each entry's resulting quantities continuing from the one before it.
        const oldestFirst = [...rows].reverse()
        oldestFirst.reduce((previous, row) => {
          expect(row.stocked_quantity).toBe(previous.stocked + row.stocked_delta)
          expect(row.reserved_quantity).toBe(previous.reserved + row.reserved_delta)
          return { stocked: row.stocked_quantity, reserved: row.reserved_quantity }
        }, { stocked: 0, reserved: 0 })
        expect(rows[0]).toMatchObject({ stocked_quantity: level?.stocked_quantity, reserved_quantity: level?.reserved_quantity })

        expect(rows).toEqual(
          expect.arrayContaining([
            expect.objectContaining({ reason: "manual_adjustment", stocked_delta: 5, reserved_delta: 0, actor_type: "user", actor_id: f.admin.user.id }),
            expect.objectContaining({
              reason: "order_placed",
              stocked_delta: 0,
              reserved_delta: 2,
              actor_type: "customer",
              actor_id: shopper.customer.id,
              reference_type: "order",
              reference_id: order.id,
            }),
            expect.objectContaining({
              reason: "order_canceled",
              stocked_delta: 0,
              reserved_delta: -2,
              actor_type: "user",
              actor_id: f.admin.user.id,
              reference_type: "order",
              reference_id: order.id,
            }),
          ])
        )

        const firstPage = await ok<Page>(api.get(ledgerUrl(itemId, "&limit=1&offset=1"), f.admin.headers))
        expect(firstPage).toMatchObject({ count: rows.length, limit: 1, offset: 1 })
        expect(firstPage.stock_movements.map((m) => m.id)).toEqual([rows[1].id])
      })

      it("records a fulfilment as stock leaving and its reservation released, in one entry", async () => {
        const [, variant] = f.product.variants
        const { order } = await placeAndFulfil(variant.id, 1)

        const level = await levelAtLocation(api, f, variant.inventoryItemId)
        expect(level).toMatchObject({ stocked_quantity: variant.stock - 1, reserved_quantity: 0 })
        const rows = await ledgerWhen(variant.inventoryItemId, (r) => r.some((row) => row.reason === "fulfillment_shipped"))
        expect(rows[0]).toMatchObject({
          reason: "fulfillment_shipped",
          stocked_delta: -1,
          reserved_delta: -1,
          stocked_quantity: level?.stocked_quantity,
          reserved_quantity: 0,
          reference_type: "order",
          reference_id: order.id,
        })
        expect({ stocked: sum(rows, "stocked_delta"), reserved: sum(rows, "reserved_delta") }).toEqual({
          stocked: level?.stocked_quantity,
          reserved: level?.reserved_quantity,
        })
      })

      it("records a received return as stock coming back, by the admin who received it, referring to the return", async () => {
        const [, variant] = f.product.variants
        const locationId = f.shipping.stockLocation.id
        const { order, items } = await placeAndFulfil(variant.id, 1)

        // Medusa's admin return flow: open, request the item, receive it, confirm.
        const { return: opened } = await ok<{ return: { id: string } }>(
          api.post("/admin/returns", { order_id: order.id, location_id: locationId }, f.admin.headers)
        )
        await ok(api.post(`/admin/returns/${opened.id}/request-items`, { items }, f.admin.headers))
        await ok(api.post(`/admin/returns/${opened.id}/request`, {}, f.admin.headers))
        await ok(api.post(`/admin/returns/${opened.id}/receive`, {}, f.admin.headers))
        await ok(api.post(`/admin/returns/${opened.id}/receive-items`, { items }, f.admin.headers))
        await ok(api.post(`/admin/returns/${opened.id}/receive/confirm`, {}, f.admin.headers))

        const level = await levelAtLocation(api, f, variant.inventoryItemId)
        expect(level).toMatchObject({ stocked_quantity: variant.stock, reserved_quantity: 0 })
        const rows = await ledgerWhen(variant.inventoryItemId, (r) => r.some((row) => row.reason === "return_received"))
        expect(rows[0]).toMatchObject({
          reason: "return_received",
          stocked_delta: 1,
          reserved_delta: 0,
          stocked_quantity: variant.stock,
          actor_type: "user",
          actor_id: f.admin.user.id,
          reference_type: "return",
          reference_id: opened.id,
        })
        expect({ stocked: sum(rows, "stocked_delta"), reserved: sum(rows, "reserved_delta") }).toEqual({
          stocked: level?.stocked_quantity,
          reserved: level?.reserved_quantity,
        })
      })

      it("records batch level edits, of one item or of many, as manual adjustments by the admin", async () => {
        const [first, second] = f.product.variants
        const locationId = f.shipping.stockLocation.id
        await ok(
          api.post(
            `/admin/inventory-items/${first.inventoryItemId}/location-levels/batch`,
            { update: [{ location_id: locationId, stocked_quantity: first.stock + 3 }] },
            f.admin.headers
          )
        )
        await ok(
          api.post(
            "/admin/inventory-items/location-levels/batch",
            { update: [{ inventory_item_id: second.inventoryItemId, location_id: locationId, stocked_quantity: second.stock + 7 }] },
            f.admin.headers
          )
        )
        for (const [variant, delta] of [[first, 3], [second, 7]] as const) {
          const rows = await ledgerWhen(variant.inventoryItemId, (r) => r.some((row) => row.reason === "manual_adjustment"))
          expect(rows[0]).toMatchObject({
            reason: "manual_adjustment",
            stocked_delta: delta,
            stocked_quantity: variant.stock + delta,
            actor_type: "user",
            actor_id: f.admin.user.id,
          })
        }
      })

      it.each([
        ["no inventory_item_id", "/admin/stock-movements?limit=10"],
        ["limit=1000", "/admin/stock-movements?inventory_item_id=iitem_1&limit=1000"],
        ["limit=abc", "/admin/stock-movements?inventory_item_id=iitem_1&limit=abc"],
        ["offset=-1", "/admin/stock-movements?inventory_item_id=iitem_1&offset=-1"],
      ])("answers 400 with a message for %s", async (label, url) => {
        const answer = await attempt(api.get(url, f.admin.headers))
        expect(answer.status).toBe(400)
        expectClientError(answer, label)
      })

      it("answers 401 without an admin session", async () => {
        const answer = await attempt(api.get(`/admin/stock-movements?inventory_item_id=${f.product.variants[0].inventoryItemId}`))
        expect(answer.status).toBe(401)
      })
    })
  },
})
