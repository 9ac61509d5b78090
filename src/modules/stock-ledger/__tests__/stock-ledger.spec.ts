import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { STOCK_LEDGER_MODULE } from ".."
import type StockLedgerModuleService from "../service"

jest.setTimeout(60_000)

const pair = { inventory_item_id: "iitem_test", location_id: "sloc_test" }
const level = (stocked: number, reserved: number) => ({ ...pair, stocked_quantity: stocked, reserved_quantity: reserved })

moduleIntegrationTestRunner<StockLedgerModuleService>({
  moduleName: STOCK_LEDGER_MODULE,
  resolve: "./src/modules/stock-ledger",
  testSuite: ({ service }) => {
    describe("StockLedgerModuleService.recordLevel", () => {
      it("records each change as the difference to the last entry, and nothing when the level did not move", async () => {
        const first = await service.recordLevel(level(10, 0))
        expect(first).toMatchObject({ stocked_delta: 10, reserved_delta: 0, stocked_quantity: 10, reason: "other", actor_type: "system" })
        expect(first?.id).toMatch(/^stmv_/)

        const second = await service.recordLevel(level(10, 3), async () => ({
          reason: "order_placed",
          actor_type: "customer",
          actor_id: "cus_1",
          reference_type: "order",
          reference_id: "order_1",
        }))
        expect(second).toMatchObject({ stocked_delta: 0, reserved_delta: 3, reason: "order_placed", reference_id: "order_1" })

        expect(await service.recordLevel(level(10, 3))).toBeNull()

        const rows = await service.listStockMovements(pair)
        expect(rows).toHaveLength(2)
      })

      it("asks for the attribution with the delta and the time of the last entry", async () => {
        await service.recordLevel(level(5, 0))
        const attribute = jest.fn(async () => ({}))
        await service.recordLevel(level(2, 1), attribute)
        expect(attribute).toHaveBeenCalledWith(
          expect.objectContaining({ stocked_delta: -3, reserved_delta: 1, since: expect.any(Date) })
        )
      })

      it("keeps separate ledgers per item and location", async () => {
        await service.recordLevel(level(4, 0))
        const other = await service.recordLevel({ ...level(7, 0), location_id: "sloc_other" })
        expect(other).toMatchObject({ stocked_delta: 7 })
      })

      it("serialises concurrent writers of one pair, so no delta is counted twice", async () => {
        // Levels 1..8 written at once: whatever order they land in, each entry continues from
        // the one before, and the deltas sum to the last recorded level.
        await Promise.all([1, 2, 3, 4, 5, 6, 7, 8].map((n) => service.recordLevel(level(n, 0))))
        const rows = await service.listStockMovements(pair, { order: { created_at: "ASC", id: "ASC" } })
        let running = 0
        for (const row of rows) {
          expect(row.stocked_quantity).toBe(running + row.stocked_delta)
          running = row.stocked_quantity
        }
        expect(rows.reduce((total, row) => total + row.stocked_delta, 0)).toBe(rows[rows.length - 1].stocked_quantity)
      })
    })

    describe("adjustment notes", () => {
      it("hands out the newest unexpired note once", async () => {
        await service.noteAdjustment({ ...pair, actor_id: "user_1" })
        const taken = await service.takeAdjustmentIntent(pair.inventory_item_id, pair.location_id)
        expect(taken).toMatchObject({ actor_id: "user_1", actor_type: "user" })
        expect(await service.takeAdjustmentIntent(pair.inventory_item_id, pair.location_id)).toBeNull()
      })

      it("ignores expired and dropped notes", async () => {
        await service.createStockAdjustmentIntents({ ...pair, actor_id: "user_old", expires_at: new Date(Date.now() - 1000) })
        const dropped = await service.noteAdjustment({ ...pair, actor_id: "user_failed" })
        await service.dropAdjustmentIntent(dropped.id)
        expect(await service.takeAdjustmentIntent(pair.inventory_item_id, pair.location_id)).toBeNull()
      })
    })
  },
})
