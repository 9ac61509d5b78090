import { MedusaError } from "@medusajs/framework/utils"
import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { RECOMMENDATION_MODULE } from ".."
import type { Candidate } from "../candidates"
import type RecommendationModuleService from "../service"
import type { SignalInput } from "../signals"

jest.setTimeout(60_000)

const HOUR = 3600 * 1000
const MINUTE = 60 * 1000

/** ISO time `hours` before now (fractions allowed). */
const hoursAgo = (hours: number) => new Date(Date.now() - hours * HOUR).toISOString()

/** Ochiai coefficient shrunk by support / (support + shrinkage), as the models score a pair. */
const ochiai = (support: number, na: number, nb: number, shrinkage = 2) => (support / Math.sqrt(na * nb)) * (support / (support + shrinkage))

/** TF-IDF inverse document frequency of a term held by `df` of `n` products. */
const idf = (n: number, df: number) => Math.log((n + 1) / (df + 1)) + 1

const purchase = (order_id: string, product_id: string, extra: Partial<SignalInput> = {}): SignalInput => ({
  event_key: `purchase:${order_id}:${product_id}`,
  kind: "purchase",
  product_id,
  order_id,
  customer_id: `cus_of_${order_id}`,
  ...extra,
})

let viewCounter = 0
const view = (session_key: string | null, product_id: string, occurred_at: string, extra: Partial<SignalInput> = {}): SignalInput => ({
  event_key: `view:${session_key}:${product_id}:${++viewCounter}`,
  kind: "view",
  product_id,
  session_key,
  anonymous_id: session_key ? `anon_of_${session_key}` : null,
  occurred_at,
  ...extra,
})

/**
 * The module's own instance, its methods bound to it. The runner's `service` is a proxy whose
 * methods run with `this` = the proxy, so a field the service sets (its refresh timer) lands on
 * the proxy and reads back as the instance's: the service would not run as it does in the app.
 */
function boundService(medusaApp: { modules: Record<string, unknown> }): RecommendationModuleService {
  return new Proxy({} as RecommendationModuleService, {
    get: (_, prop) => {
      const instance = medusaApp.modules[RECOMMENDATION_MODULE] as Record<string | symbol, unknown>
      const value = instance[prop]
      return typeof value === "function" ? value.bind(instance) : value
    },
  })
}

const ids = (list: Candidate[]) => list.map((c) => c.product_id)
const scores = (list: Candidate[]) => list.map((c) => c.score)

// ------------------------------------------------------------------ shared scenarios

/**
 * Orders o1 {A, B, C} (C arrives in a later batch), o2 {A, B}, o3 {C, D}.
 * Orders per product: A 2, B 2, C 2, D 1. Pairs: A–B 2, A–C 1, B–C 1, C–D 1.
 */
async function recordOrders(service: RecommendationModuleService) {
  const first = await service.recordNow([purchase("o1", "bt_a"), purchase("o1", "bt_b"), purchase("o2", "bt_a"), purchase("o2", "bt_b")])
  expect(first).toEqual({ inserted: 4 })
  const second = await service.recordNow([purchase("o1", "bt_c"), purchase("o3", "bt_c"), purchase("o3", "bt_d")])
  expect(second).toEqual({ inserted: 3 })
}

/**
 * Views with a one-hour window (the runner's option), all six hours ago or later:
 * - s1: A at t0, B at t0+10m, A again at t0+20m (same batch), C at t0+2h, A again at t0+2h05m
 *   (next batch; within the window of C, but A counts at its first view, t0, so no A–C pair);
 * - s2: A at t0, then B at t0+5m in the next batch (a pair across batches);
 * - s3: B at t0, C at t0+30m, both in the second batch (a pair within one batch).
 * Sessions per product: A 2, B 3, C 2. Pairs: A–B 2 (s1, s2), B–C 1 (s3); A–C none (2 h apart in s1).
 */
async function recordViews(service: RecommendationModuleService) {
  const t0 = Date.now() - 6 * HOUR
  const t = (minutes: number) => new Date(t0 + minutes * MINUTE).toISOString()
  const batch2 = [view("s2", "av_b", t(5)), view("s1", "av_a", t(125)), view("s3", "av_b", t(0)), view("s3", "av_c", t(30))]
  await service.recordNow([view("s1", "av_a", t(0)), view("s1", "av_b", t(10)), view("s1", "av_a", t(20)), view("s1", "av_c", t(120)), view("s2", "av_a", t(0))])
  expect(await service.recordNow(batch2)).toEqual({ inserted: 4 })
  // Redelivered: nothing changes.
  expect(await service.recordNow(batch2)).toEqual({ inserted: 0 })
}

/**
 * Trending with the default 72 h half-life:
 * - P: a purchase (weight 5) exactly one half-life ago → 2.5;
 * - R: a cart (weight 3) 20 h ago → 3 · 2^(−20/72);
 * - Q: a view now and one two half-lives ago (separate batches) → 1 + 0.25;
 * - S: a view weighted 2, 30 days ago → 2 · 2^(−10).
 */
const TREND = {
  p: 5 * 0.5,
  r: 3 * Math.pow(2, -20 / 72),
  q: 1 + 0.25,
  s: 2 * Math.pow(2, -720 / 72),
}
async function recordTrending(service: RecommendationModuleService) {
  await service.recordNow([purchase("o_t1", "tr_p", { occurred_at: hoursAgo(72) })])
  await service.recordNow([{ event_key: "cart:li_1:1", kind: "cart", product_id: "tr_r", customer_id: "cus_t", occurred_at: hoursAgo(20) }])
  await service.recordNow([view(null, "tr_q", hoursAgo(0))])
  await service.recordNow([view(null, "tr_q", hoursAgo(144)), view(null, "tr_s", hoursAgo(720), { weight: 2 })])
}

/** Everything the incremental path maintains, in a comparable form. */
async function modelState(service: RecommendationModuleService) {
  const pairs = await service.listRecommendationPairs({}, { take: 1000 })
  const stats = await service.listRecommendationProductStats({}, { take: 1000 })
  const items = await service.listRecommendationSessionItems({}, { take: 1000 })
  return {
    pairs: pairs.map((p) => `${p.kind} ${p.product_id}→${p.related_id} ${p.support}`).sort(),
    stats: stats
      .map((s) => ({
        product_id: s.product_id,
        order_count: s.order_count,
        session_count: s.session_count,
        view_count: s.view_count,
        cart_count: s.cart_count,
        purchase_count: s.purchase_count,
        trend_log: s.trend_log,
      }))
      .sort((a, b) => a.product_id.localeCompare(b.product_id)),
    session_items: items.map((i) => `${i.session_key} ${i.product_id} ${new Date(i.first_at).toISOString()}`).sort(),
  }
}

moduleIntegrationTestRunner<RecommendationModuleService>({
  moduleName: RECOMMENDATION_MODULE,
  resolve: "./src/modules/recommendation",
  pathToMigrations: "./src/modules/recommendation/migrations",
  // A one-hour also-viewed window: views two hours apart would pair under the default four.
  moduleOptions: { also_viewed_window_hours: 1 },
  testSuite: ({ medusaApp }) => {
    const service = boundService(medusaApp)
    describe("bought_together", () => {
      it("ranks a product's co-purchases by shrunk Ochiai score, across batches of one order", async () => {
        await recordOrders(service)

        const a = await service.recommend("bought_together", { product_id: "bt_a", limit: 10 })
        expect(ids(a)).toEqual(["bt_b", "bt_c"])
        expect(a[0].score).toBeCloseTo(ochiai(2, 2, 2), 10) // 0.5
        expect(a[1].score).toBeCloseTo(ochiai(1, 2, 2), 10) // 1/6
        expect(a[0].reason).toEqual({ type: "bought_together", product_id: "bt_a", support: 2 })
        expect(a[1].reason).toEqual({ type: "bought_together", product_id: "bt_a", support: 1 })

        // The rarer D (one order) outranks A and B (two orders each) at equal support; A and B tie, by id.
        const c = await service.recommend("bought_together", { product_id: "bt_c", limit: 10 })
        expect(ids(c)).toEqual(["bt_d", "bt_a", "bt_b"])
        expect(scores(c)[0]).toBeCloseTo(ochiai(1, 2, 1), 10)
        expect(scores(c)[1]).toBeCloseTo(ochiai(1, 2, 2), 10)
        expect(scores(c)[2]).toBeCloseTo(ochiai(1, 2, 2), 10)

        const d = await service.recommend("bought_together", { product_id: "bt_d", limit: 10 })
        expect(ids(d)).toEqual(["bt_c"])
        expect(d[0].score).toBeCloseTo(ochiai(1, 1, 2), 10)

        expect(ids(await service.recommend("bought_together", { product_id: "bt_c", limit: 1 }))).toEqual(["bt_d"])
        expect(await service.recommend("bought_together", { product_id: "bt_unknown", limit: 10 })).toEqual([])

        const [statA] = await service.listRecommendationProductStats({ product_id: "bt_a" })
        expect(statA).toMatchObject({ order_count: 2, purchase_count: 2, session_count: 0, view_count: 0 })
      })

      it("does not pair purchases without an order, or across orders", async () => {
        await service.recordNow([
          { event_key: "p:x", kind: "purchase", product_id: "bt_x", customer_id: "cus_1" },
          { event_key: "p:y", kind: "purchase", product_id: "bt_y", customer_id: "cus_1" },
          purchase("o9", "bt_x"),
          purchase("o10", "bt_y"),
        ])
        expect(await service.recommend("bought_together", { product_id: "bt_x", limit: 10 })).toEqual([])
        expect(await service.listRecommendationPairs({})).toEqual([])
      })
    })

    describe("also_viewed", () => {
      it("pairs a session's products at their first view, within the window, once per session", async () => {
        await recordViews(service)

        const stats = await service.listRecommendationProductStats({}, { order: { product_id: "ASC" } })
        expect(stats.map((s) => [s.product_id, s.session_count, s.view_count])).toEqual([
          ["av_a", 2, 4],
          ["av_b", 3, 3],
          ["av_c", 2, 2],
        ])

        const a = await service.recommend("also_viewed", { product_id: "av_a", limit: 10 })
        expect(ids(a)).toEqual(["av_b"])
        expect(a[0].score).toBeCloseTo(ochiai(2, 2, 3), 10)
        expect(a[0].reason).toEqual({ type: "also_viewed", product_id: "av_a", support: 2 })

        const b = await service.recommend("also_viewed", { product_id: "av_b", limit: 10 })
        expect(ids(b)).toEqual(["av_a", "av_c"])
        expect(b[0].score).toBeCloseTo(ochiai(2, 3, 2), 10)
        expect(b[1].score).toBeCloseTo(ochiai(1, 3, 2), 10)

        const c = await service.recommend("also_viewed", { product_id: "av_c", limit: 10 })
        expect(ids(c)).toEqual(["av_b"])
        expect(c[0].score).toBeCloseTo(ochiai(1, 2, 3), 10)

        // Views and purchases are separate models.
        expect(await service.recommend("bought_together", { product_id: "av_a", limit: 10 })).toEqual([])
      })

      it("does not pair views outside a session", async () => {
        await service.recordNow([view(null, "av_x", hoursAgo(0.1)), view(null, "av_y", hoursAgo(0.05))])
        expect(await service.recommend("also_viewed", { product_id: "av_x", limit: 10 })).toEqual([])
        const [stat] = await service.listRecommendationProductStats({ product_id: "av_x" })
        expect(stat).toMatchObject({ session_count: 0, view_count: 1 })
      })

      it("pairs views exactly at the window's edge, and not a minute past it", async () => {
        const t0 = Date.now() - 5 * HOUR
        const t = (minutes: number) => new Date(t0 + minutes * MINUTE).toISOString()
        await service.recordNow([view("e1", "av_x", t(0)), view("e1", "av_y", t(60))])
        await service.recordNow([view("e2", "av_x", t(0))])
        await service.recordNow([view("e2", "av_z", t(61))])
        expect(ids(await service.recommend("also_viewed", { product_id: "av_x", limit: 10 }))).toEqual(["av_y"])
        expect(await service.recommend("also_viewed", { product_id: "av_z", limit: 10 })).toEqual([])
      })
    })

    describe("trending", () => {
      it("scores time-decayed popularity exactly, older signals weighing less", async () => {
        await recordTrending(service)

        const list = await service.recommend("trending", { limit: 10 })
        expect(ids(list)).toEqual(["tr_p", "tr_r", "tr_q", "tr_s"])
        expect(list.every((c) => c.reason.type === "trending")).toBe(true)
        expect(list[0].score).toBeCloseTo(TREND.p, 3) // 2.5
        expect(list[1].score).toBeCloseTo(TREND.r, 3) // 2.4748
        expect(list[2].score).toBeCloseTo(TREND.q, 3) // 1.25
        expect(list[3].score).toBeCloseTo(TREND.s, 5) // 0.00195

        expect(ids(await service.recommend("trending", { limit: 2 }))).toEqual(["tr_p", "tr_r"])
      })

      it("ranks the same signal higher the more recent it is", async () => {
        await service.recordNow([view(null, "tr_old", hoursAgo(48)), view(null, "tr_new", hoursAgo(1)), view(null, "tr_mid", hoursAgo(24))])
        const list = await service.recommend("trending", { limit: 10 })
        expect(ids(list)).toEqual(["tr_new", "tr_mid", "tr_old"])
        expect(list[0].score).toBeCloseTo(Math.pow(2, -1 / 72), 3)
        expect(list[2].score).toBeCloseTo(Math.pow(2, -48 / 72), 3)
      })

      it("filters by category through the product profiles", async () => {
        await recordTrending(service)
        await service.upsertProducts([
          { product_id: "tr_p", title: "P", category_ids: ["cat_x"] },
          { product_id: "tr_r", title: "R", category_ids: ["cat_y"] },
          { product_id: "tr_q", title: "Q", category_ids: ["cat_x"] },
          { product_id: "tr_s", title: "S", category_ids: ["cat_x", "cat_y"] },
        ])
        expect(ids(await service.recommend("trending", { category_ids: ["cat_x"], limit: 10 }))).toEqual(["tr_p", "tr_q", "tr_s"])
        expect(ids(await service.recommend("trending", { category_ids: ["cat_y"], limit: 10 }))).toEqual(["tr_r", "tr_s"])
        expect(ids(await service.recommend("trending", { category_ids: ["cat_x", "cat_y"], limit: 10 }))).toEqual(["tr_p", "tr_r", "tr_q", "tr_s"])
        expect(await service.recommend("trending", { category_ids: ["cat_none"], limit: 10 })).toEqual([])
        // No category filter: every product with signals, profiled or not.
        expect(ids(await service.recommend("trending", { category_ids: [], limit: 10 }))).toEqual(["tr_p", "tr_r", "tr_q", "tr_s"])

        const [q] = await service.recommend("trending", { category_ids: ["cat_x"], limit: 10 }).then((l) => l.filter((c) => c.product_id === "tr_q"))
        expect(q.score).toBeCloseTo(TREND.q, 3)
      })
    })

    describe("personalized", () => {
      /**
       * Orders o1 {A, B} and o2 {A, B} by others, o3 {A, C} by cus_1. Orders: A 3, B 2, C 1.
       * Views now, sessionless, by others: D ×4, E ×2 (trending fill; below C's 5).
       * Trending: A 15, B 10, C 5, D 4, E 2.
       */
      async function setup() {
        await service.recordNow([purchase("o1", "pz_a"), purchase("o1", "pz_b"), purchase("o2", "pz_a"), purchase("o2", "pz_b")])
        await service.recordNow([purchase("o3", "pz_a", { customer_id: "cus_1" }), purchase("o3", "pz_c", { customer_id: "cus_1" })])
        const now = hoursAgo(0)
        await service.recordNow([
          ...[1, 2, 3, 4].map(() => view(null, "pz_d", now, { anonymous_id: "anon_other" })),
          ...[1, 2].map(() => view(null, "pz_e", now, { anonymous_id: "anon_other" })),
        ])
      }

      it("gives a cold-start visitor trending alone", async () => {
        await setup()
        const list = await service.recommend("personalized", { customer_id: "cus_new", limit: 4 })
        expect(ids(list)).toEqual(["pz_a", "pz_b", "pz_c", "pz_d"])
        expect(list.map((c) => c.reason)).toEqual([{ type: "trending" }, { type: "trending" }, { type: "trending" }, { type: "trending" }])
        expect(scores(list)).toEqual([expect.closeTo(15, 2), expect.closeTo(10, 2), expect.closeTo(5, 2), expect.closeTo(4, 2)])

        const nobody = await service.recommend("personalized", { limit: 3 })
        expect(ids(nobody)).toEqual(["pz_a", "pz_b", "pz_c"])
      })

      it("puts collaborative-filtering neighbours of the history first, leaves purchases out, fills with trending", async () => {
        await setup()
        const list = await service.recommend("personalized", { customer_id: "cus_1", limit: 4 })
        // B because of A (5 · Ochiai(2; 3, 2)); A and C were bought; D and E are trending.
        expect(ids(list)).toEqual(["pz_b", "pz_d", "pz_e"])
        expect(list[0].reason).toEqual({ type: "bought_together", product_id: "pz_a" })
        expect(list[0].score).toBeCloseTo(5 * ochiai(2, 3, 2), 3)
        expect(list.slice(1).map((c) => c.reason)).toEqual([{ type: "trending" }, { type: "trending" }])
      })

      it("keeps recommending a bought product that is replenishable", async () => {
        await setup()
        await service.upsertProducts([{ product_id: "pz_c", title: "Coffee beans", replenishable: true }])
        const list = await service.recommend("personalized", { customer_id: "cus_1", limit: 4 })
        expect(ids(list)).toEqual(["pz_b", "pz_c", "pz_d", "pz_e"])
        expect(list[1].reason).toEqual({ type: "bought_together", product_id: "pz_a" })
        expect(list[1].score).toBeCloseTo(5 * ochiai(1, 3, 1), 3)
      })

      it("shows a guest the effect of their own anonymous history only", async () => {
        await setup()
        // The guest viewed D in one session; another visitor viewed D and E together.
        await service.recordNow([view("g1", "pz_d", hoursAgo(0.5), { anonymous_id: "anon_guest" })])
        await service.recordNow([view("g2", "pz_d", hoursAgo(0.4)), view("g2", "pz_e", hoursAgo(0.3))])
        // Sessions: D 2, E 1; pair D–E 1. Trending now: A 15, B 10, C 5, D 6, E 3.
        const list = await service.recommend("personalized", { anonymous_id: "anon_guest", limit: 4 })
        expect(list[0]).toEqual({
          product_id: "pz_e",
          score: expect.closeTo(1 * 0.5 * ochiai(1, 2, 1), 3),
          reason: { type: "also_viewed", product_id: "pz_d" },
        })
        // cus_1's history (which would bring B by A) plays no part: the rest is trending.
        expect(ids(list)).toEqual(["pz_e", "pz_a", "pz_b", "pz_d"])
        expect(list.slice(1).every((c) => c.reason.type === "trending")).toBe(true)
      })
    })

    describe("similar", () => {
      /**
       * Four products (N = 4). Terms and their document frequencies:
       * wool 2, red 2, blue 2, scarf 2, cat:c1 2, cat:c2 2, sale 3 (held by more than half: ignored).
       * P1 {wool, red, c1, sale}, P2 {wool, blue, c1, sale}, P3 {red, scarf, c2, sale}, P4 {scarf, blue, c2}.
       */
      const catalogue = [
        { product_id: "sm_1", tags: ["wool", "red", "sale"], category_ids: ["c1"] },
        { product_id: "sm_2", tags: ["wool", "blue", "sale"], category_ids: ["c1"] },
        { product_id: "sm_3", tags: ["red", "scarf", "sale"], category_ids: ["c2"] },
        { product_id: "sm_4", tags: ["scarf", "blue"], category_ids: ["c2"] },
      ]
      // Cosine over the informative terms: every one has df 2, so each product is a 3-term vector of equal weights.
      const w = idf(4, 2)
      const cos = (shared: number, a: number, b: number) => (shared * w * w) / (Math.sqrt(a * w * w) * Math.sqrt(b * w * w))

      it("ranks products by TF-IDF cosine over shared informative terms", async () => {
        await service.upsertProducts(catalogue)

        const one = await service.recommend("similar", { product_id: "sm_1", limit: 10 })
        expect(ids(one)).toEqual(["sm_2", "sm_3"])
        expect(one[0].score).toBeCloseTo(cos(2, 3, 3), 5) // 2/3
        expect(one[1].score).toBeCloseTo(cos(1, 3, 3), 5) // 1/3
        expect(one[0].reason).toEqual({ type: "similar", product_id: "sm_1", shared_terms: expect.arrayContaining(["tag:wool", "cat:c1"]) })
        expect((one[0].reason as { shared_terms: string[] }).shared_terms).toHaveLength(2)

        const four = await service.recommend("similar", { product_id: "sm_4", limit: 10 })
        // P3 shares scarf and c2; P2 shares blue; P1 nothing.
        expect(ids(four)).toEqual(["sm_3", "sm_2"])
        expect(four[0].score).toBeCloseTo(cos(2, 3, 3), 5)
        expect(four[1].score).toBeCloseTo(cos(1, 3, 3), 5)
      })

      it("scores 1 for a product identical in its informative terms, whatever common terms it holds", async () => {
        await service.upsertProducts([
          { product_id: "sm_a", tags: ["linen", "shirt"] },
          { product_id: "sm_b", tags: ["linen", "shirt"] },
          { product_id: "sm_c", tags: ["shirt", "navy"] },
          { product_id: "sm_d", tags: ["navy"] },
          { product_id: "sm_e", tags: ["boot"] },
        ])
        // N = 5, threshold max(2, 2.5): linen 2, shirt 3 (> 2.5: ignored), navy 2, boot 1.
        const list = await service.recommend("similar", { product_id: "sm_a", limit: 10 })
        expect(ids(list)).toEqual(["sm_b"])
        expect(list[0].score).toBeCloseTo(1, 5)
        const c = await service.recommend("similar", { product_id: "sm_c", limit: 10 })
        expect(ids(c)).toEqual(["sm_d"])
        expect(c[0].score).toBeCloseTo(1, 5)
      })

      it("follows profile changes and removals", async () => {
        await service.upsertProducts(catalogue)
        // P3 loses "red": P1 and P3 share nothing any more; red's df drops to 1.
        await service.upsertProducts([{ product_id: "sm_3", tags: ["scarf", "sale"], category_ids: ["c2"] }])
        expect(ids(await service.recommend("similar", { product_id: "sm_1", limit: 10 }))).toEqual(["sm_2"])
        const [red] = await service.listRecommendationTerms({ term: "tag:red" })
        expect(red.product_count).toBe(1)

        // N = 3 now: the threshold is max(2, 1.5), so "sale" (df 2) is informative again and is all P1 and P3 share.
        await service.removeProducts(["sm_2"])
        const after = await service.recommend("similar", { product_id: "sm_1", limit: 10 })
        expect(ids(after)).toEqual(["sm_3"])
        expect(after[0].reason).toEqual({ type: "similar", product_id: "sm_1", shared_terms: ["tag:sale"] })
        expect(await service.listRecommendationTerms({ term: "tag:wool" }).then((t) => t.map((x) => x.product_count))).toEqual([1])
        expect(await service.recommend("similar", { product_id: "sm_unknown", limit: 10 })).toEqual([])
      })
    })

    describe("idempotency", () => {
      it("changes no count or score when the same signals are recorded again", async () => {
        await recordOrders(service)
        await recordViews(service)
        await recordTrending(service)
        const before = await modelState(service)
        const countsBefore = await service.counts()
        const neighboursBefore = await service.recommend("bought_together", { product_id: "bt_a", limit: 10 })
        const trendingBefore = await service.recommend("trending", { limit: 20 })

        const signals = await service.listRecommendationSignals({}, { take: 1000 })
        const replay: SignalInput[] = signals.map((s) => ({
          event_key: s.event_key,
          kind: s.kind,
          product_id: s.product_id,
          customer_id: s.customer_id,
          anonymous_id: s.anonymous_id,
          session_key: s.session_key,
          order_id: s.order_id,
          weight: s.weight,
          occurred_at: s.occurred_at,
        }))
        expect(replay.length).toBe(countsBefore.signals)
        // Once as a whole, once in one batch with every signal twice.
        expect(await service.recordNow(replay)).toEqual({ inserted: 0 })
        expect(await service.recordNow([...replay, ...replay])).toEqual({ inserted: 0 })

        expect(await modelState(service)).toEqual(before)
        expect(await service.counts()).toEqual(countsBefore)
        expect(await service.recommend("bought_together", { product_id: "bt_a", limit: 10 })).toEqual(neighboursBefore)
        expect(ids(await service.recommend("trending", { limit: 20 }))).toEqual(ids(trendingBefore))
      })

      it("counts a signal repeated within one new batch once", async () => {
        const twice = [purchase("o1", "id_a"), purchase("o1", "id_b"), purchase("o1", "id_a"), purchase("o1", "id_b")]
        expect(await service.recordNow(twice)).toEqual({ inserted: 2 })
        const pairs = await service.listRecommendationPairs({})
        expect(pairs.map((p) => p.support)).toEqual([1, 1])
        const stats = await service.listRecommendationProductStats({ product_id: "id_a" })
        expect(stats[0]).toMatchObject({ order_count: 1, purchase_count: 1 })
        const [trend] = await service.recommend("trending", { limit: 1 })
        expect(trend.score).toBeCloseTo(5, 3)
      })
    })

    describe("rebuild", () => {
      it("rebuilds to the same models the incremental path maintained, and records the build", async () => {
        await recordOrders(service)
        await recordViews(service)
        await recordTrending(service)
        const before = await modelState(service)
        const lists = async () => ({
          bt_a: await service.recommend("bought_together", { product_id: "bt_a", limit: 10 }),
          bt_c: await service.recommend("bought_together", { product_id: "bt_c", limit: 10 }),
          av_b: await service.recommend("also_viewed", { product_id: "av_b", limit: 10 }),
          trending: await service.recommend("trending", { limit: 20 }),
        })
        const listsBefore = await lists()

        const build = await service.startBuild("test")
        expect(build.id).toMatch(/^rbld_/)
        await expect(service.startBuild("again")).rejects.toMatchObject({ type: MedusaError.Types.CONFLICT })

        const counts = await service.rebuildModels(build.id)
        expect(counts).toEqual({
          signals: 7 + 9 + 5,
          products: 0,
          trending_products: 4 + 3 + 4,
          bought_together_pairs: 8,
          also_viewed_pairs: 4,
          terms: 0,
        })
        const record = await service.retrieveRecommendationBuild(build.id)
        expect(record).toMatchObject({ status: "succeeded", trigger: "test", step: null, steps_done: 6, steps_total: 6, counts })
        expect(record.finished_at).toBeTruthy()

        const after = await modelState(service)
        expect(after.pairs).toEqual(before.pairs)
        expect(after.stats.map(({ trend_log, ...rest }) => rest)).toEqual(before.stats.map(({ trend_log, ...rest }) => rest))
        after.stats.forEach((s, i) => expect(s.trend_log).toBeCloseTo(before.stats[i].trend_log!, 3))

        const listsAfter = await lists()
        for (const key of ["bt_a", "bt_c", "av_b"] as const) {
          expect(listsAfter[key]).toEqual(listsBefore[key].map((c) => ({ ...c, score: expect.closeTo(c.score!, 10) })))
        }
        expect(ids(listsAfter.trending)).toEqual(ids(listsBefore.trending))
        listsAfter.trending.forEach((c, i) => expect(c.score).toBeCloseTo(listsBefore.trending[i].score!, 3))

        // A new build may start once this one is done.
        const next = await service.startBuild("test")
        await service.rebuildModels(next.id)
      })

      it("keeps the session items inside the window, so new views add on top of the rebuilt pairs", async () => {
        await service.recordNow([view("r1", "rb_a", hoursAgo(0.5)), view("r1", "rb_b", hoursAgo(0.4))])
        await service.recordNow([view("r0", "rb_a", hoursAgo(5)), view("r0", "rb_b", hoursAgo(4.9))])
        const build = await service.startBuild("test")
        await service.rebuildModels(build.id)
        const items = await service.listRecommendationSessionItems({})
        expect(items.map((i) => `${i.session_key} ${i.product_id}`).sort()).toEqual(["r1 rb_a", "r1 rb_b"])

        // C joins r1 within the window: pairs with A and B once each; A again in r1 changes nothing.
        await service.recordNow([view("r1", "rb_c", hoursAgo(0.1)), view("r1", "rb_a", hoursAgo(0.05))])
        const pairs = await modelState(service).then((s) => s.pairs)
        expect(pairs).toEqual([
          "also_viewed rb_a→rb_b 2",
          "also_viewed rb_a→rb_c 1",
          "also_viewed rb_b→rb_a 2",
          "also_viewed rb_b→rb_c 1",
          "also_viewed rb_c→rb_a 1",
          "also_viewed rb_c→rb_b 1",
        ])
        const [a] = await service.listRecommendationProductStats({ product_id: "rb_a" })
        expect(a).toMatchObject({ session_count: 2, view_count: 3 })

        // And a second rebuild agrees.
        const again = await service.startBuild("test")
        await service.rebuildModels(again.id)
        expect(await modelState(service).then((s) => s.pairs)).toEqual(pairs)
      })

      it("keeps every product of a session still active, so a product viewed again is not counted again", async () => {
        // Session r2: A two hours ago (past the one-hour window), B ten minutes ago: no pair.
        await service.recordNow([view("r2", "rb_a", hoursAgo(2)), view("r2", "rb_b", hoursAgo(1 / 6))])
        const build = await service.startBuild("test")
        await service.rebuildModels(build.id)
        // A again, now: its first view in r2 was two hours ago, so it still does not pair with B.
        await service.recordNow([view("r2", "rb_a", hoursAgo(0))])
        const incremental = await modelState(service)
        expect(incremental.pairs).toEqual([])
        expect(incremental.stats.map((s) => [s.product_id, s.session_count, s.view_count])).toEqual([
          ["rb_a", 1, 2],
          ["rb_b", 1, 1],
        ])
        const again = await service.startBuild("test")
        await service.rebuildModels(again.id)
        const rebuilt = await modelState(service)
        expect(rebuilt.pairs).toEqual(incremental.pairs)
        expect(rebuilt.stats.map(({ trend_log, ...rest }) => rest)).toEqual(incremental.stats.map(({ trend_log, ...rest }) => rest))
      })

      it("rebuilds the terms and norms of similarity", async () => {
        // One product at a time: earlier products' norms drift as frequencies change; the rebuild fixes them.
        await service.upsertProducts([{ product_id: "rs_1", tags: ["wool", "red"] }])
        await service.upsertProducts([{ product_id: "rs_2", tags: ["wool", "blue"] }])
        await service.upsertProducts([{ product_id: "rs_3", tags: ["blue", "cotton"] }])
        await service.upsertProducts([{ product_id: "rs_4", tags: ["cotton", "linen"] }])
        const build = await service.startBuild("test")
        const counts = await service.rebuildModels(build.id)
        expect(counts).toMatchObject({ products: 4, terms: 5 })
        // N = 4; wool, blue, cotton df 2; red, linen df 1. rs_1 · rs_2 share wool.
        const w2 = idf(4, 2)
        const w1 = idf(4, 1)
        const list = await service.recommend("similar", { product_id: "rs_1", limit: 10 })
        expect(ids(list)).toEqual(["rs_2"])
        expect(list[0].score).toBeCloseTo((w2 * w2) / (Math.sqrt(w2 * w2 + w1 * w1) * Math.sqrt(2 * w2 * w2)), 5)
      })
    })

    describe("rules", () => {
      it("applies list-wide and per-product pins and exclusions", async () => {
        await recordOrders(service)
        // bt_c's model list: D, A, B.
        await service.createRecommendationRules([
          { list: "bought_together", anchor_product_id: null, product_id: "bt_pinned_everywhere", action: "pin", position: 0 },
          { list: "bought_together", anchor_product_id: null, product_id: "bt_a", action: "exclude" },
          { list: "bought_together", anchor_product_id: "bt_c", product_id: "bt_b", action: "pin", position: 1 },
          { list: "bought_together", anchor_product_id: "bt_c", product_id: "bt_page_pin", action: "pin", position: 0 },
          { list: "bought_together", anchor_product_id: "bt_d", product_id: "bt_c", action: "exclude" },
          { list: "also_viewed", anchor_product_id: null, product_id: "bt_d", action: "exclude" },
        ])

        const c = await service.recommend("bought_together", { product_id: "bt_c", limit: 10 })
        expect(c.map((x) => [x.product_id, x.reason.type])).toEqual([
          ["bt_page_pin", "pinned"],
          ["bt_b", "pinned"],
          ["bt_pinned_everywhere", "pinned"],
          ["bt_d", "bought_together"],
        ])
        expect(c[0].score).toBeNull()
        expect(c[3].score).toBeCloseTo(ochiai(1, 2, 1), 10)

        // Another page: only the list-wide rules.
        const b = await service.recommend("bought_together", { product_id: "bt_b", limit: 10 })
        expect(ids(b)).toEqual(["bt_pinned_everywhere", "bt_c"])

        // bt_d's page excludes its only neighbour.
        expect(ids(await service.recommend("bought_together", { product_id: "bt_d", limit: 10 }))).toEqual(["bt_pinned_everywhere"])

        // The model's own ranking is still there for the admin.
        expect(ids(await service.candidates("bought_together", { product_id: "bt_c", limit: 10 }))).toEqual(["bt_d", "bt_a", "bt_b"])
      })

      it("applies list-wide rules to trending", async () => {
        await recordTrending(service)
        await service.createRecommendationRules([
          { list: "trending", anchor_product_id: null, product_id: "tr_s", action: "pin", position: 0 },
          { list: "trending", anchor_product_id: null, product_id: "tr_p", action: "exclude" },
          { list: "bought_together", anchor_product_id: null, product_id: "tr_r", action: "exclude" },
        ])
        expect(ids(await service.recommend("trending", { limit: 10 }))).toEqual(["tr_s", "tr_r", "tr_q"])
      })
    })
  },
})

/** Tuning options: a higher minimum support, a fractional shrinkage, a short history. */
moduleIntegrationTestRunner<RecommendationModuleService>({
  moduleName: RECOMMENDATION_MODULE,
  resolve: "./src/modules/recommendation",
  pathToMigrations: "./src/modules/recommendation/migrations",
  moduleOptions: { min_support: 2, shrinkage: 0.5, history_size: 2 },
  testSuite: ({ medusaApp }) => {
    const service = boundService(medusaApp)
    describe("tuning options", () => {
      it("leaves out pairs below the minimum support and shrinks by the configured amount", async () => {
        await recordOrders(service)
        const a = await service.recommend("bought_together", { product_id: "bt_a", limit: 10 })
        expect(ids(a)).toEqual(["bt_b"])
        expect(a[0].score).toBeCloseTo(ochiai(2, 2, 2, 0.5), 10) // 0.8
        expect(await service.recommend("bought_together", { product_id: "bt_c", limit: 10 })).toEqual([])
      })

      it("applies them to personalized lists too", async () => {
        await service.recordNow([purchase("o1", "pz_a"), purchase("o1", "pz_b"), purchase("o2", "pz_a"), purchase("o2", "pz_b")])
        await service.recordNow([purchase("o3", "pz_a", { customer_id: "cus_1" }), purchase("o3", "pz_c", { customer_id: "cus_1" })])
        await service.upsertProducts([{ product_id: "pz_c", replenishable: true }])
        // C (support 1 with A) is below the minimum: only B, then trending (A and C bought, C replenishable).
        const list = await service.recommend("personalized", { customer_id: "cus_1", limit: 3 })
        expect(list.map((c) => [c.product_id, c.reason.type])).toEqual([
          ["pz_b", "bought_together"],
          ["pz_c", "trending"],
        ])
        expect(list[0].score).toBeCloseTo(5 * ochiai(2, 3, 2, 0.5), 3)
      })

      it("leaves out a purchase older than the history it reads", async () => {
        await service.recordNow([purchase("o1", "pz_a"), purchase("o1", "pz_b"), purchase("o2", "pz_a"), purchase("o2", "pz_b")])
        await service.recordNow([
          purchase("o3", "pz_a", { customer_id: "cus_1", occurred_at: hoursAgo(2) }),
          purchase("o3", "pz_c", { customer_id: "cus_1", occurred_at: hoursAgo(2) }),
        ])
        // Three views since: the two latest are the history (history_size 2); the purchases are not in it.
        await service.recordNow([
          view(null, "pz_x", hoursAgo(1), { customer_id: "cus_1" }),
          view(null, "pz_y", hoursAgo(0.5), { customer_id: "cus_1" }),
          view(null, "pz_z", hoursAgo(0.25), { customer_id: "cus_1" }),
        ])
        // Trending: A ≈ 15, B 10, C ≈ 5, then Z, Y, X ≈ 1. A and C were bought: never shown again.
        const list = await service.recommend("personalized", { customer_id: "cus_1", limit: 10 })
        expect(ids(list)).toEqual(["pz_b", "pz_z", "pz_y", "pz_x"])
      })
    })
  },
})
