import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { STOCK_HOLD_MODULE } from ".."
import type StockHoldModuleService from "../service"
import type { LevelReading } from "../service"

jest.setTimeout(60_000)

const item = "iitem_ball"
const location = "sloc_a"
const levels = (stocked: number, reserved = 0) => async (): Promise<LevelReading[]> => [
  { inventory_item_id: item, location_id: location, stocked_quantity: stocked, reserved_quantity: reserved },
]
const demand = (quantity: number, title = "Tennis balls") => ({ inventory_item_id: item, location_id: location, quantity, title })

moduleIntegrationTestRunner<StockHoldModuleService>({
  moduleName: STOCK_HOLD_MODULE,
  resolve: "./src/modules/stock-hold",
  testSuite: ({ service }) => {
    describe("StockHoldModuleService.claim", () => {
      it("sums a cart's lines of one item: two lines that fit alone but not together are refused and nothing is held", async () => {
        const result = await service.claim("cart_1", [demand(4, "Pack of 2"), demand(2, "Single")], levels(5))
        expect(result).toEqual({
          held: false,
          shortages: [expect.objectContaining({ title: "Pack of 2, Single", requested: 6, available: 5 })],
        })
        expect(await service.listStockHolds({})).toEqual([])
      })

      it("counts other carts' holds as taken, so concurrent claims never promise more than the level", async () => {
        const claims = await Promise.all(
          Array.from({ length: 12 }, (_, i) => service.claim(`cart_${i}`, [demand(1)], levels(5)))
        )
        expect(claims.filter((c) => c.held)).toHaveLength(5)
        expect(claims.filter((c) => !c.held).every((c) => c.shortages[0].available === 0)).toBe(true)
        const holds = await service.listStockHolds({ inventory_item_id: item })
        expect(holds.reduce((sum, h) => sum + Number(h.quantity), 0)).toBe(5)
      })

      it("gives units back on release, replaces a cart's own earlier hold, and ignores expired holds", async () => {
        expect((await service.claim("cart_a", [demand(3)], levels(3))).held).toBe(true)
        expect((await service.claim("cart_b", [demand(1)], levels(3))).held).toBe(false)
        // Claiming again for the same cart does not count its own hold against it.
        expect((await service.claim("cart_a", [demand(3)], levels(3))).held).toBe(true)

        expect(await service.release("cart_a")).toBe(1)
        expect((await service.claim("cart_b", [demand(1)], levels(3))).held).toBe(true)

        // A hold past its expiry (its process died mid-checkout) no longer blocks anyone.
        expect((await service.claim("cart_c", [demand(2)], levels(3), -1)).held).toBe(true)
        expect((await service.claim("cart_d", [demand(2)], levels(3))).held).toBe(true)
        expect((await service.heldUnits([item])).get(`${item}\u0000${location}`)).toBe(3)
      })
    })
  },
})
