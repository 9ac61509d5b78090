import type { MedusaSuiteOptions } from "@medusajs/test-utils"
import { STORE_CACHE_MODULE } from "../../src/modules/store-cache"
import type StoreCacheModuleService from "../../src/modules/store-cache/service"
import { placeOrder } from "./cart"
import { signUp, type Shopper } from "./customer"
import { ok, uniqueSuffix, type Api } from "./http"
import { createRegion } from "./region"
import { seedStore, type StoreFixture } from "./store-fixture"

type Read = { status: number; headers: Record<string, string | undefined>; data: any }
type StoreProduct = {
  id: string
  title: string
  variants: { id: string; inventory_quantity?: number; calculated_price?: { calculated_amount: number; currency_code: string } }[]
}

/** Bounded wait for what an event-driven invalidation changes (events are released after the answer). */
async function eventually<T>(probe: () => Promise<T>, done: (value: T) => boolean, what: string): Promise<T> {
  let last: T | undefined
  for (let i = 0; i < 50; i++) {
    last = await probe()
    if (done(last)) return last
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error(`${what}: still ${JSON.stringify(last)?.slice(0, 300)}`)
}

/**
 * The store read cache, as a storefront sees it: anonymous catalogue reads come from the cache
 * with ETag and Cache-Control, every kind of catalogue change shows on the very next read, and
 * nothing customer- or region-specific leaks between requests. The Redis spec runs it too.
 */
export function storeCacheSuite() {
  return ({ api: rawApi, getContainer, utils }: MedusaSuiteOptions): void => {
    const api = rawApi as Api
    let f: StoreFixture

    beforeAll(async () => {
      f = await seedStore(getContainer(), api)
      await utils.waitWorkflowExecutions()
    })
    // The runner rewrites the database behind the app's back before each test (a template
    // restore, no events): as after an offline restore, the cache must start over.
    beforeEach(async () => {
      await getContainer().resolve<StoreCacheModuleService>(STORE_CACHE_MODULE).invalidate("test database restored")
    })

    const read = async (url: string, headers: Record<string, string> = {}): Promise<Read> => {
      const response = await api.get(url, {
        headers: { "x-publishable-api-key": f.storefront.publishableKey, ...headers },
        validateStatus: () => true,
      })
      return { status: response.status, headers: response.headers as Read["headers"], data: response.data }
    }
    const priced = (query = "") => `/store/products?region_id=${f.region.id}&fields=*variants.calculated_price,+variants.inventory_quantity${query}`
    const productIn = (r: Read, id: string): StoreProduct | undefined => (r.data.products as StoreProduct[]).find((p) => p.id === id)
    const shirt = () => f.product.product.id
    const mediumShirt = () => f.product.variants[0]
    const admin = () => f.admin.headers

    describe("anonymous catalogue reads", () => {
      it("are answered from the cache the second time, with the same body, a strong ETag and public Cache-Control", async () => {
        const url = priced(`&q=${uniqueSuffix()}`) // a key no earlier test filled
        const first = await read(url)
        const second = await read(url)
        expect(first.status).toBe(200)
        expect(first.headers["x-emporium-cache"]).toBe("miss")
        expect(second.headers["x-emporium-cache"]).toBe("hit")
        expect(second.data).toEqual(first.data)
        expect(second.headers.etag).toBe(first.headers.etag)
        expect(first.headers.etag).toMatch(/^"[\w-]+"$/)
        expect(first.headers["cache-control"]).toMatch(/^public, max-age=\d+, stale-while-revalidate=\d+$/)
        expect(first.headers.vary).toContain("x-publishable-api-key")
      })

      it("answer 304 without a body when If-None-Match carries the current ETag, 200 when it does not", async () => {
        const url = `/store/products/${shirt()}?region_id=${f.region.id}`
        const { headers } = await read(url)
        const revalidated = await read(url, { "if-none-match": headers.etag! })
        expect(revalidated.status).toBe(304)
        expect(revalidated.data).toBe("")
        expect(revalidated.headers.etag).toBe(headers.etag)
        const other = await read(url, { "if-none-match": '"not-this-one"' })
        expect(other.status).toBe(200)
        expect(other.data.product.id).toBe(shirt())
      })

      it("share an entry whatever the order of the query parameters", async () => {
        const tag = uniqueSuffix()
        await read(`/store/products?limit=5&offset=0&q=${tag}`)
        const reordered = await read(`/store/products?q=${tag}&offset=0&limit=5`)
        expect(reordered.headers["x-emporium-cache"]).toBe("hit")
      })

      it("are kept apart per publishable key: another sales channel never gets this one's catalogue", async () => {
        const url = `/store/products?limit=50`
        const web = await read(url)
        const wholesale = await read(url, { "x-publishable-api-key": f.wholesale.publishableKey })
        const ids = (r: Read) => (r.data.products as StoreProduct[]).map((p) => p.id)
        expect(ids(web)).toContain(shirt())
        expect(ids(web)).not.toContain(f.wholesaleProduct.product.id)
        expect(ids(wholesale)).toEqual([f.wholesaleProduct.product.id])
      })

      it("are kept apart per region: each region gets its own currency and prices", async () => {
        const usa = await createRegion(getContainer(), { name: `US ${uniqueSuffix()}`, currencyCode: "usd", countries: ["us"] })
        await ok(api.post(`/admin/products/${shirt()}/variants/${mediumShirt().id}`, { prices: [{ currency_code: "eur", amount: 25 }, { currency_code: "usd", amount: 29 }] }, admin()))
        const inEurope = await read(`/store/products/${shirt()}?region_id=${f.region.id}&fields=*variants.calculated_price`)
        const inUsa = await read(`/store/products/${shirt()}?region_id=${usa.id}&fields=*variants.calculated_price`)
        const price = (r: Read) => r.data.product.variants.find((v: { id: string }) => v.id === mediumShirt().id).calculated_price
        expect(price(inEurope)).toMatchObject({ currency_code: "eur", calculated_amount: 25 })
        expect(price(inUsa)).toMatchObject({ currency_code: "usd", calculated_amount: 29 })
      })
    })

    describe("a catalogue change shows on the next read", () => {
      const priceOf = (r: Read) => productIn(r, shirt())!.variants.find((v) => v.id === mediumShirt().id)!.calculated_price!.calculated_amount

      it("a price change", async () => {
        await ok(api.post(`/admin/products/${shirt()}/variants/${mediumShirt().id}`, { prices: [{ currency_code: "eur", amount: 25 }] }, admin()))
        expect(priceOf(await read(priced()))).toBe(25)
        expect((await read(priced())).headers["x-emporium-cache"]).toBe("hit")
        await ok(api.post(`/admin/products/${shirt()}/variants/${mediumShirt().id}`, { prices: [{ currency_code: "eur", amount: 19.5 }] }, admin()))
        expect(priceOf(await read(priced()))).toBe(19.5)
      })

      it("a sale price list", async () => {
        await read(priced())
        await ok(api.post(`/admin/price-lists`, { title: `Sale ${uniqueSuffix()}`, description: "Winter sale", type: "sale", status: "active", prices: [{ variant_id: mediumShirt().id, currency_code: "eur", amount: 9 }] }, admin()))
        expect(priceOf(await read(priced()))).toBe(9)
      })

      it("an inventory level change", async () => {
        const quantity = (r: Read) => productIn(r, shirt())!.variants.find((v) => v.id === mediumShirt().id)!.inventory_quantity
        await read(priced())
        await ok(api.post(`/admin/inventory-items/${mediumShirt().inventoryItemId}/location-levels/${f.shipping.stockLocation.id}`, { stocked_quantity: 42 }, admin()))
        expect(quantity(await read(priced()))).toBe(42)
      })

      it("an order, which reserves stock without any admin request: stock is fresh on the next read, and what shows no stock stays cached", async () => {
        const quantity = (r: Read) => productIn(r, shirt())!.variants.find((v) => v.id === mediumShirt().id)!.inventory_quantity
        const levelsUrl = `/store/products/${shirt()}?fields=*variants.inventory_items.inventory.location_levels`
        const available = (r: Read) =>
          (r.data.product.variants.find((v: { id: string }) => v.id === mediumShirt().id).inventory_items as { inventory: { location_levels: { available_quantity: number }[] } }[])
            .flatMap((item) => item.inventory.location_levels)
            .reduce((sum, level) => sum + level.available_quantity, 0)
        const withoutStock = `/store/products?region_id=${f.region.id}&fields=*variants.calculated_price`
        const before = quantity(await read(priced()))!
        const levelsBefore = available(await read(levelsUrl))
        const menuBefore = await read("/store/product-categories")
        const listBefore = await read(withoutStock)

        await placeOrder(api, f, { email: `cache-${uniqueSuffix()}@shopper.test` }, [{ variantId: mediumShirt().id, quantity: 2 }])

        // inventory_quantity (what the Next.js starter shows) is recomputed on every hit: right at once.
        const after = await read(priced())
        expect(quantity(after)).toBe(before - 2)
        expect(after.headers["x-emporium-cache"]).toBe("hit")
        // Other inventory paths are cached under the stock generation, which the reservation's events bump.
        await eventually(() => read(levelsUrl).then(available), (q) => q === levelsBefore - 2, "available_quantity of the levels after the order")
        // Answers that show no stock survived the order: same bytes, from the cache.
        const menuAfter = await read("/store/product-categories")
        const listAfter = await read(withoutStock)
        expect([menuAfter.headers["x-emporium-cache"], listAfter.headers["x-emporium-cache"]]).toEqual(["hit", "hit"])
        expect(menuAfter.headers.etag).toBe(menuBefore.headers.etag)
        expect(listAfter.headers.etag).toBe(listBefore.headers.etag)
      })

      it("a product unpublished, then deleted", async () => {
        const detail = `/store/products/${f.otherProduct.product.id}`
        expect(productIn(await read(priced()), f.otherProduct.product.id)).toBeDefined()
        expect((await read(detail)).status).toBe(200)
        await ok(api.post(`/admin/products/${f.otherProduct.product.id}`, { status: "draft" }, admin()))
        expect(productIn(await read(priced()), f.otherProduct.product.id)).toBeUndefined()
        expect((await read(detail)).status).toBe(404)
        await ok(api.post(`/admin/products/${f.otherProduct.product.id}`, { status: "published" }, admin()))
        expect((await read(detail)).status).toBe(200)
        await ok(api.delete(`/admin/products/${f.otherProduct.product.id}`, admin()))
        expect((await read(detail)).status).toBe(404)
        expect(productIn(await read(priced()), f.otherProduct.product.id)).toBeUndefined()
      })

      it("a product taken out of the sales channel (a link change, which emits no event)", async () => {
        expect(productIn(await read(priced()), shirt())).toBeDefined()
        await ok(api.post(`/admin/sales-channels/${f.storefront.salesChannel.id}/products`, { remove: [shirt()] }, admin()))
        expect(productIn(await read(priced()), shirt())).toBeUndefined()
        await ok(api.post(`/admin/sales-channels/${f.storefront.salesChannel.id}/products`, { add: [shirt()] }, admin()))
        expect(productIn(await read(priced()), shirt())).toBeDefined()
      })

      it("a category renamed", async () => {
        const name = (r: Read) => (r.data.product_categories as { id: string; name: string }[]).find((c) => c.id === f.category.id)?.name
        expect(name(await read("/store/product-categories"))).toBe(f.category.name)
        await ok(api.post(`/admin/product-categories/${f.category.id}`, { name: "Tops" }, admin()))
        expect(name(await read("/store/product-categories"))).toBe("Tops")
      })

      it("a region renamed", async () => {
        const name = (r: Read) => (r.data.regions as { id: string; name: string }[]).find((c) => c.id === f.region.id)?.name
        await read("/store/regions")
        await ok(api.post(`/admin/regions/${f.region.id}`, { name: "Eurozone" }, admin()))
        expect(name(await read("/store/regions"))).toBe("Eurozone")
      })
    })

    describe("the merchant's view: GET /admin/store-cache, POST /admin/store-cache/invalidate", () => {
      type Stats = { enabled: boolean; generation: string; hits: number; misses: number; last_invalidation: { reason: string } | null }
      const stats = async () => (await ok<{ store_cache: Stats }>(api.get("/admin/store-cache", admin()))).store_cache

      it("counts answers from the cache, and empties it on request with the merchant's reason", async () => {
        const url = `/store/products?limit=3&q=${uniqueSuffix()}`
        const before = await stats()
        await read(url)
        await read(url)
        const counted = await stats()
        expect(counted.enabled).toBe(true)
        expect(counted.misses).toBeGreaterThanOrEqual(before.misses + 1)
        expect(counted.hits).toBeGreaterThanOrEqual(before.hits + 1)

        const { store_cache: cleared } = await ok<{ store_cache: Stats }>(
          api.post("/admin/store-cache/invalidate", { reason: "nightly SQL import" }, admin())
        )
        expect(cleared.generation).not.toBe(counted.generation)
        expect(cleared.last_invalidation?.reason).toContain("nightly SQL import")
        expect((await read(url)).headers["x-emporium-cache"]).toBe("miss")
      })

      it("refuses shoppers and anonymous callers, and bad input with a 400 and a message", async () => {
        expect((await api.get("/admin/store-cache", { validateStatus: () => true })).status).toBe(401)
        const asShopper = await api.post("/admin/store-cache/invalidate", {}, { headers: { "x-publishable-api-key": f.storefront.publishableKey }, validateStatus: () => true })
        expect(asShopper.status).toBe(401)
        for (const [label, send] of [
          ["unknown query parameter", () => api.get("/admin/store-cache?verbose=1", { ...admin(), validateStatus: () => true })],
          ["reason of the wrong type", () => api.post("/admin/store-cache/invalidate", { reason: 5 }, { ...admin(), validateStatus: () => true })],
          ["unknown body field", () => api.post("/admin/store-cache/invalidate", { everything: true }, { ...admin(), validateStatus: () => true })],
        ] as const) {
          const response = await send()
          expect([label, response.status]).toEqual([label, 400])
          expect(typeof response.data.message).toBe("string")
        }
      })
    })

    describe("a logged-in customer", () => {
      const VIP_PRICE = 12
      const socksUrl = () => `/store/products/${f.otherProduct.product.id}?region_id=${f.region.id}&fields=*variants.calculated_price`
      const socksPrice = (r: Read) => r.data.product.variants[0].calculated_price.calculated_amount

      /** A customer in a group with its own price for the socks. Made inside the test: the runner restores the database before each one. */
      async function vipCustomer(): Promise<Shopper> {
        const vip = await signUp(api, f.storefront.publishableKey, "Vip")
        const { customer_group } = await ok<{ customer_group: { id: string } }>(api.post(`/admin/customer-groups`, { name: `VIP ${uniqueSuffix()}` }, admin()))
        await ok(api.post(`/admin/customer-groups/${customer_group.id}/customers`, { add: [vip.customer.id] }, admin()))
        await ok(api.post(`/admin/price-lists`, {
          title: `VIP ${uniqueSuffix()}`,
          description: "Members' prices",
          type: "override",
          status: "active",
          rules: { "customer.groups.id": [customer_group.id] },
          prices: [{ variant_id: f.otherProduct.variants[0].id, currency_code: "eur", amount: VIP_PRICE }],
        }, admin()))
        return vip
      }

      it("gets the group's price, never cached, no ETag, marked private; anonymous shoppers before and after keep the public price", async () => {
        const vip = await vipCustomer()
        const anonymousBefore = await read(socksUrl())
        const member = await read(socksUrl(), { authorization: `Bearer ${vip.token}` })
        const memberAgain = await read(socksUrl(), { authorization: `Bearer ${vip.token}` })
        const anonymousAfter = await read(socksUrl())

        expect(socksPrice(anonymousBefore)).toBe(8)
        expect(socksPrice(member)).toBe(VIP_PRICE)
        expect(socksPrice(memberAgain)).toBe(VIP_PRICE)
        expect(socksPrice(anonymousAfter)).toBe(8)
        expect(member.headers["x-emporium-cache"]).toBe("bypass")
        expect(member.headers.etag).toBeUndefined()
        expect(member.headers["cache-control"]).toBe("private, no-store")
        expect(anonymousAfter.headers["x-emporium-cache"]).toBe("hit")
      })
    })
  }
}
