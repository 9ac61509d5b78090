import { adminClient } from "../lib/admin.mjs"
import { DATASET, ensureDataset } from "../lib/analytics.mjs"
import { withDb } from "../lib/db.mjs"
import { addErrors, load, noErrors, round } from "../lib/load.mjs"

const CONNECTIONS = Number(process.env.BENCH_REPORT_CONNECTIONS || 4)
const ROUTES = ["sales", "products", "categories", "funnel", "customers"]
/** A dashboard's two usual views: the last 30 days by day, the last year by week. */
const RANGES = [
  { key: "30d", days: 30, interval: "day" },
  { key: "365d", days: 365, interval: "week" },
]

const isoDay = (d) => d.toISOString().slice(0, 10)

/**
 * The merchant's reports on a large store: GET /admin/analytics/{sales,products,categories,
 * funnel,customers} with an admin bearer token, for the last 30 days (interval=day) and the
 * last 365 days (interval=week), each under closed-loop load (BENCH_REPORT_CONNECTIONS, default
 * 4 connections, for --duration seconds, at most 10). Setup loads the dataset (≥ 1M events,
 * 50k orders over 365 days; bench/lib/analytics.mjs) once per bench database, then asks each
 * report once and compares a few of its numbers with direct SQL on the analytics tables.
 */
export default {
  name: "analytics-reports",
  optIn: true,
  emporiumOnly: true,
  description: `GET /admin/analytics/{${ROUTES.join(",")}} for 30 and 365 days on ≥ ${DATASET.events} events / ${DATASET.orders} orders, ${CONNECTIONS} connections each`,
  async setup(ctx) {
    ctx.state.dataset = await ensureDataset(ctx.dbUrl, ctx.log)
    const { counts } = ctx.state.dataset
    ctx.log(
      `analytics dataset ${ctx.state.dataset.loaded ? `loaded in ${ctx.state.dataset.seconds} s` : "already present"}: ` +
        `${counts.all_events} events (${counts.events} generated), ${counts.all_orders} orders (${counts.orders} generated), ${counts.lines} lines, ` +
        `${counts.sessions} sessions, ${counts.refunds} refunds, ${counts.registrations} registrations, ${counts.carts} carts`
    )
    const admin = await adminClient(ctx.server.url)
    ctx.state.headers = admin.headers
    const today = new Date()
    ctx.state.targets = []
    for (const range of RANGES) {
      const from = new Date(today.getTime() - (range.days - 1) * 86_400_000)
      const query = `from=${isoDay(from)}&to=${isoDay(today)}`
      for (const route of ROUTES) {
        const interval = route === "sales" || route === "customers" ? `&interval=${range.interval}` : ""
        ctx.state.targets.push({ route, range: range.key, from: isoDay(from), to: isoDay(today), path: `/admin/analytics/${route}?${query}${interval}` })
      }
    }
    // One answer each before the load: status, size, and a few numbers checked against SQL.
    ctx.state.checks = []
    for (const t of ctx.state.targets) {
      const t0 = performance.now()
      const res = await fetch(ctx.server.url + t.path, { headers: ctx.state.headers })
      const text = await res.text()
      t.first = { status: res.status, ms: round(performance.now() - t0, 0), bytes: text.length, cache: res.headers.get("x-emporium-cache") ?? undefined }
      if (!res.ok) {
        t.first.body = text.slice(0, 300)
        ctx.log(`GET ${t.path} answered ${res.status}: ${text.slice(0, 200)}`)
        continue
      }
      try {
        ctx.state.checks.push(...(await checkAgainstSql(ctx.dbUrl, t, JSON.parse(text))))
      } catch (error) {
        ctx.state.checks.push({ route: t.route, range: t.range, name: "answer has the documented shape", ok: false, detail: error.message })
      }
    }
    for (const c of ctx.state.checks) ctx.log(`report check ${c.ok ? "ok" : "DIFFERS"}: ${c.route} ${c.range}: ${c.name}${c.detail ? ` (${c.detail})` : ""}`)
  },
  async run(ctx) {
    const duration = Number(process.env.BENCH_REPORT_DURATION || Math.min(ctx.options.duration, 10))
    const metrics = []
    const errors = noErrors()
    const perTarget = []
    for (const t of ctx.state.targets) {
      const label = `${t.route} ${t.range}`
      if (t.first.status !== 200) {
        // A report that does not answer is not timed; the failure is what the table shows.
        errors.count++
        errors.total++
        errors.statuses[t.first.status] = (errors.statuses[t.first.status] ?? 0) + 1
        errors.samples.push({ status: t.first.status, body: `${t.path}: ${t.first.body}` })
        perTarget.push({ ...t, failed: true })
        continue
      }
      const out = await load(ctx, () => ({ path: t.path }), { headers: ctx.state.headers, connections: CONNECTIONS, duration, p95: true })
      const m = Object.fromEntries(out.metrics.map((x) => [x.key, x.value]))
      const key = `${t.route}_${t.range}`
      metrics.push(
        { key: `${key}_p50`, label: `${label}: latency p50 (ms)`, value: m.latency_p50, better: "lower" },
        { key: `${key}_p95`, label: `${label}: latency p95 (ms)`, value: m.latency_p95, better: "lower" },
        { key: `${key}_p99`, label: `${label}: latency p99 (ms)`, value: m.latency_p99, better: "lower" },
        { key: `${key}_rps`, label: `${label}: req/s (mean)`, value: m.rps_mean, better: "higher" }
      )
      addErrors(errors, out.errors, t.path)
      perTarget.push({ ...t, metrics: out.metrics, raw: out.raw, errors: { count: out.errors.count, total: out.errors.total, statuses: out.errors.statuses } })
      ctx.log(`  ${label}: p50 ${m.latency_p50} ms, p95 ${m.latency_p95} ms, p99 ${m.latency_p99} ms, ${m.rps_mean} req/s, ${out.errors.count} of ${out.errors.total} failed`)
    }
    return {
      metrics,
      errors,
      raw: { connections: CONNECTIONS, duration, dataset: ctx.state.dataset, checks: ctx.state.checks, targets: perTarget },
    }
  },
}

/**
 * A few numbers of a report compared with SQL on the same tables and the README's
 * definitions (UTC days, `to` a whole day): orders and revenue per currency (sales),
 * sessions that viewed a product (funnel), registrations (customers). A difference is
 * reported, not fatal: it is for the route's author to look at.
 */
async function checkAgainstSql(dbUrl, t, body) {
  const from = `${t.from}T00:00:00Z`
  const toExclusive = new Date(Date.parse(`${t.to}T00:00:00Z`) + 86_400_000).toISOString()
  const checks = []
  const check = (name, expected, got) => {
    const close = typeof expected === "number" && typeof got === "number" ? Math.abs(expected - got) <= Math.max(0.01, Math.abs(expected) * 1e-9) : expected === got
    checks.push({ route: t.route, range: t.range, name, ok: close, detail: close ? undefined : `SQL ${expected}, report ${got}`, expected, got })
  }
  await withDb(dbUrl, async (c) => {
    if (t.route === "sales") {
      const { rows } = await c.query(
        `SELECT currency_code, count(*) FILTER (WHERE canceled_at IS NULL)::int AS orders,
           COALESCE(sum(total) FILTER (WHERE canceled_at IS NULL), 0)::float8 AS revenue
         FROM analytics_order WHERE placed_at >= $1 AND placed_at < $2 GROUP BY 1 ORDER BY 1`,
        [from, toExclusive]
      )
      for (const r of rows) {
        const cur = body.currencies?.find((x) => x.currency_code === r.currency_code)
        check(`${r.currency_code.toUpperCase()} orders (not canceled)`, r.orders, Number(cur?.current?.orders))
        check(`${r.currency_code.toUpperCase()} revenue`, Math.round(r.revenue * 100) / 100, Math.round(Number(cur?.current?.revenue) * 100) / 100)
      }
    } else if (t.route === "funnel") {
      const { rows } = await c.query(
        `SELECT count(*) FILTER (WHERE steps & 1 = 1)::int AS viewed, count(*) FILTER (WHERE steps & 3 = 3)::int AS added
         FROM analytics_session WHERE started_at >= $1 AND started_at < $2`,
        [from, toExclusive]
      )
      const steps = body.steps ?? []
      check("sessions that viewed a product", rows[0].viewed, Number(steps[0]?.sessions))
      check("sessions that viewed and added to cart", rows[0].added, Number(steps[1]?.sessions))
    } else if (t.route === "customers") {
      const { rows } = await c.query(
        `SELECT count(*)::int AS n FROM analytics_registration WHERE registered_at >= $1 AND registered_at < $2`,
        [from, toExclusive]
      )
      check("registrations", rows[0].n, Number(body.registrations?.current))
    } else if (t.route === "products" || t.route === "categories") {
      const list = body[t.route]
      if (!Array.isArray(list) || !list.length) throw new Error(`no ${t.route} in the answer`)
      const idKey = t.route === "products" ? "product_id" : "category_id"
      const idExpr = t.route === "products" ? "product_id" : "unnest(category_ids)"
      const { rows } = await c.query(
        `SELECT id, sum(total)::float8 AS revenue FROM (
           SELECT ${idExpr} AS id, total FROM analytics_order_line
           WHERE placed_at >= $1 AND placed_at < $2 AND NOT canceled AND currency_code = 'eur'
         ) l WHERE id IS NOT NULL GROUP BY id ORDER BY 2 DESC, 1 LIMIT 1`,
        [from, toExclusive]
      )
      const top = list.filter((x) => x.currency_code === "eur").sort((a, b) => Number(b.revenue) - Number(a.revenue))[0]
      check(`top EUR ${t.route === "products" ? "product" : "category"} by revenue`, rows[0]?.id, top?.[idKey])
      check(`its EUR revenue`, Math.round((rows[0]?.revenue ?? 0) * 100) / 100, Math.round(Number(top?.revenue) * 100) / 100)
    }
  })
  return checks
}
