import type { MedusaSuiteOptions } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { STOCK_HOLD_MODULE } from "../../src/modules/stock-hold"
import type StockHoldModuleService from "../../src/modules/stock-hold/service"
import { createReadyCart, prepareCart, shopperHeaders, type CartLine, type StoreCart } from "./cart"
import { attempt, ok, uniqueSuffix, type Api, type HttpResult } from "./http"
import { levelAtLocation } from "./inventory"
import { createBundleProduct, createProductWithStock, type SeededBundle, type SeededProduct } from "./product"
import { seedStore, type StoreFixture } from "./store-fixture"

/** Ready carts raced in one burst; the bench runs the full-size version (N=200) against vanilla Medusa. */
const RACERS = 40
const UNITS = 5

type Completion = HttpResult<{ type?: string; order?: { id: string }; message?: string; type_?: string }>

/**
 * Flash sale and bundle safety of cart completion, over HTTP: many shoppers completing at once
 * for a few units, and carts whose lines share one inventory item. Pass the result to
 * `medusaIntegrationTestRunner({ testSuite })`; the Redis spec runs the same suite.
 */
export function flashSaleSuite(title: string) {
  return (options: MedusaSuiteOptions): void => {
    const api = options.api as Api
    let seeded: { store: StoreFixture; sneaker: SeededProduct; bundle: SeededBundle } | undefined
    const fixture = () => {
      if (!seeded) throw new Error("the flash-sale fixture was not seeded (see the beforeAll error above)")
      return seeded
    }

    const buyer = () => ({ email: `flash-${uniqueSuffix()}@shopper.test` })
    const complete = (store: StoreFixture, cart: StoreCart): Promise<Completion> =>
      attempt(api.post(`/store/carts/${cart.id}/complete`, {}, shopperHeaders(store)))
    const readyCarts = async (store: StoreFixture, count: number, lines: CartLine[]) => {
      const carts: StoreCart[] = []
      // Four at a time: preparing is not what is under test, completing is.
      for (let i = 0; i < count; i += 4) {
        const batch = Array.from({ length: Math.min(4, count - i) }, () => createReadyCart(api, store, buyer(), lines))
        carts.push(...(await Promise.all(batch)))
      }
      return carts
    }
    const setStock = async (store: StoreFixture, inventoryItemId: string, stocked: number) => {
      await ok(
        api.post(
          `/admin/inventory-items/${inventoryItemId}/location-levels/${store.shipping.stockLocation.id}`,
          { stocked_quantity: stocked },
          store.admin.headers
        )
      )
    }
    const reservationsOf = async (store: StoreFixture, inventoryItemId: string) => {
      const { reservations } = await ok<{ reservations: { quantity: number; line_item_id: string | null }[] }>(
        api.get(`/admin/reservations?inventory_item_id=${inventoryItemId}&limit=1000`, store.admin.headers)
      )
      return reservations
    }
    const ordersFor = async (emails: string[]) => {
      const { data } = await options.getContainer().resolve(ContainerRegistrationKeys.QUERY).graph({
        entity: "order",
        fields: ["id", "email"],
        filters: { email: emails },
      })
      return data
    }
    const liveHolds = () => options.getContainer().resolve<StockHoldModuleService>(STOCK_HOLD_MODULE).listStockHolds({})

    describe(title, () => {
      beforeAll(async () => {
        const store = await seedStore(options.getContainer(), api)
        const common = {
          salesChannelId: store.storefront.salesChannel.id,
          shippingProfileId: store.shipping.shippingProfile.id,
          stockLocationId: store.shipping.stockLocation.id,
          currencyCode: "eur",
        }
        const sneaker = await createProductWithStock(options.getContainer(), {
          ...common,
          title: "Limited sneaker",
          variants: [{ size: "42", price: 120, stock: UNITS }],
        })
        const bundle = await createBundleProduct(options.getContainer(), { ...common, title: "Tennis balls", stock: 5 })
        seeded = { store, sneaker, bundle }
        await options.utils.waitWorkflowExecutions()
      })

      it(`${RACERS} shoppers complete at once for ${UNITS} units: exactly ${UNITS} orders, every other shopper is told it sold out, nothing is left behind`, async () => {
        const { store, sneaker } = fixture()
        const variant = sneaker.variants[0]
        const carts = await readyCarts(store, RACERS, [{ variantId: variant.id, quantity: 1 }])

        const answers = await Promise.all(carts.map((cart) => complete(store, cart)))

        const winners = carts.filter((_, i) => answers[i].status === 200 && answers[i].data.type === "order")
        const losers = carts.filter((_, i) => !(answers[i].status === 200 && answers[i].data.type === "order"))
        expect(winners).toHaveLength(UNITS)
        // Every loser: a 400 naming the product; no 500, no 409 inviting a retry, no 200 "cart" with an error.
        const refusals = answers.filter((a) => !(a.status === 200 && a.data.type === "order"))
        expect(refusals.map((a) => a.status)).toEqual(Array(RACERS - UNITS).fill(400))
        for (const refusal of refusals) {
          expect(refusal.data.message).toBe("out of stock: Limited sneaker (42)")
        }

        // Stock: exactly UNITS reserved, by the winners' orders, and the level agrees with the reservations.
        const level = await levelAtLocation(api, store, variant.inventoryItemId)
        expect(level).toMatchObject({ stocked_quantity: UNITS, reserved_quantity: UNITS, available_quantity: 0 })
        const reservations = await reservationsOf(store, variant.inventoryItemId)
        expect(reservations.reduce((sum, r) => sum + Number(r.quantity), 0)).toBe(UNITS)

        // No order for a loser, and a loser's payment was never authorized or captured.
        expect(await ordersFor(losers.map((c) => c.email!))).toEqual([])
        expect((await ordersFor(winners.map((c) => c.email!))).length).toBe(UNITS)
        const { data: loserCarts } = await options.getContainer().resolve(ContainerRegistrationKeys.QUERY).graph({
          entity: "cart",
          fields: ["id", "completed_at", "payment_collection.payments.id", "payment_collection.payment_sessions.status"],
          filters: { id: losers.map((c) => c.id) },
        })
        expect(loserCarts).toHaveLength(RACERS - UNITS)
        for (const cart of loserCarts) {
          expect(cart.completed_at).toBeNull()
          expect(cart.payment_collection.payments ?? []).toEqual([])
          expect(cart.payment_collection.payment_sessions.map((s: { status: string }) => s.status)).toEqual(["pending"])
        }
        // Holds only live while a checkout is in flight.
        expect(await liveHolds()).toEqual([])
      })

      it("a cart whose two lines together need more of one inventory item than is stocked is refused, and nothing is reserved", async () => {
        const { store, bundle } = fixture()
        // 2 packs (4 units) + 2 singles (2 units) = 6 units, while 6 are stocked...
        await setStock(store, bundle.inventoryItemId, 6)
        const cart = await createReadyCart(api, store, buyer(), [
          { variantId: bundle.pack.id, quantity: 2 },
          { variantId: bundle.single.id, quantity: 2 },
        ])
        // ...then the warehouse counts only 5. Each line alone (4, 2) still fits; Medusa 2.21 checks lines one by one.
        await setStock(store, bundle.inventoryItemId, 5)

        const answer = await complete(store, cart)
        expect(answer.status).toBe(400)
        expect(answer.data.message).toBe("out of stock: Tennis balls (Pack of 2), Tennis balls (Single) (only 5 left)")
        const level = await levelAtLocation(api, store, bundle.inventoryItemId)
        expect(level).toMatchObject({ stocked_quantity: 5, reserved_quantity: 0 })
        expect(await ordersFor([cart.email!])).toEqual([])
      })

      it("bundle carts racing for a shared inventory item never take more units than stocked", async () => {
        const { store, bundle } = fixture()
        await setStock(store, bundle.inventoryItemId, 7)
        // Each cart needs 3 units (a pack of 2 and a single): 7 units serve two carts, not three.
        const carts = await readyCarts(store, 12, [
          { variantId: bundle.pack.id, quantity: 1 },
          { variantId: bundle.single.id, quantity: 1 },
        ])
        const answers = await Promise.all(carts.map((cart) => complete(store, cart)))

        const orders = answers.filter((a) => a.status === 200 && a.data.type === "order")
        expect(orders).toHaveLength(2)
        expect(answers.filter((a) => a.status === 400)).toHaveLength(10)
        const level = await levelAtLocation(api, store, bundle.inventoryItemId)
        expect(level).toMatchObject({ stocked_quantity: 7, reserved_quantity: 6, available_quantity: 1 })
      })

      it("add-to-cart and quantity changes refuse more than the sales channel has, counting the cart's other lines of the same item", async () => {
        const { store, bundle, sneaker } = fixture()
        const headers = shopperHeaders(store)
        const { cart } = await ok<{ cart: StoreCart }>(api.post("/store/carts", { region_id: store.region.id }, headers))

        const tooMany = await attempt(
          api.post(`/store/carts/${cart.id}/line-items`, { variant_id: sneaker.variants[0].id, quantity: UNITS + 1 }, headers)
        )
        expect(tooMany.status).toBe(400)
        expect(tooMany.data.message).toBe(`out of stock: Limited sneaker (42) (only ${UNITS} left)`)

        // 2 packs take 4 of the 5 units; one more pack (2 units) does not fit, one single does.
        await ok(api.post(`/store/carts/${cart.id}/line-items`, { variant_id: bundle.pack.id, quantity: 2 }, headers))
        const pack = await attempt(api.post(`/store/carts/${cart.id}/line-items`, { variant_id: bundle.single.id, quantity: 2 }, headers))
        expect(pack.status).toBe(400)
        expect(pack.data.message).toMatch(/^out of stock: Tennis balls \(Single\)/)
        const { cart: withSingle } = await ok<{ cart: StoreCart }>(
          api.post(`/store/carts/${cart.id}/line-items`, { variant_id: bundle.single.id, quantity: 1 }, headers)
        )
        const single = withSingle.items.find((i) => i.variant_id === bundle.single.id)!
        const packLine = withSingle.items.find((i) => i.variant_id === bundle.pack.id)!

        const raise = await attempt(api.post(`/store/carts/${cart.id}/line-items/${single.id}`, { quantity: 2 }, headers))
        expect(raise.status).toBe(400)
        expect(raise.data.message).toMatch(/^out of stock: Tennis balls \(Single\)/)
        // Lowering never needs stock.
        const lower = await attempt(api.post(`/store/carts/${cart.id}/line-items/${packLine.id}`, { quantity: 1 }, headers))
        expect(lower.status).toBe(200)

        // A new cart created with too many units of the shared item at once is refused too.
        const created = await attempt(
          api.post(
            "/store/carts",
            {
              region_id: store.region.id,
              items: [
                { variant_id: bundle.pack.id, quantity: 2 },
                { variant_id: bundle.single.id, quantity: 2 },
              ],
            },
            headers
          )
        )
        expect(created.status).toBe(400)
        expect(created.data.message).toMatch(/^out of stock: Tennis balls/)
      })

      it("a completion that fails after taking its units gives them back: the next shopper buys them", async () => {
        const { store, sneaker } = fixture()
        const variant = sneaker.variants[0]
        await setStock(store, variant.inventoryItemId, 1)
        // No payment session: Medusa refuses this completion after the stock check passed.
        const unpaid = await prepareCart(api, store, buyer(), [{ variantId: variant.id, quantity: 1 }])
        const failed = await complete(store, unpaid)
        expect(failed.status).toBe(400)
        expect(failed.data.message).not.toMatch(/out of stock/)
        expect(await liveHolds()).toEqual([])

        const [cart] = await readyCarts(store, 1, [{ variantId: variant.id, quantity: 1 }])
        const bought = await complete(store, cart)
        expect(bought.status).toBe(200)
        expect(bought.data.type).toBe("order")
      })

      it("completing an already completed cart answers with its order, even once the item sold out", async () => {
        const { store, sneaker } = fixture()
        const variant = sneaker.variants[0]
        await setStock(store, variant.inventoryItemId, 1)
        const [cart] = await readyCarts(store, 1, [{ variantId: variant.id, quantity: 1 }])
        const first = await complete(store, cart)
        expect(first.data.type).toBe("order")

        const again = await complete(store, cart)
        expect(again.status).toBe(200)
        expect(again.data).toMatchObject({ type: "order", order: { id: first.data.order!.id } })
        const level = await levelAtLocation(api, store, variant.inventoryItemId)
        expect(level).toMatchObject({ reserved_quantity: 1 })
      })
    })
  }
}
