import { withDb } from "../lib/db.mjs"
import { addErrors, load, noErrors, percentile, round } from "../lib/load.mjs"
import { cpuByPid, cpuDelta } from "../lib/proc.mjs"
import { mapLimit } from "../lib/store.mjs"
import { SEARCH_DATASET, buildQueries, buildSearchIndex, ensureSearchDataset } from "../lib/search.mjs"

const CONNECTIONS = Number(process.env.BENCH_SEARCH_CONNECTIONS || 10)
/** Seconds per route under load (default: --duration, at most 15). */
const DURATION = Number(process.env.BENCH_SEARCH_DURATION || 0)
/** Requests in flight during the hit-rate passes (each query once): 1 also gives the unloaded latency. */
const HIT_CONCURRENCY = Number(process.env.BENCH_SEARCH_HIT_CONCURRENCY || 1)
/** Queries also sent typed right to Emporium's route (the first N of the list; each costs a full search). */
const EXACT_QUERIES = Number(process.env.BENCH_SEARCH_EXACT_QUERIES || 100)
/**
 * Emporium's store read cache answers repeated GET /store/products from memory, which would
 * measure the cache instead of Medusa's search. A session cookie makes it step aside (a request
 * with credentials is never served from the shared cache); Medusa ignores an unsigned session id.
 * Both routes get the same headers. GET /store/search/products is not cached at all.
 */
const BYPASS_CACHE = { cookie: "connect.sid=bench-search-no-cache" }

const enc = encodeURIComponent
const emporiumPath = (q, query) => `/store/search/products?q=${enc(q)}&category=${enc(query.category)}&currency_code=eur&limit=10`
const medusaPath = (q, query) => `/store/products?q=${enc(q)}&category_id[]=${enc(query.categoryId)}&limit=10`

/** pids of the PostgreSQL backends connected to the bench database (the server's pool among them). */
async function backendPids(dbUrl) {
  return withDb(dbUrl, async (c) => (await c.query("SELECT pid FROM pg_stat_activity WHERE datname = current_database()")).rows.map((r) => r.pid))
}

/**
 * Waits until no statement of the bench database is running: a closed-loop load leaves requests
 * in flight when it stops (a slow route's last ones run on for seconds), which would otherwise
 * land in the next measurement. Returns the seconds waited.
 */
async function drain(ctx, maxMs = 120_000) {
  const t0 = Date.now()
  let quiet = 0
  while (Date.now() - t0 < maxMs && quiet < 2) {
    const active = await withDb(ctx.dbUrl, async (c) =>
      Number((await c.query("SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND state = 'active' AND pid <> pg_backend_pid()")).rows[0].n)
    )
    quiet = active ? 0 : quiet + 1
    await new Promise((r) => setTimeout(r, 500))
  }
  return Math.round((Date.now() - t0) / 100) / 10
}

/** Each query once; where the intended product landed (rank 1–10, or null), the time and the status. */
async function hitPass(ctx, label, pathOf, typed, queries = ctx.state.queries) {
  const headers = { ...ctx.store.headers, ...BYPASS_CACHE }
  const started = Date.now()
  const rows = await mapLimit(queries, HIT_CONCURRENCY, async (query) => {
    const path = pathOf(typed ? query.q : query.exact, query)
    const t0 = performance.now()
    const res = await fetch(ctx.server.url + path, { headers })
    const text = await res.text()
    const ms = performance.now() - t0
    if (!res.ok) return { status: res.status, ms, rank: null, count: null, error: text.slice(0, 300), path }
    const body = JSON.parse(text)
    const at = (body.products ?? []).findIndex((p) => p.id === query.productId)
    return { status: res.status, ms, rank: at === -1 ? null : at + 1, count: body.count ?? null, cache: res.headers.get("x-emporium-cache") }
  })
  const ok = rows.filter((r) => r.status === 200)
  const hits = ok.filter((r) => r.rank !== null).length
  const times = ok.map((r) => r.ms)
  const statuses = {}
  for (const r of rows) statuses[r.status] = (statuses[r.status] ?? 0) + 1
  const summary = {
    label,
    typed: typed ? "one typo" : "typed right",
    queries: rows.length,
    failed: rows.length - ok.length,
    statuses,
    hits,
    hitRatePct: rows.length ? round((100 * hits) / rows.length, 1) : null,
    top1: ok.filter((r) => r.rank === 1).length,
    zeroResults: ok.filter((r) => r.count === 0).length,
    p50: round(percentile(times, 50), 1),
    p95: round(percentile(times, 95), 1),
    seconds: Math.round((Date.now() - started) / 100) / 10,
    cache: [...new Set(ok.map((r) => r.cache).filter(Boolean))],
    samples: rows.filter((r) => r.status !== 200).slice(0, 3).map((r) => ({ status: r.status, body: `${r.path}: ${r.error}` })),
  }
  ctx.log(
    `  ${label}, ${summary.typed}: ${hits}/${rows.length} in the top 10 (${summary.hitRatePct} %), top 1 ${summary.top1}, ` +
      `no result ${summary.zeroResults}, ${summary.failed} failed; one at a time: p50 ${summary.p50} ms, p95 ${summary.p95} ms`
  )
  return { summary, rows }
}

/** Hit rate per kind of edit, for the record. */
function byEditKind(queries, rows) {
  const out = {}
  queries.forEach((q, i) => {
    const k = (out[q.edit.kind] ??= { queries: 0, hits: 0 })
    k.queries++
    if (rows[i].rank !== null) k.hits++
  })
  return out
}

/**
 * Product search on 50,000 generated products (issue 8): one-typo queries with a category filter,
 * on Emporium's GET /store/search/products (Medusa's Search Module, Postgres provider: typo
 * tolerance, disjunctive facets, exact count) against Medusa's own GET /store/products?q= (ILIKE),
 * same server, same database, same query list. Emporium only (vanilla Medusa has no search route).
 * Targets: the intended product in the top 10 for ≥ 95 % of one-typo queries on Emporium's route.
 */
export default {
  name: "search",
  optIn: true,
  emporiumOnly: true,
  description:
    `GET /store/search/products?q=<1 typo>&category=&currency_code=eur&limit=10 (facets, exact count) vs GET /store/products?q=&category_id[]=&limit=10 ` +
    `on ${SEARCH_DATASET.products} generated products, ${SEARCH_DATASET.queries} queries cycled, ${CONNECTIONS} connections each; top-10 hit rate of the intended product`,
  async setup(ctx) {
    ctx.state.dataset = await ensureSearchDataset(ctx)
    ctx.state.index = await buildSearchIndex(ctx)
    const { queries, skipped } = buildQueries(ctx.state.dataset.products)
    ctx.state.queries = queries
    ctx.state.skipped = skipped
    ctx.log(`  ${queries.length} queries (${skipped} drawn products skipped: no pair of their title words narrow enough), e.g. "${queries[0].q}" for "${queries[0].title}" in ${queries[0].category}`)
    // One answer from each route first: a 200 of the expected shape, and no cache on Medusa's.
    const headers = { ...ctx.store.headers, ...BYPASS_CACHE }
    for (const [name, path] of [
      ["search", emporiumPath(queries[0].q, queries[0])],
      ["medusa", medusaPath(queries[0].exact, queries[0])],
    ]) {
      const res = await fetch(ctx.server.url + path, { headers })
      const text = await res.text()
      if (!res.ok) throw new Error(`${path} answered ${res.status}: ${text.slice(0, 300)}`)
      const body = JSON.parse(text)
      if (!Array.isArray(body.products)) throw new Error(`${path}: no products in the answer`)
      if (name === "search" && !body.facets?.categories) throw new Error(`${path}: no facets in the answer`)
      if (name === "medusa" && res.headers.get("x-emporium-cache") === "hit") throw new Error(`${path} was answered from the store read cache`)
      ctx.log(`  first answer ${path}: ${res.status}, ${body.products.length} products of ${body.count}`)
    }
  },
  async run(ctx) {
    const { queries } = ctx.state
    const errors = noErrors()
    const tally = (summary, label) => {
      errors.total += summary.queries
      errors.count += summary.failed
      errors.non2xx += summary.failed
      for (const [status, n] of Object.entries(summary.statuses)) errors.statuses[status] = (errors.statuses[status] ?? 0) + n
      errors.samples.push(...summary.samples.map((s) => ({ ...s, body: `${label}: ${s.body}` })))
    }

    // Hit rates: each query once, one at a time (also the unloaded latency).
    ctx.log(`  hit rates: ${queries.length} queries, ${HIT_CONCURRENCY} in flight`)
    const passes = {
      searchTypo: await hitPass(ctx, "Emporium search", emporiumPath, true),
      medusaTypo: await hitPass(ctx, "Medusa ?q=", medusaPath, true),
      medusaExact: await hitPass(ctx, "Medusa ?q=", medusaPath, false),
      searchExact: await hitPass(ctx, "Emporium search", emporiumPath, false, queries.slice(0, EXACT_QUERIES)),
    }
    for (const [k, p] of Object.entries(passes)) tally(p.summary, k)

    // Latency under load: the same query list cycled on both routes.
    const duration = DURATION || Math.min(ctx.options.duration, 15)
    const headers = { ...ctx.store.headers, ...BYPASS_CACHE }
    const targets = [
      { key: "search", label: "Emporium GET /store/search/products", path: emporiumPath },
      { key: "medusa", label: "Medusa GET /store/products?q=", path: medusaPath },
    ]
    // Who goes first alternates between rounds.
    if (Math.floor(ctx.seed / 10) % 2 === 0) targets.reverse()
    const loads = {}
    for (const t of targets) {
      const drained = await drain(ctx)
      let i = 0
      const pgBefore = cpuByPid(await backendPids(ctx.dbUrl))
      const out = await load(ctx, () => {
        const query = queries[i++ % queries.length]
        return { path: t.path(query.q, query) }
      }, { connections: CONNECTIONS, duration, headers, p95: true })
      // PostgreSQL's CPU for the requests, including what the last ones still run after the load stops.
      const tail = await drain(ctx)
      const pgMs = cpuDelta(pgBefore, cpuByPid(await backendPids(ctx.dbUrl)))
      const m = Object.fromEntries(out.metrics.map((x) => [x.key, x.value]))
      m.pg_cpu_ms_per_req = out.errors.total ? round(pgMs / out.errors.total, 1) : null
      loads[t.key] = { label: t.label, metrics: m, errors: out.errors, raw: { ...out.raw, drainedBeforeS: drained, tailAfterS: tail } }
      addErrors(errors, out.errors, t.label)
      ctx.log(
        `  ${t.label} under load: p50 ${m.latency_p50} ms, p95 ${m.latency_p95} ms, ${m.rps_mean} req/s, server CPU ${m.cpu_ms_per_req} ms/req, ` +
          `PostgreSQL CPU ${m.pg_cpu_ms_per_req} ms/req, ${out.errors.count} of ${out.errors.total} failed (queries still running ${tail} s after the load)`
      )
    }

    const s = loads.search.metrics
    const v = loads.medusa.metrics
    const pct = (p) => p.summary.hitRatePct
    const metrics = [
      { key: "search_p50", label: "Emporium /store/search/products (1 typo, category, facets): p50 (ms)", value: s.latency_p50, better: "lower" },
      { key: "search_p95", label: "Emporium /store/search/products: p95 (ms)", value: s.latency_p95, better: "lower" },
      { key: "search_rps", label: "Emporium /store/search/products: req/s (mean)", value: s.rps_mean, better: "higher" },
      { key: "search_cpu", label: "Emporium /store/search/products: server CPU per request (ms)", value: s.cpu_ms_per_req, better: "lower" },
      { key: "search_pg_cpu", label: "Emporium /store/search/products: PostgreSQL CPU per request (ms)", value: s.pg_cpu_ms_per_req, better: "lower" },
      { key: "medusa_p50", label: "Medusa /store/products?q= (1 typo, category_id): p50 (ms)", value: v.latency_p50, better: "lower" },
      { key: "medusa_p95", label: "Medusa /store/products?q=: p95 (ms)", value: v.latency_p95, better: "lower" },
      { key: "medusa_rps", label: "Medusa /store/products?q=: req/s (mean)", value: v.rps_mean, better: "higher" },
      { key: "medusa_cpu", label: "Medusa /store/products?q=: server CPU per request (ms)", value: v.cpu_ms_per_req, better: "lower" },
      { key: "medusa_pg_cpu", label: "Medusa /store/products?q=: PostgreSQL CPU per request (ms)", value: v.pg_cpu_ms_per_req, better: "lower" },
      { key: "p95_ratio", label: "search p95 ÷ Medusa ?q= p95", value: v.latency_p95 ? round(s.latency_p95 / v.latency_p95, 2) : null, better: "lower" },
      { key: "search_hits", label: "Emporium search: intended product in top 10, 1 typo (%, target ≥ 95)", value: pct(passes.searchTypo), better: "higher" },
      { key: "medusa_hits", label: "Medusa ?q=: intended product in top 10, 1 typo (%)", value: pct(passes.medusaTypo), better: "higher" },
      { key: "search_hits_exact", label: `Emporium search: in top 10, typed right (%, first ${passes.searchExact.summary.queries} queries)`, value: pct(passes.searchExact), better: "higher" },
      { key: "medusa_hits_exact", label: "Medusa ?q=: in top 10, typed right (%)", value: pct(passes.medusaExact), better: "higher" },
      { key: "search_seq_p50", label: `Emporium search, ${HIT_CONCURRENCY} in flight (hit-rate pass, 1 typo): p50 (ms)`, value: passes.searchTypo.summary.p50, better: "lower" },
      { key: "search_seq_p95", label: `Emporium search, ${HIT_CONCURRENCY} in flight: p95 (ms)`, value: passes.searchTypo.summary.p95, better: "lower" },
      { key: "medusa_seq_p50", label: `Medusa ?q=, ${HIT_CONCURRENCY} in flight (hit-rate pass, 1 typo): p50 (ms)`, value: passes.medusaTypo.summary.p50, better: "lower" },
      { key: "medusa_seq_p95", label: `Medusa ?q=, ${HIT_CONCURRENCY} in flight: p95 (ms)`, value: passes.medusaTypo.summary.p95, better: "lower" },
      {
        key: "index_build_s",
        label: `search index build, ${ctx.state.index.expected} products (s, reindex request → all counted)`,
        value: ctx.state.index.seconds,
        better: "lower",
      },
    ]
    return {
      metrics,
      errors,
      raw: {
        connections: CONNECTIONS,
        duration,
        hitConcurrency: HIT_CONCURRENCY,
        dataset: { products: ctx.state.dataset.products.length, created: ctx.state.dataset.created, seconds: ctx.state.dataset.seconds },
        index: ctx.state.index,
        queriesSkipped: ctx.state.skipped,
        passes: Object.fromEntries(Object.entries(passes).map(([k, p]) => [k, p.summary])),
        hitsByEditKind: { search: byEditKind(queries, passes.searchTypo.rows), medusa: byEditKind(queries, passes.medusaTypo.rows) },
        loads: Object.fromEntries(Object.entries(loads).map(([k, l]) => [k, { label: l.label, metrics: l.metrics, raw: l.raw }])),
        queries: queries.map((q, i) => ({
          ...q,
          rank: {
            searchTypo: passes.searchTypo.rows[i].rank,
            medusaTypo: passes.medusaTypo.rows[i].rank,
            medusaExact: passes.medusaExact.rows[i].rank,
            searchExact: passes.searchExact.rows[i]?.rank,
          },
          count: {
            searchTypo: passes.searchTypo.rows[i].count,
            medusaTypo: passes.medusaTypo.rows[i].count,
            medusaExact: passes.medusaExact.rows[i].count,
            searchExact: passes.searchExact.rows[i]?.count,
          },
          ms: { searchTypo: round(passes.searchTypo.rows[i].ms, 1), medusaTypo: round(passes.medusaTypo.rows[i].ms, 1) },
        })),
      },
    }
  },
}
