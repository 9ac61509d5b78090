import { addErrors, load, noErrors, round } from "../lib/load.mjs"
import { pick, rng } from "../lib/random.mjs"
import { REC_DATASET, ensureRecommendationDataset } from "../lib/recommendations.mjs"

const CONNECTIONS = Number(process.env.BENCH_REC_CONNECTIONS || 10)

/**
 * The recommendation routes against a product page on the same server, same run: every target
 * draws a random product (or category, or visitor) from the 10,000-product data set per request,
 * so the store read cache helps each of them alike (hits only on repeats). Emporium only: vanilla
 * Medusa has no recommendations; its product page is measured by the product-detail scenario.
 * Target (issue 5): each route's p95 ≤ 0.5 × GET /store/products/:id's p95.
 */
export default {
  name: "recommendations",
  optIn: true,
  emporiumOnly: true,
  description: `GET /store/recommendations/{products/:id ×3 types, trending, trending?category_id, me} vs GET /store/products/:id on ${REC_DATASET.products} products / ${REC_DATASET.interactions} interactions, random ids, ${CONNECTIONS} connections each`,
  async setup(ctx) {
    ctx.state.dataset = await ensureRecommendationDataset(ctx)
    const { productIds, categoryIds } = ctx.state.dataset
    const region = ctx.catalog.regionId
    const random = rng(7)
    const product = () => pick(random, productIds)
    ctx.state.targets = [
      { key: "product_detail", label: "GET /store/products/:id", next: () => `/store/products/${product()}?region_id=${region}` },
      { key: "bought_together", label: "bought_together", next: () => `/store/recommendations/products/${product()}?type=bought_together&region_id=${region}` },
      { key: "also_viewed", label: "also_viewed", next: () => `/store/recommendations/products/${product()}?type=also_viewed&region_id=${region}` },
      { key: "similar", label: "similar", next: () => `/store/recommendations/products/${product()}?type=similar&region_id=${region}` },
      { key: "trending", label: "trending", next: () => `/store/recommendations/trending?region_id=${region}` },
      {
        key: "trending_category",
        label: "trending?category_id",
        next: () => `/store/recommendations/trending?category_id=${pick(random, categoryIds)}&region_id=${region}`,
      },
      {
        key: "me_guest",
        label: "me (guest, anonymous_id)",
        next: () => `/store/recommendations/me?anonymous_id=anon_bench_${Math.floor(random() * 40000)}&region_id=${region}`,
      },
    ]
    // One answer each before the load: it must be a 200 with products.
    for (const t of ctx.state.targets) {
      const res = await fetch(ctx.server.url + t.next(), { headers: ctx.store.headers })
      const body = await res.json().catch(() => ({}))
      t.first = { status: res.status, products: Array.isArray(body.products) ? body.products.length : null }
      ctx.log(`  ${t.label}: first answer ${res.status}, ${t.first.products ?? "no"} products`)
    }
  },
  async run(ctx) {
    const duration = Math.min(ctx.options.duration, 15)
    const metrics = []
    const errors = noErrors()
    const p95 = {}
    const perTarget = []
    for (const t of ctx.state.targets) {
      const out = await load(ctx, () => ({ path: t.next() }), { connections: CONNECTIONS, duration, p95: true })
      const m = Object.fromEntries(out.metrics.map((x) => [x.key, x.value]))
      p95[t.key] = m.latency_p95
      metrics.push(
        { key: `${t.key}_p50`, label: `${t.label}: latency p50 (ms)`, value: m.latency_p50, better: "lower" },
        { key: `${t.key}_p95`, label: `${t.label}: latency p95 (ms)`, value: m.latency_p95, better: "lower" },
        { key: `${t.key}_rps`, label: `${t.label}: req/s (mean)`, value: m.rps_mean, better: "higher" }
      )
      addErrors(errors, out.errors, t.label)
      perTarget.push({ key: t.key, label: t.label, first: t.first, metrics: out.metrics })
      ctx.log(`  ${t.label}: p50 ${m.latency_p50} ms, p95 ${m.latency_p95} ms, ${m.rps_mean} req/s, ${out.errors.count} of ${out.errors.total} failed`)
    }
    for (const t of ctx.state.targets.filter((x) => x.key !== "product_detail")) {
      metrics.push({
        key: `${t.key}_p95_vs_product`,
        label: `${t.label}: p95 ÷ product page p95 (target ≤ 0.5)`,
        value: round(p95[t.key] / p95.product_detail, 2),
        better: "lower",
      })
    }
    return { metrics, errors, raw: { connections: CONNECTIONS, duration, dataset: ctx.state.dataset, targets: perTarget } }
  },
}
