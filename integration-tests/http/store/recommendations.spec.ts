import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { createProductTagsWorkflow, linkSalesChannelsToStockLocationWorkflow } from "@medusajs/medusa/core-flows"
import type { ProductCategoryDTO } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, ProductStatus } from "@medusajs/framework/utils"
import { EMPORIUM_ANALYTICS_MODULE } from "../../../src/modules/analytics"
import type EmporiumAnalyticsModuleService from "../../../src/modules/analytics/service"
import { RECOMMENDATION_MODULE } from "../../../src/modules/recommendation"
import type RecommendationModuleService from "../../../src/modules/recommendation/service"
import { STORE_CACHE_MODULE } from "../../../src/modules/store-cache"
import type StoreCacheModuleService from "../../../src/modules/store-cache/service"
import { expectClientError } from "../../helpers/bad-inputs"
import { placeOrder, prepareCart } from "../../helpers/cart"
import { signUp, type Shopper } from "../../helpers/customer"
import { attempt, ok, storeHeaders, type Api, type HttpResult, type RequestOptions } from "../../helpers/http"
import { createCategory } from "../../helpers/product"
import { eventually, makeProduct, type Made, type ProductSpec } from "../../helpers/recommendations"
import { seedStore, type StoreFixture } from "../../helpers/store-fixture"

jest.setTimeout(300_000)
delete process.env.REDIS_URL
// Every test posts a few interaction batches from the same IP; the limit itself is analytics-events.spec.ts' business.
process.env.EMPORIUM_ANALYTICS_RATE_LIMIT = "0"

/**
 * The storefront's recommendation lists over HTTP, as a storefront builder sees them: the
 * /store/products shape with region prices, every list filtered to what this storefront can
 * sell, lists that follow real orders and views within seconds (through the store read cache),
 * personal lists that never leak another shopper's history, and a 4xx for every bad request.
 */

type Reason = { type: string; product_id?: string; support?: number; shared_terms?: string[] }
type ListedProduct = {
  id: string
  title: string
  variants: { id: string; calculated_price?: { calculated_amount: number; currency_code: string } }[]
  recommendation: { score: number | null; reason: Reason }
}
type ListAnswer = { products: ListedProduct[]; count: number; limit: number; type: string; product_id?: string }
type Read<T = any> = { status: number; headers: Record<string, string | undefined>; data: T }


const idsOf = (answer: { products: { id: string }[] }) => answer.products.map((p) => p.id)

/** Medusa returns a product's relations (options, values, images…) in no particular order: compare them sorted by id. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) {
    const items = value.map(canonical)
    return items.every((i) => i && typeof i === "object" && typeof (i as { id?: unknown }).id === "string")
      ? [...items].sort((a, b) => String((a as { id: string }).id).localeCompare(String((b as { id: string }).id)))
      : items
  }
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, canonical(v)]))
  }
  return value
}

medusaIntegrationTestRunner({
  testSuite: ({ api: rawApi, getContainer, utils }) => {
    const api = rawApi as Api
    let f: StoreFixture
    let kitchen: ProductCategoryDTO
    let tops: ProductCategoryDTO
    /** Products by role; see beforeAll. */
    const p = {} as Record<"A" | "B" | "W" | "C" | "D" | "E" | "T1" | "T2" | "T3" | "T4" | "X" | "Z", Made>
    const shoppers = {} as Record<"k1" | "k2" | "k3" | "k4", Shopper>

    // Runs once; the runner snapshots the database after it and restores the snapshot before
    // every test, so every test starts from this catalogue with no recommendation signals.
    beforeAll(async () => {
      const container = getContainer()
      f = await seedStore(container, api)
      kitchen = await createCategory(container, "Kitchen")
      tops = await createCategory(container, "Tops")
      const { result: tags } = await createProductTagsWorkflow(container).run({
        input: { product_tags: ["organic", "cotton", "summer", "leather"].map((value) => ({ value })) },
      })
      const tagIds = Object.fromEntries(tags.map((t) => [t.value, t.id]))
      const make = (spec: ProductSpec) => makeProduct(container, f, spec, tagIds)
      const seeded = (s: StoreFixture["product"]) => ({ id: s.product.id, title: s.product.title, variantId: s.variants[0].id, price: s.variants[0].price })

      p.A = seeded(f.product) // "Linen shirt", category Shirts, €25/€30
      p.B = seeded(f.otherProduct) // "Wool socks", €8
      p.W = seeded(f.wholesaleProduct) // "Shirt pallet": only in the wholesale channel
      p.C = await make({ title: "Ceramic mug", price: 12, stock: 20, categoryIds: [kitchen.id] })
      p.D = await make({ title: "Coffee beans", price: 15, stock: 100, categoryIds: [kitchen.id], metadata: { replenishable: true } })
      p.E = await make({ title: "Espresso cup", price: 9, stock: 20, categoryIds: [kitchen.id] })
      p.T1 = await make({ title: "Organic cotton tee", price: 20, stock: 10, categoryIds: [tops.id], tags: ["organic", "cotton", "summer"] })
      p.T2 = await make({ title: "Organic cotton polo", price: 22, stock: 10, categoryIds: [tops.id], tags: ["organic", "cotton"] })
      p.T3 = await make({ title: "Cotton hoodie", price: 45, stock: 10, categoryIds: [tops.id], tags: ["cotton"] })
      p.T4 = await make({ title: "Leather boots", price: 120, stock: 10, tags: ["leather"] })
      // Look just like the linen shirt to the models, but the web shop cannot sell them.
      p.X = await make({ title: "Linen shirt draft", price: 25, stock: 10, categoryIds: [f.category.id], status: ProductStatus.DRAFT })
      p.Z = await make({ title: "Linen shirt sold", price: 25, stock: 0, categoryIds: [f.category.id] })
      // The wholesale channel ships from the same warehouse, so its key sees the pallet in stock.
      await linkSalesChannelsToStockLocationWorkflow(container).run({
        input: { id: f.shipping.stockLocation.id, add: [f.wholesale.salesChannel.id] },
      })

      for (const key of ["k1", "k2", "k3", "k4"] as const) {
        shoppers[key] = await signUp(api, f.storefront.publishableKey, key.toUpperCase())
      }
      await utils.waitWorkflowExecutions()
      // The catalogue subscriber copies each new product's profile (terms, categories, replenishable).
      const ids = Object.values(p).map((m) => m.id)
      await eventually(
        () => recommendations().listRecommendationProducts({ product_id: ids }),
        (rows) => rows.length === ids.length,
        "every product's profile reaching the recommendation module"
      )
    })

    const recommendations = () => getContainer().resolve<RecommendationModuleService>(RECOMMENDATION_MODULE)
    const analytics = () => getContainer().resolve<EmporiumAnalyticsModuleService>(EMPORIUM_ANALYTICS_MODULE)

    // The template restore rewrites the database behind the app's back (no events): cached
    // answers of the previous test must not be served in this one.
    beforeEach(async () => {
      await getContainer().resolve<StoreCacheModuleService>(STORE_CACHE_MODULE).invalidate("test database restored")
    })
    /** Writes what the analytics and recommendation buffers hold now (they would within ~1 s anyway). */
    const settle = async () => {
      await analytics().flush()
      await recommendations().flush()
    }
    // Nothing buffered in one test may be written into the next test's database.
    afterEach(settle)

    const anon = (key = f.storefront.publishableKey): RequestOptions => storeHeaders(key)
    const as = (shopper: Shopper): RequestOptions => storeHeaders(f.storefront.publishableKey, shopper.token)

    /** A GET with its status, headers and body, whatever the status. */
    const read = async <T = ListAnswer>(url: string, options: RequestOptions = anon()): Promise<Read<T>> => {
      const response = await api.get(url, { ...options, validateStatus: () => true })
      return { status: response.status, headers: response.headers as Read["headers"], data: response.data }
    }
    const list = async (url: string, options: RequestOptions = anon()): Promise<ListAnswer> => {
      const answer = await read(url, options)
      if (answer.status !== 200) throw new Error(`GET ${url} answered ${answer.status}: ${JSON.stringify(answer.data)}`)
      return answer.data
    }
    const forProduct = (id: string, type: string, query = "") => `/store/recommendations/products/${id}?type=${type}&region_id=${f.region.id}${query}`
    const trending = (query = "") => `/store/recommendations/trending?region_id=${f.region.id}${query}`
    const me = (query = "") => `/store/recommendations/me?region_id=${f.region.id}${query}`

    type Interaction = { type: "view" | "wishlist" | "review"; product_id: string; anonymous_id?: string; session_id?: string; id?: string; timestamp?: string }
    const sendEvents = (events: unknown[], options: RequestOptions = anon()) => attempt(api.post("/store/recommendations/events", { events }, options))
    /** One visitor viewing products in one session, one batch per view (as a storefront sends them). */
    const browse = async (visitor: string, session: string, products: Made[]) => {
      for (const product of products) {
        const sent = await sendEvents([{ type: "view", product_id: product.id, anonymous_id: visitor, session_id: session } satisfies Interaction])
        expect(sent).toEqual({ status: 202, data: { accepted: 1 } })
      }
    }

    it("a real order makes its products bought together and trending within seconds, through the read cache", async () => {
      // Nothing has happened in this store yet: the lists are empty, and cached.
      const emptyTrending = await read(trending())
      expect(emptyTrending.status).toBe(200)
      expect(emptyTrending.data).toEqual({ type: "trending", products: [], count: 0, limit: 10 })
      expect(emptyTrending.headers["x-emporium-cache"]).toBe("miss")
      const again = await read(trending())
      expect(again.headers["x-emporium-cache"]).toBe("hit")
      expect(again.data).toEqual(emptyTrending.data)
      const emptyPair = await read(forProduct(p.A.id, "bought_together"))
      expect(emptyPair.data).toEqual({ type: "bought_together", product_id: p.A.id, products: [], count: 0, limit: 10 })
      expect((await read(forProduct(p.A.id, "bought_together"))).headers["x-emporium-cache"]).toBe("hit")

      const order = await placeOrder(api, f, shoppers.k1, [
        { variantId: p.A.variantId, quantity: 1 },
        { variantId: p.B.variantId, quantity: 2 },
      ])
      expect(order.items).toHaveLength(2)

      const withB = await eventually(() => list(forProduct(p.A.id, "bought_together")), (a) => a.count > 0, "the order reaching A's bought-together list")
      expect(idsOf(withB)).toEqual([p.B.id])
      expect(withB).toMatchObject({ type: "bought_together", product_id: p.A.id, count: 1, limit: 10 })
      const [b] = withB.products
      expect(b.recommendation.reason).toEqual({ type: "bought_together", product_id: p.A.id, support: 1 })
      expect(b.recommendation.score).toBeGreaterThan(0)
      expect(b.title).toBe("Wool socks")
      expect(b.variants.map((v) => v.calculated_price)).toEqual([expect.objectContaining({ calculated_amount: 8, currency_code: "eur" })])

      const withA = await eventually(() => list(forProduct(p.B.id, "bought_together")), (a) => a.count > 0, "the order reaching B's bought-together list")
      expect(idsOf(withA)).toEqual([p.A.id])
      expect(withA.products[0].variants.map((v) => v.calculated_price?.calculated_amount).sort()).toEqual([25, 30])

      const hot = await eventually(() => list(trending()), (a) => a.count >= 2, "the order reaching the trending list")
      expect(new Set(idsOf(hot))).toEqual(new Set([p.A.id, p.B.id]))
      for (const product of hot.products) {
        expect(product.recommendation).toEqual({ score: expect.any(Number), reason: { type: "trending" } })
        expect(product.recommendation.score).toBeGreaterThan(0)
      }
      // The new answer is cached again.
      const cached = await read(trending())
      expect(cached.headers["x-emporium-cache"]).toBe("hit")
      expect(cached.data).toEqual(hot)
    })

    it("adding to a cart, without ordering, makes a product trending", async () => {
      await prepareCart(api, f, { email: "guest@shopper.test" }, [{ variantId: p.C.variantId, quantity: 1 }])
      const hot = await eventually(() => list(trending()), (a) => a.count > 0, "the cart addition reaching the trending list")
      expect(idsOf(hot)).toEqual([p.C.id])
    })

    it("every list has the /store/products shape with the region's prices, plus score and reason", async () => {
      await browse("shape-visitor", "shape-session", [p.A, p.B, p.C])
      // Not a test of timing (the tests above and below are): no list is read before the views are in.
      await settle()
      const fields = "fields=*variants.calculated_price,%2Bvariants.inventory_quantity"
      const storeProduct = async (id: string) =>
        (await ok<{ products: Record<string, unknown>[] }>(api.get(`/store/products?id=${id}&region_id=${f.region.id}&${fields}`, anon()))).products[0]

      const lists = [
        forProduct(p.A.id, "also_viewed", `&${fields}`),
        forProduct(p.T1.id, "similar", `&${fields}`),
        trending(`&${fields}`),
        me(`&anonymous_id=shape-visitor&${fields}`),
      ]
      for (const url of lists) {
        const answer = await eventually(() => list(url), (a) => a.count > 0, `${url} listing products`)
        for (const { recommendation, ...product } of answer.products) {
          expect({ url, product: canonical(product) }).toEqual({ url, product: canonical(await storeProduct(product.id)) })
          expect(recommendation.score === null || typeof recommendation.score === "number").toBe(true)
          expect(typeof recommendation.reason.type).toBe("string")
          const variants = product.variants as unknown as { calculated_price: { calculated_amount: number; currency_code: string }; inventory_quantity: number }[]
          for (const variant of variants) {
            expect(variant.calculated_price.currency_code).toBe("eur")
            expect(variant.inventory_quantity).toBeGreaterThan(0)
          }
        }
      }

      // Without `fields`, region_id alone prices the variants, as on /store/products.
      const plain = await list(forProduct(p.A.id, "also_viewed"))
      expect(plain.products.map((x) => [x.id, x.variants[0].calculated_price?.calculated_amount]).sort()).toEqual(
        [
          [p.B.id, 8],
          [p.C.id, 12],
        ].sort()
      )
      // `limit` cuts the list and is echoed.
      const one = await list(forProduct(p.A.id, "also_viewed", "&limit=1"))
      expect(one).toMatchObject({ count: 1, limit: 1 })
      expect(one.products).toHaveLength(1)
    })

    it("views in one session make products 'also viewed', stronger with more sessions; a resent batch counts once", async () => {
      await browse("av-1", "av-session-1", [p.A, p.B])
      const first = await eventually(() => list(forProduct(p.A.id, "also_viewed")), (a) => a.count > 0, "the two views reaching A's also-viewed list")
      expect(idsOf(first)).toEqual([p.B.id])
      expect(first.products[0].recommendation.reason).toEqual({ type: "also_viewed", product_id: p.A.id, support: 1 })

      // A second visitor sees A, C and B in one session; a third sees only C. B (2 sessions with A) ranks above C (1).
      const batch = [p.A, p.C, p.B].map((x, i) => ({ id: `av2-${i}`, type: "view", product_id: x.id, anonymous_id: "av-2", session_id: "av-session-2" }))
      expect(await sendEvents(batch)).toEqual({ status: 202, data: { accepted: 3 } })
      await browse("av-3", "av-session-3", [p.C])
      const ranked = await eventually(() => list(forProduct(p.A.id, "also_viewed")), (a) => a.count === 2, "the second session reaching A's list")
      expect(idsOf(ranked)).toEqual([p.B.id, p.C.id])
      expect(ranked.products.map((x) => x.recommendation.reason.support)).toEqual([2, 1])
      expect(ranked.products[0].recommendation.score!).toBeGreaterThan(ranked.products[1].recommendation.score!)
      // Views in different sessions do not pair: nothing links B and T1.
      await browse("av-4", "av-session-4", [p.T1])
      await browse("av-4", "av-session-5", [p.B])

      // The storefront retries the second batch (same event ids): nothing is counted twice.
      expect(await sendEvents(batch)).toEqual({ status: 202, data: { accepted: 3 } })
      await settle()
      const model = await recommendations().candidates("also_viewed", { product_id: p.A.id, limit: 10 })
      expect(model.map((c) => [c.product_id, (c.reason as Reason).support])).toEqual([
        [p.B.id, 2],
        [p.C.id, 1],
      ])
      expect(idsOf(await list(forProduct(p.B.id, "also_viewed")))).not.toContain(p.T1.id)
    })

    it("'similar' ranks products by the title words, tags and categories they share", async () => {
      const similar = await list(forProduct(p.T1.id, "similar"))
      // The polo shares organic+cotton (title and tags), the category and the price band; the hoodie
      // only cotton and the category; the linen shirt only the price band; the boots nothing.
      expect(idsOf(similar)).toEqual([p.T2.id, p.T3.id, p.A.id])
      const [polo, hoodie, shirt] = similar.products
      expect(polo.recommendation.score!).toBeGreaterThan(hoodie.recommendation.score!)
      expect(hoodie.recommendation.score!).toBeGreaterThan(shirt.recommendation.score!)
      expect(polo.recommendation.reason).toMatchObject({ type: "similar", product_id: p.T1.id })
      expect(polo.recommendation.reason.shared_terms).toEqual(expect.arrayContaining(["tag:organic", "w:organic"]))
      expect(hoodie.recommendation.reason.shared_terms).toEqual(expect.arrayContaining(["tag:cotton", `cat:${tops.id}`]))
      expect(idsOf(similar)).not.toContain(p.T4.id)

      // From the boots' page: nothing shares a term with them.
      expect(await list(forProduct(p.T4.id, "similar"))).toMatchObject({ products: [], count: 0 })
    })

    it("a draft, another channel's product or one out of stock never appears, even when the models rank it first", async () => {
      const unsellable = [p.X.id, p.Z.id, p.W.id]
      // Shoppers look at them a lot (a storefront may report views of anything), next to the shirt and the socks.
      for (let i = 0; i < 3; i++) {
        await sendEvents([p.A, p.X, p.Z, p.W, ...(i === 0 ? [p.B] : [])].map((x) => ({ type: "view", product_id: x.id, anonymous_id: `ex-${i}`, session_id: `ex-${i}` })))
      }
      const model = await eventually(
        () => recommendations().candidates("also_viewed", { product_id: p.A.id, limit: 10 }),
        (c) => c.length === 4,
        "the views reaching the also-viewed model"
      )
      // The model ranks them above B (3 sessions each against 1)…
      expect(model.map((c) => c.product_id).slice(0, 3).sort()).toEqual([...unsellable].sort())
      expect(model[3].product_id).toBe(p.B.id)
      // …the storefront never shows them.
      expect(idsOf(await list(forProduct(p.A.id, "also_viewed")))).toEqual([p.B.id])

      const similarModel = await recommendations().candidates("similar", { product_id: p.A.id, limit: 10 })
      expect(similarModel.slice(0, 2).map((c) => c.product_id).sort()).toEqual([p.X.id, p.Z.id].sort())
      expect(similarModel.map((c) => c.product_id)).toContain(p.W.id)
      const similar = await list(forProduct(p.A.id, "similar"))
      expect(similar.count).toBeGreaterThan(0)
      for (const id of unsellable) expect(idsOf(similar)).not.toContain(id)

      const trendingModel = await recommendations().candidates("trending", { limit: 10 })
      expect(trendingModel.slice(0, 4).map((c) => c.product_id).sort()).toEqual([p.A.id, ...unsellable].sort())
      const hot = await eventually(() => list(trending()), (a) => a.count === 2, "the views reaching the trending list")
      expect(idsOf(hot)).toEqual([p.A.id, p.B.id])

      // A list on the page of a product this storefront cannot show is a 404, as its product page is;
      // a product out of stock still has its page.
      for (const id of [p.X.id, p.W.id]) {
        const answer = await read(forProduct(id, "also_viewed"))
        expectClientError(answer, `the list of ${id}`)
        expect(answer.status).toBe(404)
        expect((await read(`/store/products/${id}`)).status).toBe(404)
      }
      expect(idsOf(await list(forProduct(p.Z.id, "also_viewed")))).toEqual([p.A.id, p.B.id])

      // The wholesale key sees its own channel: the pallet (stocked for it), not the web shop's products.
      const wholesale = await list(trending(), anon(f.wholesale.publishableKey))
      expect(idsOf(wholesale)).toEqual([p.W.id])
      expect(idsOf(await list(forProduct(p.W.id, "also_viewed"), anon(f.wholesale.publishableKey)))).toEqual([])
    })

    it("a listed product's new price, and its running out of stock, show in the lists at once (cached renderings follow the catalogue)", async () => {
      await browse("px-1", "px-1", [p.A, p.C])
      const priceOfC = (answer: ListAnswer) => answer.products.find((x) => x.id === p.C.id)?.variants[0]?.calculated_price?.calculated_amount
      const before = await eventually(() => list(forProduct(p.A.id, "also_viewed")), (a) => idsOf(a).includes(p.C.id), "the views reaching A's also-viewed list")
      expect(priceOfC(before)).toBe(12)
      // Rendered once more from the cache: same price.
      expect(priceOfC(await list(forProduct(p.A.id, "also_viewed")))).toBe(12)

      await ok(api.post(`/admin/products/${p.C.id}/variants/${p.C.variantId}`, { prices: [{ currency_code: "eur", amount: 14 }] }, f.admin.headers))
      expect(priceOfC(await list(forProduct(p.A.id, "also_viewed")))).toBe(14)

      const { data } = await getContainer()
        .resolve(ContainerRegistrationKeys.QUERY)
        .graph({ entity: "product_variant", fields: ["inventory_items.inventory_item_id"], filters: { id: p.C.variantId } })
      const itemId = (data[0] as { inventory_items: { inventory_item_id: string }[] }).inventory_items[0].inventory_item_id
      await ok(api.post(`/admin/inventory-items/${itemId}/location-levels/${f.shipping.stockLocation.id}`, { stocked_quantity: 0 }, f.admin.headers))
      expect(idsOf(await list(forProduct(p.A.id, "also_viewed")))).not.toContain(p.C.id)
    })

    it("trending filters by category, one or several", async () => {
      const views: [Made, number][] = [
        [p.C, 3],
        [p.D, 2],
        [p.E, 1],
        [p.A, 4],
        [p.B, 5],
      ]
      await sendEvents(
        views.flatMap(([product, n]) => Array.from({ length: n }, (_, i) => ({ type: "view", product_id: product.id, anonymous_id: `cat-${i}` })))
      )
      await settle()
      expect(idsOf(await list(trending()))).toEqual([p.B.id, p.A.id, p.C.id, p.D.id, p.E.id])
      expect(idsOf(await list(trending(`&category_id=${kitchen.id}`)))).toEqual([p.C.id, p.D.id, p.E.id])
      expect(idsOf(await list(trending(`&category_id=${f.category.id}`)))).toEqual([p.A.id])
      expect(idsOf(await list(trending(`&category_id[]=${kitchen.id}&category_id[]=${f.category.id}`)))).toEqual([p.A.id, p.C.id, p.D.id, p.E.id])
      expect(idsOf(await list(trending(`&category_id=${tops.id}`)))).toEqual([])
      expect(idsOf(await list(trending(`&category_id=${kitchen.id}&limit=2`)))).toEqual([p.C.id, p.D.id])
    })

    it("/me: a guest gets recommendations from their own views, a guest without history gets trending, private answers", async () => {
      await browse("pair-ab", "pair-ab", [p.A, p.B])
      await browse("pair-ce", "pair-ce", [p.C, p.E])
      await browse("guest-a", "guest-a", [p.A])
      await browse("guest-c", "guest-c", [p.C])

      const guestA = await eventually(() => read(me("&anonymous_id=guest-a")), (r) => r.data.products?.[0]?.id === p.B.id, "guest A's own views reaching /me")
      expect(guestA.status).toBe(200)
      expect(guestA.headers["cache-control"]).toBe("private, no-store")
      expect(guestA.headers["x-emporium-cache"]).not.toBe("hit")
      expect(guestA.data.type).toBe("personalized")
      expect(guestA.data.products[0].recommendation.reason).toEqual({ type: "also_viewed", product_id: p.A.id })
      // Nothing in the list comes from someone else's products (the rest is trending).
      for (const product of guestA.data.products.slice(1)) expect(product.recommendation.reason).toEqual({ type: "trending" })

      const guestC = await read(me("&anonymous_id=guest-c"))
      expect(guestC.data.products[0]).toMatchObject({ id: p.E.id, recommendation: { reason: { type: "also_viewed", product_id: p.C.id } } })
      expect((await read(me("&anonymous_id=guest-c"))).headers["x-emporium-cache"]).not.toBe("hit")

      // No history: what is trending, in the same order.
      const nobody = await read(me("&anonymous_id=nobody-yet&limit=3"))
      expect(nobody.status).toBe(200)
      expect(nobody.headers["cache-control"]).toBe("private, no-store")
      const hot = await list(trending("&limit=3"))
      expect(hot.count).toBe(3)
      expect(idsOf(nobody.data)).toEqual(idsOf(hot))
      expect(nobody.data).toMatchObject({ count: 3, limit: 3 })

      const neither = await read<{ message: string }>(me())
      expectClientError(neither, "/me without login or anonymous_id")
      expect(neither.status).toBe(400)
      expect(neither.data.message).toContain("anonymous_id")
    })

    it("/me: a customer gets recommendations from their own purchases, never another customer's, and not what they bought unless replenishable", async () => {
      const { k1, k2, k3, k4 } = shoppers
      await placeOrder(api, f, k1, [
        { variantId: p.A.variantId, quantity: 1 },
        { variantId: p.B.variantId, quantity: 1 },
      ])
      await placeOrder(api, f, k2, [
        { variantId: p.C.variantId, quantity: 1 },
        { variantId: p.E.variantId, quantity: 1 },
      ])
      await placeOrder(api, f, k3, [{ variantId: p.A.variantId, quantity: 1 }])
      await placeOrder(api, f, k4, [
        { variantId: p.D.variantId, quantity: 1 },
        { variantId: p.A.variantId, quantity: 1 },
      ])

      // K3 bought only the shirt: what others bought with it (the socks, the beans) leads, the shirt is not offered again.
      const k3List = await eventually(
        () => read(me(), as(k3)),
        (r) => new Set(idsOf(r.data).slice(0, 2)).size === 2 && [p.B.id, p.D.id].every((id) => idsOf(r.data).slice(0, 2).includes(id)),
        "the orders reaching K3's /me"
      )
      expect(k3List.status).toBe(200)
      expect(k3List.headers["cache-control"]).toBe("private, no-store")
      expect(k3List.headers["x-emporium-cache"]).not.toBe("hit")
      for (const product of k3List.data.products.slice(0, 2)) {
        expect(product.recommendation.reason).toEqual({ type: "bought_together", product_id: p.A.id })
      }
      expect(idsOf(k3List.data)).not.toContain(p.A.id)

      // K4 bought coffee beans (replenishable) and the shirt: the beans stay recommendable, the shirt does not.
      const k4List = await list(me(), as(k4))
      expect(idsOf(k4List)).toContain(p.D.id)
      expect(idsOf(k4List)).toContain(p.B.id)
      expect(idsOf(k4List)).not.toContain(p.A.id)

      // K2 bought the mug and the cup, which only go with each other: nothing personal is left,
      // and nothing comes from what K1, K3 or K4 bought.
      const k2List = await list(me(), as(k2))
      expect(k2List.count).toBeGreaterThan(0)
      expect(idsOf(k2List)).not.toContain(p.C.id)
      expect(idsOf(k2List)).not.toContain(p.E.id)
      for (const product of k2List.products) expect(product.recommendation.reason).toEqual({ type: "trending" })

      // A customer id in the query is refused, not used.
      const spoof = await read(me(`&customer_id=${k1.customer.id}`), as(k2))
      expectClientError(spoof, "/me with someone else's customer_id")
      expect(spoof.status).toBe(400)
      // K1 bought the shirt and the socks: neither is offered back; the beans (bought with the shirt by K4) are.
      const k1List = await list(me(), as(k1))
      expect(idsOf(k1List)).not.toContain(p.A.id)
      expect(idsOf(k1List)).not.toContain(p.B.id)
      expect(k1List.products.find((x) => x.id === p.D.id)?.recommendation.reason).toEqual({ type: "bought_together", product_id: p.A.id })
    })

    it("the cached trending list follows views within seconds, with no catalogue or stock change", async () => {
      await browse("cache-1", "cache-1", [p.B])
      const first = await eventually(() => read(trending()), (r) => r.data.count === 1, "the first view reaching trending")
      expect(idsOf(first.data)).toEqual([p.B.id])
      const hit = await read(trending())
      expect(hit.headers["x-emporium-cache"]).toBe("hit")
      expect(hit.data).toEqual(first.data)
      // Views change no stock, no product and no admin setting: only the recommendation
      // module's own announcement can make the cached list stale.
      await browse("cache-2", "cache-2", [p.C])
      await browse("cache-3", "cache-3", [p.C])
      const moved = await eventually(() => read(trending()), (r) => r.data.count === 2, "the new views reaching the cached trending list")
      expect(idsOf(moved.data)).toEqual([p.C.id, p.B.id])
      expect((await read(trending())).headers["x-emporium-cache"]).toBe("hit")
      // Anonymous product-page lists are cached too.
      expect((await read(forProduct(p.C.id, "similar"))).headers["x-emporium-cache"]).toBe("miss")
      expect((await read(forProduct(p.C.id, "similar"))).headers["x-emporium-cache"]).toBe("hit")
    })

    it("bad requests get a 4xx with a message, never a 500", async () => {
      const cases: [string, () => Promise<HttpResult>, number, RegExp][] = [
        ["an unknown product", () => read(forProduct("prod_01UNKNOWNUNKNOWNUNKNOWN00", "similar")), 404, /prod_01UNKNOWN/],
        ["limit=0", () => read(forProduct(p.A.id, "similar", "&limit=0")), 400, /limit.*1/],
        ["limit=51", () => read(forProduct(p.A.id, "similar", "&limit=51")), 400, /limit.*50/],
        ["limit=abc", () => read(forProduct(p.A.id, "similar", "&limit=abc")), 400, /limit/],
        ["limit=2.5", () => read(trending("&limit=2.5")), 400, /limit|integer|whole/],
        ["trending limit=0", () => read(trending("&limit=0")), 400, /limit.*1/],
        ["/me limit=51", () => read(me("&anonymous_id=x&limit=51")), 400, /limit.*50/],
        ["an unknown type", () => read(forProduct(p.A.id, "popular")), 400, /type.*popular|popular.*type/],
        ["an unknown category", () => read(trending("&category_id=pcat_unknown")), 404, /pcat_unknown/],
        ["21 categories", () => read(trending(Array.from({ length: 21 }, (_, i) => `&category_id[]=c${i}`).join(""))), 400, /./],
        ["an unknown query parameter", () => read(trending("&sales_channel_id=sc_other")), 400, /sales_channel_id/],
        ["an anonymous_id over 64 characters", () => read(me(`&anonymous_id=${"a".repeat(65)}`)), 400, /anonymous_id/],
        ["an unknown region", () => read("/store/recommendations/trending?region_id=reg_unknown"), 400, /reg_unknown/],
        ["no publishable key", () => read(trending(), { headers: {} }), 400, /publishable/i],
      ]
      for (const [label, send, status, says] of cases) {
        const answer = await send()
        expectClientError(answer, label)
        expect({ label, status: answer.status, message: answer.data.message }).toEqual({ label, status, message: expect.stringMatching(says) })
      }

      const view = { type: "view", product_id: p.A.id, anonymous_id: "bad-visitor" }
      const eventCases: [string, unknown, RegExp][] = [
        ["no events", { events: [] }, /events.*too small/],
        ["101 events", { events: Array.from({ length: 101 }, () => view) }, /events.*too big.*100/],
        ["a guest event without anonymous_id", { events: [view, { type: "view", product_id: p.A.id }] }, /anonymous_id is required/],
        ["an unknown type", { events: [{ ...view, type: "purchase" }] }, /type must be one of view, wishlist, review/],
        ["no product", { events: [{ type: "view", anonymous_id: "v" }] }, /product_id/],
        ["a customer_id in the body", { events: [{ ...view, customer_id: shoppers.k1.customer.id }] }, /customer_id/],
        ["a timestamp that is not a date", { events: [{ ...view, timestamp: "yesterday" }] }, /timestamp/],
        ["events not a list", { events: "view" }, /events/],
      ]
      for (const [label, body, says] of eventCases) {
        const answer = await attempt(api.post("/store/recommendations/events", body, anon()))
        expectClientError(answer, label)
        expect({ label, status: answer.status, message: answer.data.message }).toEqual({ label, status: 400, message: expect.stringMatching(says) })
      }
      const huge = await attempt(api.post("/store/recommendations/events", { events: [view], pad: "x".repeat(70_000) }, anon()))
      expectClientError(huge, "a 70 KB body")
      expect(huge.status).toBe(413)
      const noKey = await attempt(api.post("/store/recommendations/events", { events: [view] }))
      expectClientError(noKey, "events without a publishable key")

      // Nothing of the refused batches was recorded.
      await settle()
      expect(await recommendations().listRecommendationSignals({ anonymous_id: "bad-visitor" })).toEqual([])
    })

    it("accepts every batch the validator accepts: 100 events at the longest ids allowed", async () => {
      const long = (prefix: string, i = 0) => `${prefix}-${i}-`.padEnd(64, "x")
      const events = Array.from({ length: 100 }, (_, i) => ({
        id: long("event", i),
        type: "wishlist",
        product_id: p.D.id,
        anonymous_id: long("visitor"),
        session_id: long("session"),
        timestamp: new Date(Date.now() - 60_000).toISOString().replace("Z", "+00:00"),
      }))
      const sent = await sendEvents(events)
      expect({ bytes: JSON.stringify({ events }).length > 32 * 1024, sent }).toEqual({ bytes: true, sent: { status: 202, data: { accepted: 100 } } })
      await settle()
      expect(idsOf(await list(trending()))).toEqual([p.D.id])
      // A logged-in customer needs no anonymous_id; the customer comes from the login.
      const mine = await sendEvents([{ type: "review", product_id: p.E.id }], as(shoppers.k2))
      expect(mine).toEqual({ status: 202, data: { accepted: 1 } })
      const signals = await eventually(
        () => recommendations().listRecommendationSignals({ customer_id: shoppers.k2.customer.id }),
        (rows) => rows.length === 1,
        "the customer's review reaching the models"
      )
      expect(signals[0]).toMatchObject({ kind: "review", product_id: p.E.id, anonymous_id: null })
    })
  },
})
