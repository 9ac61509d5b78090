import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { MedusaError, ProductStatus } from "@medusajs/framework/utils"
import { Client } from "pg"
import { EMPORIUM_ANALYTICS_MODULE } from "../../../src/modules/analytics"
import type EmporiumAnalyticsModuleService from "../../../src/modules/analytics/service"
import { RECOMMENDATION_MODULE } from "../../../src/modules/recommendation"
import type RecommendationModuleService from "../../../src/modules/recommendation/service"
import { STORE_CACHE_MODULE } from "../../../src/modules/store-cache"
import type StoreCacheModuleService from "../../../src/modules/store-cache/service"
import { startRecommendationRebuild } from "../../../src/utils/recommendations"
import { expectClientError } from "../../helpers/bad-inputs"
import { placeOrder } from "../../helpers/cart"
import { signUp } from "../../helpers/customer"
import { attempt, ok, storeHeaders, type Api, type HttpResult } from "../../helpers/http"
import { eventually, makeProduct, type Made as MadeProduct } from "../../helpers/recommendations"
import { seedStore, type StoreFixture } from "../../helpers/store-fixture"

jest.setTimeout(300_000)
delete process.env.REDIS_URL
process.env.EMPORIUM_ANALYTICS_RATE_LIMIT = "0"

/**
 * The merchant's side of recommendations over HTTP: how big and fresh the models are, a full
 * rebuild in the background (one at a time), pins and exclusions that the storefront shows at
 * once, what each product page's lists hold, and a 4xx for every bad request.
 */

type Build = {
  id: string
  status: "running" | "succeeded" | "failed"
  trigger: string
  step: string | null
  steps_done: number
  steps_total: number
  started_at: string
  finished_at: string | null
  error: string | null
  counts: Record<string, number> | null
}
type Candidate = { product_id: string; score: number | null; reason: { type: string; product_id?: string; support?: number } }
type ProductLists = {
  product_id: string
  lists: { list: string; model: Candidate[]; rules: { product_id: string; action: string }[]; shown: Candidate[] }[]
  products: { id: string; title: string; status: string }[]
}
/** The fixture's own products come without a known price; nothing here needs it. */
type Made = Omit<MadeProduct, "price">
type StoreList = { products: { id: string; recommendation: { score: number | null; reason: { type: string } } }[]; count: number }


medusaIntegrationTestRunner({
  testSuite: ({ api: rawApi, getContainer, utils, dbConfig }) => {
    const api = rawApi as Api
    let f: StoreFixture
    const p = {} as Record<"A" | "B" | "C" | "E" | "X", Made>
    let productCount = 0

    beforeAll(async () => {
      const container = getContainer()
      f = await seedStore(container, api)
      p.A = { id: f.product.product.id, title: "Linen shirt", variantId: f.product.variants[0].id }
      p.B = { id: f.otherProduct.product.id, title: "Wool socks", variantId: f.otherProduct.variants[0].id }
      p.C = await makeProduct(container, f, { title: "Ceramic mug", price: 12 })
      p.E = await makeProduct(container, f, { title: "Espresso cup", price: 9 })
      p.X = await makeProduct(container, f, { title: "Linen shirt draft", price: 25, categoryIds: [f.category.id], status: ProductStatus.DRAFT })
      productCount = 6 // the five above and the fixture's wholesale pallet
      await utils.waitWorkflowExecutions()
      await eventually(
        () => recommendations().listRecommendationProducts({}),
        (rows) => rows.length === productCount,
        "every product's profile reaching the recommendation module"
      )
    })

    const recommendations = () => getContainer().resolve<RecommendationModuleService>(RECOMMENDATION_MODULE)
    const analytics = () => getContainer().resolve<EmporiumAnalyticsModuleService>(EMPORIUM_ANALYTICS_MODULE)
    beforeEach(async () => {
      await getContainer().resolve<StoreCacheModuleService>(STORE_CACHE_MODULE).invalidate("test database restored")
    })
    afterEach(async () => {
      await analytics().flush()
      await recommendations().flush()
    })

    const admin = <T = any>(path: string) => ok<T>(api.get(path, f.admin.headers))
    const adminTry = (method: "get" | "post" | "delete", path: string, body?: unknown): Promise<HttpResult> =>
      attempt(method === "post" ? api.post(path, body, f.admin.headers) : api[method](path, f.admin.headers))
    const storeList = (path: string) => ok<StoreList>(api.get(`${path}${path.includes("?") ? "&" : "?"}region_id=${f.region.id}`, storeHeaders(f.storefront.publishableKey)))
    const storeIds = async (path: string) => (await storeList(path)).products.map((x) => x.id)
    const browse = async (session: string, products: Made[]) => {
      const events = products.map((x) => ({ type: "view", product_id: x.id, anonymous_id: session, session_id: session }))
      expect(await attempt(api.post("/store/recommendations/events", { events }, storeHeaders(f.storefront.publishableKey)))).toEqual({
        status: 202,
        data: { accepted: products.length },
      })
    }
    const build = (id: string) => admin<{ build: Build }>(`/admin/recommendations/builds/${id}`).then((r) => r.build)

    it("refuses every admin route without an admin login (401)", async () => {
      const calls: [string, () => Promise<HttpResult>][] = [
        ["GET status", () => attempt(api.get("/admin/recommendations/status"))],
        ["POST rebuild", () => attempt(api.post("/admin/recommendations/rebuild", {}))],
        ["GET build", () => attempt(api.get("/admin/recommendations/builds/rbld_x"))],
        ["GET rules", () => attempt(api.get("/admin/recommendations/rules"))],
        ["POST rules", () => attempt(api.post("/admin/recommendations/rules", { list: "trending", product_id: p.A.id, action: "pin" }))],
        ["DELETE rule", () => attempt(api.delete("/admin/recommendations/rules/rrule_x"))],
        ["GET product lists", () => attempt(api.get(`/admin/recommendations/products/${p.A.id}`))],
        // A customer's login is no admin login.
        ["POST rebuild as a customer", async () => {
          const shopper = await signUp(api, f.storefront.publishableKey)
          return attempt(api.post("/admin/recommendations/rebuild", {}, storeHeaders(f.storefront.publishableKey, shopper.token)))
        }],
      ]
      for (const [label, call] of calls) {
        const answer = await call()
        expect({ label, status: answer.status }).toEqual({ label, status: 401 })
      }
      expect(await recommendations().listRecommendationRules({})).toEqual([])
      expect(await recommendations().listRecommendationBuilds({})).toEqual([])
    })

    it("status shows how big and fresh the models are, and the tuning in effect", async () => {
      const empty = await admin("/admin/recommendations/status")
      expect(empty).toMatchObject({
        counts: { signals: 0, products: productCount, trending_products: 0, bought_together_pairs: 0, also_viewed_pairs: 0, terms: expect.any(Number) },
        last_signal_at: null,
        running_build: null,
        last_build: null,
        builds: [],
        settings: { min_support: 1, top_k: 100, trending_half_life_hours: 72, weights: { view: 1, wishlist: 2, cart: 3, review: 4, purchase: 5 } },
      })
      expect(empty.counts.terms).toBeGreaterThan(0)

      const before = Date.now()
      await browse("status-1", [p.A, p.B])
      const after = await eventually(() => admin("/admin/recommendations/status"), (s) => s.counts.signals === 2, "two views reaching the status")
      expect(after.counts).toMatchObject({ signals: 2, trending_products: 2, also_viewed_pairs: 2, bought_together_pairs: 0 })
      expect(new Date(after.last_signal_at).getTime()).toBeGreaterThanOrEqual(before - 1000)
    })

    it("a rebuild runs in the background (202), one at a time (409), and ends with counts and the same lists", async () => {
      const shopper = await signUp(api, f.storefront.publishableKey)
      await placeOrder(api, f, shopper, [
        { variantId: p.A.variantId, quantity: 1 },
        { variantId: p.B.variantId, quantity: 1 },
      ])
      await browse("rebuild-1", [p.A, p.C])
      const lists = () => admin<ProductLists>(`/admin/recommendations/products/${p.A.id}`)
      const before = await eventually(
        lists,
        (l) => l.lists[0].model.length === 1 && l.lists[1].model.length === 1,
        "the order and the views reaching A's lists"
      )

      // Hold the table the bought-together step rebuilds, as a long-running writer would: the
      // build stops there, running, for as long as the test needs.
      const blocker = new Client({ connectionString: dbConfig.clientUrl })
      await blocker.connect()
      let released = false
      let started: Build
      const release = async () => {
        if (released) return
        released = true
        await blocker.query("COMMIT")
        await blocker.end()
      }
      try {
        await blocker.query("BEGIN")
        await blocker.query("LOCK TABLE recommendation_pair IN EXCLUSIVE MODE")

        // Several merchants press "rebuild" at once: one build starts, the others are told which one runs.
        const answers = await Promise.all([0, 1, 2, 3, 4].map(() => adminTry("post", "/admin/recommendations/rebuild", {})))
        expect(answers.map((a) => a.status).sort()).toEqual([202, 409, 409, 409, 409])
        started = answers.find((a) => a.status === 202)!.data.build
        expect(started).toMatchObject({ status: "running", trigger: "admin", steps_total: 6, finished_at: null })
        for (const refused of answers.filter((a) => a.status === 409)) {
          expectClientError(refused, "a concurrent rebuild")
          expect(refused.data.message).toContain("already running")
          expect(refused.data.build).toMatchObject({ id: started.id, status: "running" })
        }

        const blocked = await eventually(() => build(started.id), (b) => b.step === "bought_together", "the build reaching the held step")
        expect(blocked).toMatchObject({ status: "running", steps_done: 4, steps_total: 6 })
        const status = await admin("/admin/recommendations/status")
        expect(status.running_build).toMatchObject({ id: started.id, step: "bought_together" })

        const again = await adminTry("post", "/admin/recommendations/rebuild", { import_orders: true })
        expectClientError(again, "a rebuild while one runs")
        expect(again.status).toBe(409)
        expect(again.data.message).toContain(started.id)
        expect(await recommendations().listRecommendationBuilds({})).toHaveLength(1)
      } finally {
        await release()
      }

      const done = await eventually(() => build(started.id), (b) => b.status !== "running", "the build finishing")
      // Signals: 2 views, 2 cart additions, 2 purchases; products: every catalogue product.
      expect(done).toMatchObject({
        status: "succeeded",
        step: null,
        steps_done: 6,
        steps_total: 6,
        error: null,
        counts: { signals: 6, products: productCount, trending_products: 3, bought_together_pairs: 2, also_viewed_pairs: 2, terms: expect.any(Number) },
      })
      expect(new Date(done.finished_at!).getTime()).toBeGreaterThanOrEqual(new Date(done.started_at).getTime())
      const status = await admin("/admin/recommendations/status")
      expect(status).toMatchObject({ running_build: null, last_build: { id: started.id, status: "succeeded" }, counts: done.counts })

      // The rebuild recomputes what the real-time path had built: the same neighbours with the same
      // scores. ("similar" keeps its products; its scores may move, as the rebuild refreshes every
      // product's TF-IDF norm, which the real-time path lets drift.)
      const after = await lists()
      const summary = (l: ProductLists) =>
        l.lists.map((x) =>
          x.list === "similar"
            ? [x.list, x.model.map((c) => c.product_id).sort()]
            : [x.list, x.model.map((c) => [c.product_id, Number(c.score?.toFixed(6)), c.reason])]
        )
      expect(summary(after)).toEqual(summary(before))
      expect(await storeIds(`/store/recommendations/products/${p.A.id}?type=bought_together`)).toEqual([p.B.id])

      // Importing the order history again counts no order twice.
      const reimport = await adminTry("post", "/admin/recommendations/rebuild", { import_orders: true })
      expect(reimport.status).toBe(202)
      const reimported = await eventually(() => build(reimport.data.build.id), (b) => b.status !== "running", "the second build finishing")
      expect(reimported).toMatchObject({ status: "succeeded", counts: { signals: 6, bought_together_pairs: 2 } })
      expect((await admin("/admin/recommendations/status")).builds.map((b: Build) => b.id)).toEqual([reimported.id, started.id])
    })

    it("rebuilds started at the same moment (the nightly job and merchants) make one build", async () => {
      const attempts = await Promise.allSettled(
        ["schedule", "admin", "admin", "schedule", "admin"].map((trigger) => startRecommendationRebuild(getContainer(), { trigger }))
      )
      const started = attempts.filter((a): a is PromiseFulfilledResult<Awaited<ReturnType<typeof startRecommendationRebuild>>> => a.status === "fulfilled")
      const refused = attempts.filter((a): a is PromiseRejectedResult => a.status === "rejected")
      expect({ started: started.length, refused: refused.map((r) => (r.reason as MedusaError).type) }).toEqual({
        started: 1,
        refused: Array(4).fill(MedusaError.Types.CONFLICT),
      })
      await started[0].value.wait
      expect(await recommendations().listRecommendationBuilds({})).toEqual([expect.objectContaining({ status: "succeeded" })])
    })

    it("pins and exclusions show on the storefront at once; deleting a rule undoes it", async () => {
      await browse("rules-1", [p.A, p.B, p.C])
      const alsoViewed = `/store/recommendations/products/${p.A.id}?type=also_viewed`
      await eventually(() => storeIds(alsoViewed), (ids) => ids.length === 2, "the views reaching A's list")
      const sorted = [p.B.id, p.C.id].sort() // equal scores: by product id
      expect(await storeIds(alsoViewed)).toEqual(sorted)

      const exclude = await adminTry("post", "/admin/recommendations/rules", { list: "also_viewed", anchor_product_id: p.A.id, product_id: p.B.id, action: "exclude" })
      expect(exclude.status).toBe(201)
      expect(exclude.data.rule).toMatchObject({
        id: expect.stringMatching(/^rrule_/),
        list: "also_viewed",
        anchor_product_id: p.A.id,
        product_id: p.B.id,
        action: "exclude",
        position: 0,
        created_by: f.admin.user.id,
      })
      const pin = await adminTry("post", "/admin/recommendations/rules", { list: "also_viewed", anchor_product_id: p.A.id, product_id: p.E.id, action: "pin" })
      expect(pin.status).toBe(201)

      // No wait: the admin's answer comes after the storefront's cached lists were dropped.
      const pinned = await storeList(alsoViewed)
      expect(pinned.products.map((x) => x.id)).toEqual([p.E.id, p.C.id])
      expect(pinned.products[0].recommendation).toEqual({ score: null, reason: { type: "pinned" } })
      // Rules for A's page leave B's page alone.
      expect(await storeIds(`/store/recommendations/products/${p.B.id}?type=also_viewed`)).toEqual([p.A.id, p.C.id].sort())

      // A list-wide pin on trending.
      expect((await adminTry("post", "/admin/recommendations/rules", { list: "trending", product_id: p.E.id, action: "pin" })).status).toBe(201)
      const hot = await storeIds("/store/recommendations/trending")
      expect(hot[0]).toBe(p.E.id)
      expect(hot.slice(1).sort()).toEqual([p.A.id, p.B.id, p.C.id].sort())

      // Setting B again replaces its exclusion with a pin; a pinned draft is still never shown.
      expect((await adminTry("post", "/admin/recommendations/rules", { list: "also_viewed", anchor_product_id: p.A.id, product_id: p.B.id, action: "pin", position: 1 })).status).toBe(201)
      expect((await adminTry("post", "/admin/recommendations/rules", { list: "also_viewed", anchor_product_id: p.A.id, product_id: p.X.id, action: "pin", position: 2 })).status).toBe(201)
      const { rules } = await admin(`/admin/recommendations/rules?list=also_viewed&anchor_product_id=${p.A.id}`)
      expect(rules.map((r: any) => [r.product_id, r.action, r.position])).toEqual([
        [p.E.id, "pin", 0],
        [p.B.id, "pin", 1],
        [p.X.id, "pin", 2],
      ])
      expect(await storeIds(alsoViewed)).toEqual([p.E.id, p.B.id, p.C.id])
      // Rules by scope, a page at a time: the dashboard asks for the list-wide ones apart.
      const everyPage = await admin("/admin/recommendations/rules?scope=every_page")
      expect(everyPage.rules.map((r: any) => [r.list, r.product_id])).toEqual([["trending", p.E.id]])
      expect(everyPage.count).toBe(1)
      const firstPage = await admin("/admin/recommendations/rules?scope=product_pages&limit=2")
      expect(firstPage).toMatchObject({ count: 3, limit: 2, offset: 0 })
      const secondPage = await admin("/admin/recommendations/rules?scope=product_pages&limit=2&offset=2")
      expect([...firstPage.rules, ...secondPage.rules].map((r: any) => r.product_id).sort()).toEqual([p.E.id, p.B.id, p.X.id].sort())

      const removed = await adminTry("delete", `/admin/recommendations/rules/${pin.data.rule.id}`)
      expect(removed).toEqual({ status: 200, data: { id: pin.data.rule.id, object: "recommendation_rule", deleted: true } })
      expect(await storeIds(alsoViewed)).toEqual([p.B.id, p.C.id])
      const gone = await adminTry("delete", `/admin/recommendations/rules/${pin.data.rule.id}`)
      expectClientError(gone, "deleting a deleted rule")
      expect(gone.status).toBe(404)

      // The admin sees the model's list, the rules and what they make of it (stock and channel aside).
      const { lists } = await admin<ProductLists>(`/admin/recommendations/products/${p.A.id}`)
      const av = lists.find((l) => l.list === "also_viewed")!
      expect(av.model.map((c) => c.product_id)).toEqual(sorted)
      expect(av.rules.map((r) => [r.product_id, r.action])).toEqual([
        [p.B.id, "pin"],
        [p.X.id, "pin"],
      ])
      expect(av.shown.map((c) => c.product_id)).toEqual([p.B.id, p.X.id, p.C.id])
    })

    it("GET /admin/recommendations/products/:id lists each model with scores, reasons and titles", async () => {
      const shopper = await signUp(api, f.storefront.publishableKey)
      await placeOrder(api, f, shopper, [
        { variantId: p.A.variantId, quantity: 1 },
        { variantId: p.B.variantId, quantity: 1 },
      ])
      await browse("lists-1", [p.A, p.C, p.X])
      const answer = await eventually(
        () => admin<ProductLists>(`/admin/recommendations/products/${p.A.id}`),
        (a) => a.lists[0].model.length === 1 && a.lists[1].model.length === 2,
        "the order and views reaching A's lists"
      )
      expect(answer.product_id).toBe(p.A.id)
      expect(answer.lists.map((l) => l.list)).toEqual(["bought_together", "also_viewed", "similar"])
      const [bought, viewed, similar] = answer.lists
      expect(bought.model).toEqual([{ product_id: p.B.id, score: expect.any(Number), reason: { type: "bought_together", product_id: p.A.id, support: 1 } }])
      expect(viewed.model.map((c) => c.product_id).sort()).toEqual([p.C.id, p.X.id].sort())
      // The draft looks most like the shirt: the merchant sees it in the model, the storefront does not.
      expect(similar.model[0]).toMatchObject({ product_id: p.X.id, reason: { type: "similar", product_id: p.A.id } })
      expect(await storeIds(`/store/recommendations/products/${p.A.id}?type=similar`)).not.toContain(p.X.id)
      for (const list of answer.lists) expect(list.shown.map((c) => c.product_id)).toEqual(list.model.map((c) => c.product_id))

      const titles = Object.fromEntries(answer.products.map((x) => [x.id, x.title]))
      for (const id of answer.lists.flatMap((l) => l.model.map((c) => c.product_id))) expect(titles[id]).toEqual(expect.any(String))
      expect(titles).toMatchObject({ [p.B.id]: "Wool socks", [p.C.id]: "Ceramic mug", [p.X.id]: "Linen shirt draft" })
      expect(answer.products.find((x) => x.id === p.X.id)?.status).toBe("draft")

      const short = await admin<ProductLists>(`/admin/recommendations/products/${p.A.id}?limit=1`)
      for (const list of short.lists) expect(list.model.length).toBeLessThanOrEqual(1)
    })

    it("catalogue changes reach the lists: a renamed product, one added to a category, a deleted one", async () => {
      type Similar = Candidate & { reason: { shared_terms?: string[] } }
      const similarToMug = () => admin<ProductLists>(`/admin/recommendations/products/${p.C.id}`).then((a) => a.lists[2].model as Similar[])
      // Before: the cup shares only a price band with the mug.
      const cup = (await similarToMug()).find((c) => c.product_id === p.E.id)
      expect(cup?.reason.shared_terms ?? []).not.toContain("w:mug")

      await ok(api.post(`/admin/products/${p.E.id}`, { title: "Ceramic espresso mug" }, f.admin.headers))
      const renamed = await eventually(similarToMug, (model) => model[0]?.product_id === p.E.id, "the new title reaching the mug's similar list")
      expect(renamed[0].reason.shared_terms).toEqual(expect.arrayContaining(["w:ceramic", "w:mug"]))
      expect((await storeIds(`/store/recommendations/products/${p.C.id}?type=similar`))[0]).toBe(p.E.id)

      // The merchant files the mug under Shirts from the category page: per-category trending follows.
      await browse("catalogue-1", [p.A, p.C])
      const shirts = `/store/recommendations/trending?category_id=${f.category.id}`
      expect(await eventually(() => storeIds(shirts), (ids) => ids.length > 0, "the views reaching trending")).toEqual([p.A.id])
      await ok(api.post(`/admin/product-categories/${f.category.id}/products`, { add: [p.C.id] }, f.admin.headers))
      const filed = await eventually(() => storeIds(shirts), (ids) => ids.length === 2, "the category change reaching per-category trending")
      expect(filed.sort()).toEqual([p.A.id, p.C.id].sort())
      await ok(api.post(`/admin/product-categories/${f.category.id}/products`, { remove: [p.C.id] }, f.admin.headers))
      expect(await eventually(() => storeIds(shirts), (ids) => ids.length === 1, "the removal reaching per-category trending")).toEqual([p.A.id])

      await ok(api.delete(`/admin/products/${p.E.id}`, f.admin.headers))
      await eventually(similarToMug, (model) => !model.some((c) => c.product_id === p.E.id), "the deletion reaching the mug's similar list")
      const deleted = await adminTry("get", `/admin/recommendations/products/${p.E.id}`)
      expect(deleted.status).toBe(404)
      expect(await recommendations().listRecommendationProducts({ product_id: p.E.id })).toEqual([])
    })

    it("bad requests get a 4xx with a message, never a 500", async () => {
      const rule = { list: "also_viewed", anchor_product_id: p.A.id, product_id: p.B.id, action: "pin" }
      const cases: [string, () => Promise<HttpResult>, number, RegExp][] = [
        ["a rule without a body", () => adminTry("post", "/admin/recommendations/rules", {}), 400, /list|required/],
        ["a rule for an unknown list", () => adminTry("post", "/admin/recommendations/rules", { ...rule, list: "popular" }), 400, /list/],
        ["a rule with an unknown action", () => adminTry("post", "/admin/recommendations/rules", { ...rule, action: "boost" }), 400, /action/],
        ["a rule without a product", () => adminTry("post", "/admin/recommendations/rules", { ...rule, product_id: undefined }), 400, /product_id/],
        ["a rule with an empty product id", () => adminTry("post", "/admin/recommendations/rules", { ...rule, product_id: "" }), 400, /product_id/],
        ["a trending rule with a product page", () => adminTry("post", "/admin/recommendations/rules", { ...rule, list: "trending" }), 400, /no product page/],
        ["a personalized rule with a product page", () => adminTry("post", "/admin/recommendations/rules", { ...rule, list: "personalized" }), 400, /no product page/],
        ["a product pinned to its own page", () => adminTry("post", "/admin/recommendations/rules", { ...rule, product_id: p.A.id }), 400, /own page/],
        ["a negative position", () => adminTry("post", "/admin/recommendations/rules", { ...rule, position: -1 }), 400, /position/],
        ["a fractional position", () => adminTry("post", "/admin/recommendations/rules", { ...rule, position: 1.5 }), 400, /position/],
        ["an unknown field", () => adminTry("post", "/admin/recommendations/rules", { ...rule, boost: 3 }), 400, /boost/],
        ["a rule for an unknown product", () => adminTry("post", "/admin/recommendations/rules", { ...rule, product_id: "prod_unknown" }), 404, /prod_unknown/],
        ["a rule on an unknown product page", () => adminTry("post", "/admin/recommendations/rules", { ...rule, anchor_product_id: "prod_nopage" }), 404, /prod_nopage/],
        ["rules of an unknown list", () => adminTry("get", "/admin/recommendations/rules?list=popular"), 400, /list/],
        ["rules of an unknown scope", () => adminTry("get", "/admin/recommendations/rules?scope=mine"), 400, /scope/],
        ["rules with a limit over 500", () => adminTry("get", "/admin/recommendations/rules?limit=501"), 400, /limit/],
        ["the lists of an unknown product", () => adminTry("get", "/admin/recommendations/products/prod_unknown"), 404, /prod_unknown/],
        ["product lists with limit=0", () => adminTry("get", `/admin/recommendations/products/${p.A.id}?limit=0`), 400, /limit/],
        ["product lists with limit=abc", () => adminTry("get", `/admin/recommendations/products/${p.A.id}?limit=abc`), 400, /limit/],
        ["an unknown build", () => adminTry("get", "/admin/recommendations/builds/rbld_unknown"), 404, /rbld_unknown/],
        ["deleting an unknown rule", () => adminTry("delete", "/admin/recommendations/rules/rrule_unknown"), 404, /rrule_unknown/],
        ["a rebuild with import_orders 'yes'", () => adminTry("post", "/admin/recommendations/rebuild", { import_orders: "yes" }), 400, /import_orders/],
        ["a rebuild with an unknown field", () => adminTry("post", "/admin/recommendations/rebuild", { full: true }), 400, /full/],
      ]
      for (const [label, send, status, says] of cases) {
        const answer = await send()
        expectClientError(answer, label)
        expect({ label, status: answer.status, message: answer.data.message }).toEqual({ label, status, message: expect.stringMatching(says) })
      }
      expect(await recommendations().listRecommendationRules({})).toEqual([])
      expect(await recommendations().listRecommendationBuilds({})).toEqual([])
    })
  },
})
