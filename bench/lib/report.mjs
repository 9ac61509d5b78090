// Turning a run's results into the console table, BENCHMARKS.md and bench/results/*.json.
import fs from "node:fs"
import path from "node:path"
import { existingAnalyticsBlock } from "./analytics-report.mjs"
import { existingFlashSaleBlock } from "./flash-report.mjs"

const MARKER = "<!-- bench:runs (bench/run.mjs inserts each new run below this line; older runs stay below newer ones) -->"

const median = (values) => {
  const v = values.filter((x) => typeof x === "number" && Number.isFinite(x)).sort((a, b) => a - b)
  if (!v.length) return null
  const mid = Math.floor(v.length / 2)
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2
}

const fmt = (n) => {
  if (n === null || n === undefined || !Number.isFinite(n)) return "—"
  if (Math.abs(n) >= 100) return String(Math.round(n))
  if (Math.abs(n) >= 10) return n.toFixed(1)
  return n.toFixed(2)
}

function errorSummary(outcomes) {
  const failed = outcomes.reduce((s, o) => s + (o.errors?.count ?? 0), 0)
  const total = outcomes.reduce((s, o) => s + (o.errors?.total ?? 0), 0)
  const statuses = {}
  for (const o of outcomes) {
    for (const [k, v] of Object.entries(o.errors?.statuses ?? {})) statuses[k] = (statuses[k] ?? 0) + v
  }
  const bad = Object.entries(statuses).filter(([k]) => Number(k) < 200 || Number(k) >= 300)
  const extra = []
  const conn = outcomes.reduce((s, o) => s + (o.errors?.connectionErrors ?? 0) + (o.errors?.timeouts ?? 0), 0)
  if (conn) extra.push(`${conn} connection errors/timeouts`)
  if (bad.length) extra.push(bad.map(([k, v]) => `${v}× ${k}`).join(", "))
  return { failed, total, text: `${failed} / ${total}${extra.length ? ` (${extra.join("; ")})` : ""}` }
}

/**
 * Rows of the comparison table: per scenario, one row per metric (median over rounds)
 * and one row counting failed requests. A server whose scenario had failures shows
 * "ERRORS" instead of a speed, since a fast error is not a fast answer.
 */
export function buildRows(results) {
  const rows = []
  for (const scenario of results.scenarios) {
    const servers = {}
    for (const kind of ["vanilla", "emporium"]) {
      const outcomes = scenario.results[kind]
      if (!outcomes) continue
      const crashed = outcomes.find((o) => o.failure)
      const errors = crashed ? null : errorSummary(outcomes)
      servers[kind] = { outcomes, crashed, errors, bad: Boolean(crashed) || errors.failed > 0 }
    }
    const first = Object.values(servers).find((s) => !s.crashed)
    const metricDefs = first ? first.outcomes[0].metrics : []
    for (const def of metricDefs) {
      const cells = {}
      const values = {}
      for (const [kind, s] of Object.entries(servers)) {
        if (s.crashed) cells[kind] = "FAILED"
        else if (s.bad) cells[kind] = "ERRORS"
        else {
          values[kind] = median(s.outcomes.map((o) => o.metrics.find((m) => m.key === def.key)?.value))
          cells[kind] = fmt(values[kind])
        }
      }
      const ratio =
        values.vanilla && values.emporium !== undefined && values.emporium !== null
          ? `${(values.emporium / values.vanilla).toFixed(2)}×`
          : "—"
      rows.push({ scenario: scenario.name, metric: def.label, vanilla: cells.vanilla ?? "—", emporium: cells.emporium ?? "—", ratio })
    }
    const noise = {}
    for (const [kind, s] of Object.entries(servers)) {
      noise[kind] = median(s.outcomes.map((o) => o.raw?.cpuPercentOfOneCore?.foreign))
    }
    if (Object.values(noise).some((v) => v !== null)) {
      rows.push({
        scenario: scenario.name,
        metric: "CPU of other processes on the machine (% of a core)",
        vanilla: noise.vanilla === undefined ? "—" : fmt(noise.vanilla),
        emporium: noise.emporium === undefined ? "—" : fmt(noise.emporium),
        ratio: "",
      })
    }
    const cells = {}
    for (const [kind, s] of Object.entries(servers)) {
      cells[kind] = s.crashed ? `FAILED: ${s.crashed.failure.split("\n")[0].slice(0, 120)}` : s.errors.text
    }
    rows.push({
      scenario: scenario.name,
      metric: "failed / requests",
      vanilla: cells.vanilla ?? "—",
      emporium: cells.emporium ?? "—",
      ratio: "",
    })
  }
  const mem = results.memory
  if (mem) {
    for (const [key, label] of [
      ["idleMb", "RSS idle after warm-up (MB)"],
      ["peakMb", "RSS peak during the scenarios (MB)"],
      ["afterMb", "RSS after the load (MB)"],
    ]) {
      const v = mem.vanilla?.[key]
      const e = mem.emporium?.[key]
      rows.push({
        scenario: "server memory",
        metric: label,
        vanilla: fmt(v),
        emporium: fmt(e),
        ratio: v && e ? `${(e / v).toFixed(2)}×` : "—",
      })
    }
  }
  return rows
}

export function consoleTable(rows) {
  const head = { scenario: "Scenario", metric: "Metric", vanilla: "Vanilla", emporium: "Emporium", ratio: "Emporium/Vanilla" }
  const cols = Object.keys(head)
  const width = Object.fromEntries(cols.map((c) => [c, Math.max(head[c].length, ...rows.map((r) => String(r[c]).length))]))
  const line = (r) => cols.map((c) => String(r[c]).padEnd(width[c])).join("  ")
  return [line(head), cols.map((c) => "-".repeat(width[c])).join("  "), ...rows.map(line)].join("\n")
}

function markdownTable(rows) {
  const esc = (s) => String(s).replace(/\|/g, "\\|")
  const out = ["| Scenario | Metric | Vanilla | Emporium | Emporium/Vanilla |", "|---|---|---:|---:|---:|"]
  let last = null
  for (const r of rows) {
    out.push(`| ${r.scenario === last ? "" : esc(r.scenario)} | ${esc(r.metric)} | ${esc(r.vanilla)} | ${esc(r.emporium)} | ${esc(r.ratio)} |`)
    last = r.scenario
  }
  return out.join("\n")
}

function machineLine(m) {
  return `${m.cpus} × ${m.cpuModel}, ${m.ramGb} GB RAM, ${m.os}, Node ${m.node}, ${m.postgres}, Medusa ${m.medusa}`
}

export function header(results) {
  return `# Emporium benchmarks

How much does Emporium cost on top of plain Medusa? \`npm run bench\` answers with the
same requests against two servers on **the same database**, both in production mode:

- **Emporium**: the app exactly as \`npm start\` runs it (\`node scripts/start.js\`: build
  when sources changed, migrate, seed the demo store, \`medusa start\` with
  \`NODE_ENV=production\`).
- **Vanilla**: plain Medusa ${results.machine.medusa} on the same infrastructure.
  It is started by \`medusa start\` from \`bench/vanilla/\`, whose \`medusa-config.js\` takes
  Emporium's own compiled config builder with \`EMPORIUM_VANILLA=true\`, and it runs
  with the very environment \`start.js\` gave Emporium's \`medusa start\` (read from
  \`/proc\`: \`NODE_ENV=production\`, log level, secrets) apart from that flag and the
  port. So: same database, same event bus / workflow engine / cache (in-memory, or
  Redis when \`BENCH_REDIS_URL\` is set), same locking provider; but none of Emporium's
  modules (search, notification, Emporium's own modules) and no admin dashboard. Because
  Medusa loads \`src/api\`, \`src/subscribers\`, \`src/workflows/hooks\`, \`src/links\` and
  \`src/jobs\` from the directory it starts in, and \`bench/vanilla/\` has no \`src/\`,
  none of Emporium's routes, middlewares, subscribers, hooks, links or jobs are loaded
  either. The runner checks this on every run: vanilla must serve the same catalog
  from the same database, answer 404 on the dashboard (\`/app\`) and on every Store
  API route Emporium adds.

The ratio column is Emporium ÷ Vanilla: for req/s a ratio below 1.00× means
Emporium serves fewer requests; for latency, CPU and memory a ratio above 1.00×
means Emporium costs more.

## What is measured

The seeded demo store (≥ 200 products, regions Europe/EUR and United States/USD,
two warehouses, \`pp_system_default\` payments). Every request carries the store's
publishable key (\`x-publishable-api-key\`). Each server first gets a warm-up
(200 catalogue requests and two checkouts), then, per scenario:

| Scenario | What |
|---|---|
| \`products-list\` | \`GET /store/products?limit=20&region_id=<Europe>\`, closed loop with autocannon (10 connections × 15 s by default) |
| \`products-list-no-region\` | \`GET /store/products?limit=20\` (no calculated prices), same load |
| \`product-detail\` | \`GET /store/products/:id?region_id=<Europe>\`, random product ids from the whole catalogue, same load |
| \`product-categories\` | \`GET /store/product-categories\`, same load |
| \`regions\` | \`GET /store/regions\`, same load |
| \`browse-while-ordering\` | product pages with the Next.js starter's fields (prices and \`inventory_quantity\`), random ids, same load, while one order a second is completed (each order invalidates every cached answer that shows stock) |
| \`add-to-cart\` | \`POST /store/carts/:id/line-items\` spread round-robin over 100 pre-created carts, same load |
| \`cart-complete\` | 30 carts made ready (items, e-mail, address, shipping method, payment collection + \`pp_system_default\` session), then \`POST /store/carts/:id/complete\` one after another, each timed |
| \`shipping-quotes\` | a checkout's shipping step on 20 carts per server (1–3 items, German/French addresses): Emporium's \`POST /store/shipping-quotes {cart_id}\` (rate-table quotes) against vanilla's \`GET /store/shipping-options?cart_id=\`; also \`GET /store/shipping-options?cart_id=\` on both servers and, on Emporium, \`POST /store/shipping-options/:id/calculate\`; random cart per request, same load. Emporium's demo Standard/Express options are calculated by its \`transport_house\` provider, which vanilla lacks: the runner adds a flat \`manual_manual\` option ("Standard (flat, bench)") that vanilla's checkouts book, while Emporium's book its cheapest calculated option |
| \`stripe-checkout\` (opt-in) | 30 carts per server paid by card: a Stripe payment session (Emporium: its payments-stripe plugin; vanilla: Medusa's official \`@medusajs/payment-stripe\`, same provider id), the PaymentIntent confirmed with \`pm_card_visa\` as Stripe.js would, then \`POST /store/carts/:id/complete\` one after another, each timed. Both servers talk to the same local fake of Stripe's API (\`test-utils/stripe-fake\`, a separate process; vanilla's official client is pointed at it by \`bench/vanilla/stripe-at-fake.cjs\`), so Stripe's side costs both the same. Emporium's completion also scores fraud with Radar's risk, one more Stripe call |
| \`analytics-reports\` (opt-in, Emporium only) | the five \`GET /admin/analytics/*\` reports for 30 and 365 days on ≥ 1M events / 50k orders (loaded once per bench database), 4 connections each; see "Analytics" below |
| \`analytics-ingest\` (opt-in, Emporium only) | \`POST /store/analytics/events\`, batches of 50 events, same load; stored events counted with SQL afterwards |
| \`analytics-checkout\` (opt-in, Emporium only) | carts completed as in \`cart-complete\`, without and with 10, 50 and 100 batches/s of analytics events arriving |
| \`search\` (opt-in, Emporium only) | product search on 50,000 generated products (loaded once per bench database; the search index rebuilt through Medusa's \`POST /admin/search-indexes/product/reindex\` and timed): 300 one-typo queries with a category filter on Emporium's \`GET /store/search/products\` (Search Module, Postgres provider; facets and exact count) against Medusa's own \`GET /store/products?q=&category_id[]=\` on the same server (its store read cache bypassed), 10 connections × 15 s each, and the share of queries whose intended product is in the top 10; see "Product search (issue 8)" |
| server memory | RSS of the \`medusa start\` process (sum of \`VmRSS\` over its process tree from \`/proc\`): idle after warm-up, peak (sampled every second during the scenarios) and after the load. RSS depends on when V8 last collected garbage: differences below ~20 % are noise |

For load scenarios the table gives the req/s as the median of autocannon's
per-second samples and as the mean (requests ÷ duration; steadier when a scenario
manages only a few requests a second), the p50 / p97.5 / p99 latency, and the server's CPU time per request (user + system of
the \`medusa start\` process, so PostgreSQL's share is not in it). Any non-2xx answer,
connection error or timeout is counted and shown; a scenario with failures reports
**ERRORS** instead of its speed, and \`bench/results/*.json\` holds sample bodies.

The catalogue scenarios (the first five) repeat the same requests, as a storefront's
visitors do, so on Emporium they measure its store read cache after the first request
for each path (\`product-detail\` spreads over all products, so each product's first
request misses); vanilla has no such cache (Medusa's own \`MEDUSA_FF_CACHING\` is off in
both). Before the load the runner fetches each catalogue scenario's paths from both
servers and requires identical JSON (the "same body" checks under the
table). autocannon reports no p95: p97.5 (never below p95) stands in for it.

Both servers run side by side and the scenarios alternate between them (vanilla
first on one scenario, Emporium first on the next, and the other way round in the
next round), so slow drift of the machine or the database (the carts and orders the
bench creates) hits both alike. With several rounds the table shows medians. The idle
server uses no measurable CPU meanwhile (the runner checks and warns otherwise).
The runner also measures where the CPU went during each scenario run (measured
server, idle server, PostgreSQL, load generator, everything else): the row "CPU of
other processes" shows how much unrelated work (builds, tests) competed with the
measurement. The load generator runs on the same machine as the servers and PostgreSQL, so
absolute numbers are lower than on a dedicated setup: compare the ratio, and only
compare absolute numbers between runs on the same machine.

## Store reads: where the time goes (issue 11)

Profiled with \`node --cpu-prof\` on the production build (\`medusa start\` in
\`.medusa/server\`), 20 connections of autocannon on one route:

- **Vanilla, \`GET /store/products?limit=20&region_id=…\`: 37–56 ms of server CPU per
  request** and one process saturated (p97.5 ≈ 0.8–1.2 s). Before the route runs,
  Medusa's middlewares look up the publishable key (api key + its sales-channel link),
  the region for the pricing context, the region again for the tax context and the
  sales channel for the link filter; then \`query.graph\` assembles 20 products with
  variants, options, images and calculated prices through several modules (MikroORM
  entity hydration and the remote joiner dominate the profile), then taxes are applied.
  \`GET /store/products/:id\` is the same work for one product (≈ 20 ms); regions and
  categories are light (5–7 ms).
- **Emporium, cached answer: ≈ 2.5 ms of server CPU per request, for every route.**
  Of that, Emporium's own work (cache key hash, Caching Module \`get\`, writing the
  stored bytes with their precomputed strong ETag) is about a tenth. The rest is
  Medusa's fixed chain, which runs before any route middleware and which Emporium
  does not replace: the publishable-key lookup (two queries through the ORM, the
  largest single part), \`express-session\` (a new session id per request), cookie and
  body parsers, CORS.
- **What was fixed:** whole answers are cached (no product query, no pricing/tax
  look-ups, no link filter on a hit); the ETag is computed once when an answer is
  stored instead of Express hashing every body it sends; with \`REDIS_URL\`, \`npm
  start\` runs one process per core. **What is left:** the publishable-key lookup
  (Medusa caches it only behind \`MEDUSA_FF_CACHING\`, kept off, see README), so the
  light routes (regions, categories) gain least: vanilla already answers them in 5–7 ms.

Against issue 11's target (≥ 3× vanilla's req/s, p95 ≤ 0.2× vanilla's, 20 connections;
medians of 3 rounds, runs of 2026-12-01 below; p97.5 stands in for p95):

| Route | in-memory, 1 process each: req/s × · p97.5 × | Redis, npm start's 2 processes vs vanilla's 1: req/s × · p97.5 × |
|---|---|---|
| \`/store/products?limit=20&region_id=…\` | 18.8× · 0.08× | 29.7× · 0.04× |
| \`/store/products?limit=20\` | 11.7× · 0.08× | 17.8× · 0.08× |
| \`/store/products/:id\` | 8.3× · 0.12× | 12.2× · 0.13× |
| \`/store/product-categories\` | 2.6× · 0.39× | 4.5× · 0.27× |
| \`/store/regions\` | 2.0× · 0.48× | 3.7× · 0.35× |

What a cache miss costs (every answer after a catalogue change, e.g. an order): the same
bench with \`EMPORIUM_STORE_CACHE=false\` on Emporium (2 rounds, in-memory, 2026-12-01 11:55 UTC,
not written as a run): products list 1.02×, product page 0.93×, regions 0.99× vanilla's req/s,
server CPU per request +7–12 %. An uncached Emporium read costs about what vanilla's does; the
0.55–0.79× products-list ratio of the 2026-11-22 07:51 run below did not reproduce.

While the shop sells (\`browse-while-ordering\`: product pages with the Next.js starter's
fields, which show stock, while one order a second completes; in-memory, 3 rounds): 2.81× vanilla's
req/s, p50 0.34×, server CPU per request 0.37×; p97.5 1.04× (first requests for each product and
the orders' own CPU). Before answers asking for \`inventory_quantity\` got their stock recomputed
on each hit (instead of being emptied by every order's reservation) the same scenario measured 1.07×.

Met for the product routes in both setups; for categories and regions the req/s target is
met only with Redis and several processes, and their latency target in neither: vanilla
already answers them in 5–7 ms of CPU and a cached answer still costs Medusa's ≈ 2.3 ms
chain described above. The Redis run's servers ran one after the other (they would share
Redis queues), so its "same body" checks are in the in-memory run.

## Running it

\`\`\`sh
npm run bench                       # everything, ~10 min on 2 cores (+1 min when it must build)
npm run bench -- --scenarios products-list,cart-complete --duration 5
npm run bench -- --reuse-db         # keep the bench database (skips migrate and seed)
npm run bench -- --no-vanilla       # Emporium only
npm run bench -- --scenarios analytics-reports,analytics-ingest,analytics-checkout,cart-complete --rounds 1
\`\`\`

Options: \`--scenarios a,b\` (names above; the opt-in ones run only when named), \`--duration N\` (seconds per load
scenario, default 15), \`--connections N\` (default 10), \`--rounds N\` (repeat the
scenarios, the table shows medians; default 2, with the other server going first in
the second round), \`--reuse-db\`, \`--no-vanilla\`,
\`--sequential\` (stop Emporium before starting vanilla instead of running both side
by side; forced when \`BENCH_REDIS_URL\` is set, since both servers would otherwise
share Redis queues), \`--no-write\` (print only).

Environment: \`BENCH_DATABASE_URL\` (default
\`postgres://postgres@localhost:5432/emporium_bench\`; dropped and created again at
the start of every run unless \`--reuse-db\`), \`BENCH_REDIS_URL\` (unset: in-memory
infrastructure, as \`npm start\` without \`REDIS_URL\`), \`BENCH_ANALYTICS_RATE_LIMIT\` (the bench servers'
\`EMPORIUM_ANALYTICS_RATE_LIMIT\`, default 0: no per-IP limit on analytics batches). Ports 9100 (Emporium) and
9101 (vanilla) must be free. Server logs go to \`bench/.work/logs/\`, local state to
\`bench/.work/data/\`. A scenario is a file in \`bench/scenarios/\` exporting
\`{ name, description, setup(ctx), run(ctx) }\`.

Each run adds a dated section below (newest first) and writes its raw numbers to
\`bench/results/<date>.json\`. This header is rewritten from \`bench/lib/report.mjs\`
on every run; edit it there.

Machine of the latest run: ${machineLine(results.machine)}.
`
}

export function section(results, rows) {
  const o = results.options
  const lines = []
  const when = results.date.replace("T", " ").replace(/:\d\d\.\d+Z$/, " UTC")
  lines.push(`## ${when} · commit ${results.git.commit}${results.git.dirty ? " (with uncommitted changes)" : ""}`)
  lines.push("")
  lines.push(`- Machine: ${machineLine(results.machine)}`)
  lines.push(
    `- Setup: ${results.infrastructure}; ${o.connections} connections × ${o.duration} s per load scenario, ` +
      `${o.rounds} round${o.rounds > 1 ? "s (medians shown)" : ""}, ` +
      (o.sequential ? "servers one after the other" : "both servers side by side, scenarios alternating") +
      (o.reuseDb ? ", reused database" : ", fresh database") +
      `; wall time ${Math.floor(results.wallSeconds / 60)} min ${Math.round(results.wallSeconds % 60)} s` +
      (results.servers.emporium?.startSeconds ? ` (Emporium start incl. build/migrate/seed: ${Math.round(results.servers.emporium.startSeconds)} s)` : "")
  )
  lines.push(`- Raw results: [\`${results.file}\`](${results.file})`)
  lines.push("")
  lines.push(markdownTable(rows))
  lines.push("")
  const shares = results.scenarios.flatMap((sc) => Object.values(sc.results).flat().map((o) => o.raw?.cpuPercentOfOneCore).filter(Boolean))
  if (shares.length) {
    const mean = (k) => Math.round(shares.reduce((a, c) => a + (c[k] ?? 0), 0) / shares.length)
    const max = (k) => Math.round(Math.max(...shares.map((c) => c[k] ?? 0)))
    lines.push(
      `CPU while measuring (% of one core, mean over the scenario runs): measured server ${mean("server")}, ` +
        `idle server ${mean("idleServer")}, PostgreSQL ${mean("postgres")}, load generator ${mean("loadGenerator")}, ` +
        `other processes on the machine ${mean("foreign")} (max ${max("foreign")}).`
    )
    lines.push("")
  }
  if (results.checks?.length) {
    lines.push(
      `Checks: ${results.checks.map((c) => `${c.ok ? "✓" : "✗"} ${c.name}`).join("; ")}.`
    )
    lines.push("")
  }
  const errs = []
  for (const s of results.scenarios) {
    for (const [kind, outcomes] of Object.entries(s.results)) {
      for (const out of outcomes) {
        if (out.failure) errs.push(`- ${s.name} on ${kind}: failed: ${out.failure.split("\n")[0]}`)
        for (const sample of out.errors?.samples?.slice(0, 2) ?? []) {
          errs.push(`- ${s.name} on ${kind}: ${sample.status} \`${sample.body.replace(/`/g, "'").slice(0, 200)}\``)
        }
      }
    }
  }
  if (errs.length) {
    lines.push("Failures (samples):")
    lines.push("")
    lines.push(...errs)
    lines.push("")
  }
  const problems = (results.warnings ?? []).filter((w) => w.kind !== "noise")
  for (const w of problems) lines.push(`> Warning: ${w.text}`)
  if (problems.length) lines.push("")
  const noisy = (results.warnings ?? []).filter((w) => w.kind === "noise").length
  if (noisy) {
    lines.push(
      `> The machine was not quiet: other processes used more than 15% of a core during ${noisy} of the ` +
        `scenario runs (rows "CPU of other processes"). Differences of a few tens of percent may be noise; ` +
        `re-run on an idle machine before drawing conclusions from them.`
    )
    lines.push("")
  }
  return lines.join("\n")
}

/** Rewrites the header, puts the new section on top of the older ones. */
export function updateBenchmarksMd(file, results, rows) {
  let older = ""
  let flashSale = ""
  let analytics = ""
  if (fs.existsSync(file)) {
    const text = fs.readFileSync(file, "utf8")
    const at = text.indexOf(MARKER)
    older = at >= 0 ? text.slice(at + MARKER.length).trim() : ""
    // bench/flash-sale.mjs owns that block, bench/lib/analytics-report.mjs the analytics one;
    // they sit between the header and the runs.
    flashSale = existingFlashSaleBlock(at >= 0 ? text.slice(0, at) : text)
    analytics = existingAnalyticsBlock(at >= 0 ? text.slice(0, at) : text)
  }
  const out = [
    header(results).trim(),
    "",
    ...(flashSale ? [flashSale, ""] : []),
    ...(analytics ? [analytics, ""] : []),
    MARKER,
    "",
    section(results, rows).trim(),
    "",
  ]
  if (older) out.push(older, "")
  fs.writeFileSync(file, out.join("\n"))
}

export function writeJson(root, results) {
  const file = path.join(root, results.file)
  fs.mkdirSync(path.dirname(file), { recursive: true })
  fs.writeFileSync(file, JSON.stringify(results, null, 1) + "\n")
  return file
}
