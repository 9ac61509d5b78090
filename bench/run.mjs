#!/usr/bin/env node
/**
 * `npm run bench`: Emporium against plain Medusa ("vanilla") on the same database,
 * both in production mode, same requests. Scenarios are files in bench/scenarios/
 * exporting { name, description, async setup(ctx), async run(ctx) }; run() returns
 *   { metrics: [{ key, label, value, better }], errors: { count, total, statuses, samples }, raw }.
 * Results: a table on stdout, a dated section in BENCHMARKS.md, bench/results/<date>.json.
 * BENCHMARKS.md's header (bench/lib/report.mjs) explains what is measured and how.
 */
import { execFileSync } from "node:child_process"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { createRequire } from "node:module"
import { pathToFileURL } from "node:url"
import { load } from "./lib/load.mjs"
import { rng, pick } from "./lib/random.mjs"
import { updateAnalyticsSection } from "./lib/analytics-report.mjs"
import { withDb } from "./lib/db.mjs"
import { buildRows, consoleTable, updateBenchmarksMd, writeJson } from "./lib/report.mjs"
import { cpuByPid, cpuDelta, environ, machineBusyMs, processTree, selfCpuMs } from "./lib/proc.mjs"
import { ROOT, Server, WORK_DIR } from "./lib/servers.mjs"
import { adminClient } from "./lib/admin.mjs"
import { discoverCatalog, ensureFlatShippingOptions, prepareCheckout, storeClient } from "./lib/store.mjs"
import { startStripeFake, stripeEnv } from "./lib/stripe.mjs"

const require = createRequire(import.meta.url)
const pg = require("pg")

const USAGE = `Usage: npm run bench -- [options]

  --scenarios a,b     only these scenarios (default: products-list, products-list-no-region,
                      product-detail, product-categories, regions, browse-while-ordering,
                      add-to-cart, cart-complete, shipping-quotes; opt-in, run only when named:
                      flash-sale, analytics-reports, analytics-ingest, analytics-checkout,
                      recommendations, fraud-checkout, stripe-checkout, search, notifications)
  --duration N        seconds per load scenario (default 15)
  --connections N     autocannon connections (default 10)
  --rounds N          run the scenarios N times, report medians (default 2)
  --reuse-db          keep the bench database instead of dropping and re-seeding it
  --no-vanilla        measure Emporium only
  --sequential        stop Emporium before starting vanilla (default: both side by side)
  --no-write          print the table only; leave BENCHMARKS.md and bench/results/ alone

Environment: BENCH_DATABASE_URL (default postgres://postgres@localhost:5432/emporium_bench),
BENCH_REDIS_URL (unset: in-memory event bus / workflow engine / cache), BENCH_ANALYTICS_RATE_LIMIT
(EMPORIUM_ANALYTICS_RATE_LIMIT of the bench servers, default 0 = off); the analytics scenarios' own
knobs are listed in BENCHMARKS.md ("Analytics"), the search scenario's in "Product search (issue 8)".`

const SCENARIO_ORDER = [
  "products-list", "products-list-no-region", "product-detail", "product-categories", "regions", "browse-while-ordering", "add-to-cart", "cart-complete", "shipping-quotes",
  // Opt-in (named in --scenarios), Emporium only; analytics-reports and analytics-ingest load the 1M-event dataset when absent.
  "analytics-reports", "analytics-ingest", "analytics-checkout", "recommendations", "fraud-checkout", "stripe-checkout", "search",
]
const PORTS = { emporium: 9100, vanilla: 9101 }
const WARMUP_REQUESTS = 200

// ---------------------------------------------------------------- arguments

function parseArgs(argv) {
  const opts = {
    scenarios: null,
    duration: 15,
    connections: 10,
    rounds: 2,
    reuseDb: false,
    vanilla: true,
    sequential: false,
    write: true,
  }
  const value = (i, name) => {
    const a = argv[i]
    if (a.includes("=")) return [a.slice(a.indexOf("=") + 1), i]
    if (argv[i + 1] === undefined) throw new Error(`${name} needs a value`)
    return [argv[i + 1], i + 1]
  }
  const positive = (v, name) => {
    const n = Number(v)
    if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a whole number ≥ 1, not "${v}"`)
    return n
  }
  for (let i = 0; i < argv.length; i++) {
    const name = argv[i].split("=")[0]
    let v
    switch (name) {
      case "--scenarios":
        ;[v, i] = value(i, name)
        opts.scenarios = v.split(",").map((s) => s.trim()).filter(Boolean)
        break
      case "--duration":
        ;[v, i] = value(i, name)
        opts.duration = positive(v, name)
        break
      case "--connections":
        ;[v, i] = value(i, name)
        opts.connections = positive(v, name)
        break
      case "--rounds":
        ;[v, i] = value(i, name)
        opts.rounds = positive(v, name)
        break
      case "--reuse-db":
        opts.reuseDb = true
        break
      case "--no-vanilla":
        opts.vanilla = false
        break
      case "--sequential":
        opts.sequential = true
        break
      case "--no-write":
        opts.write = false
        break
      case "--help":
      case "-h":
        console.log(USAGE)
        process.exit(0)
      default:
        throw new Error(`unknown option ${argv[i]}\n\n${USAGE}`)
    }
  }
  return opts
}

// ---------------------------------------------------------------- helpers

const t0 = Date.now()
const elapsed = () => `${((Date.now() - t0) / 1000).toFixed(0).padStart(4)}s`
const log = (line) => console.log(`[bench ${elapsed()}] ${line}`)
const sleep = (ms) => new Promise((r) => setTimeout(r, ms))
const warnings = []
/** `noise` warnings (other processes on the machine) are summed up in the table rather than listed. */
const warn = (line, kind = "problem") => {
  warnings.push({ kind, text: line })
  log(`WARNING: ${line}`)
}

async function loadScenarios(selected) {
  const dir = path.join(ROOT, "bench", "scenarios")
  const all = []
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(".mjs")).sort()) {
    const mod = (await import(pathToFileURL(path.join(dir, file)).href)).default
    for (const key of ["name", "description", "setup", "run"]) {
      if (!mod?.[key]) throw new Error(`bench/scenarios/${file} must export default { name, description, setup, run } (missing ${key})`)
    }
    all.push(mod)
  }
  const rank = (s) => (SCENARIO_ORDER.includes(s.name) ? SCENARIO_ORDER.indexOf(s.name) : SCENARIO_ORDER.length)
  all.sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name))
  // Opt-in scenarios (slow to prepare, e.g. flash-sale) run only when named.
  if (!selected) return all.filter((s) => !s.optIn)
  const unknown = selected.filter((n) => !all.some((s) => s.name === n))
  if (unknown.length) {
    throw new Error(`unknown scenario ${unknown.join(", ")}; available: ${all.map((s) => s.name).join(", ")}`)
  }
  return all.filter((s) => selected.includes(s.name))
}

function git(args) {
  try {
    return execFileSync("git", args, { cwd: ROOT, stdio: ["ignore", "pipe", "ignore"] }).toString().trim()
  } catch {
    return ""
  }
}

async function freshDatabase(url) {
  const u = new URL(url)
  const name = decodeURIComponent(u.pathname.replace(/^\//, ""))
  if (!name || name === "postgres") throw new Error(`BENCH_DATABASE_URL must name a database of its own (got "${name}")`)
  const admin = new URL(url)
  admin.pathname = "/postgres"
  const quoted = `"${name.replace(/"/g, '""')}"`
  await withDb(admin.toString(), async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${quoted} WITH (FORCE)`)
    await c.query(`CREATE DATABASE ${quoted}`)
  })
}

/** pid of the PostgreSQL postmaster behind dbUrl when it runs on this machine, else null. */
async function postmasterPid(dbUrl) {
  if (!["localhost", "127.0.0.1", "::1", "[::1]"].includes(new URL(dbUrl).hostname)) return null
  try {
    const admin = new URL(dbUrl)
    admin.pathname = "/postgres"
    const dir = (await withDb(admin.toString(), (c) => c.query("SHOW data_directory"))).rows[0].data_directory
    return Number(fs.readFileSync(path.join(dir, "postmaster.pid"), "utf8").split("\n")[0]) || null
  } catch {
    return null
  }
}

async function machineInfo(dbUrl) {
  const cpus = os.cpus()
  const admin = new URL(dbUrl)
  admin.pathname = "/postgres"
  let postgres = "PostgreSQL ?"
  try {
    postgres = "PostgreSQL " + (await withDb(admin.toString(), (c) => c.query("SHOW server_version"))).rows[0].server_version.split(" ")[0]
  } catch {
    // reported as unknown
  }
  return {
    cpus: cpus.length,
    cpuModel: (cpus[0]?.model ?? "unknown CPU").replace(/\s+/g, " ").trim(),
    ramGb: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    postgres,
    medusa: require(path.join(ROOT, "node_modules/@medusajs/medusa/package.json")).version,
  }
}

/** Store API routes Emporium adds (compiled, in .medusa/server/src/api/store), as probe paths. */
function emporiumStoreRoutes() {
  const base = path.join(ROOT, ".medusa", "server", "src", "api")
  const dir = path.join(base, "store")
  const routes = []
  const walk = (d) => {
    if (!fs.existsSync(d)) return
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name)
      if (entry.isDirectory()) walk(full)
      else if (/^route\.js$/.test(entry.name)) {
        const rel = "/" + path.relative(base, path.dirname(full)).split(path.sep).join("/")
        const source = fs.readFileSync(full, "utf8")
        routes.push({
          path: rel.replace(/\[\.\.\.[^\]]+\]/g, "bench-probe").replace(/\[[^\]]+\]/g, "bench_probe_id"),
          hasGet: /exports\.GET\b|export (async )?function GET\b|GET\s*=/.test(source),
        })
      }
    }
  }
  walk(dir)
  return routes
}

// ---------------------------------------------------------------- servers

/** The environment variables that shape a server's behaviour, for the results (no secrets). */
function pickEnv(env) {
  const keep = ["NODE_ENV", "LOG_LEVEL", "EMPORIUM_VANILLA", "PORT", "MEDUSA_WORKER_MODE", "EMPORIUM_ANALYTICS_RATE_LIMIT"]
  return Object.fromEntries(keep.filter((k) => env[k] !== undefined).map((k) => [k, env[k]]))
}

function baseEnv(dbUrl) {
  const env = { ...process.env }
  delete env.NODE_ENV // start.js decides (production for the server)
  Object.assign(env, {
    DATABASE_URL: dbUrl,
    EMPORIUM_DATA_DIR: path.join(WORK_DIR, "data"),
    MEDUSA_DISABLE_TELEMETRY: "true",
    // Empty = unset for Emporium's env schema, and keeps a REDIS_URL from a .env file out.
    REDIS_URL: process.env.BENCH_REDIS_URL ?? "",
    MEDUSA_BACKEND_URL: "",
    // The analytics route's per-IP limit (120 batches/min) would cap the one load generator.
    EMPORIUM_ANALYTICS_RATE_LIMIT: process.env.BENCH_ANALYTICS_RATE_LIMIT ?? "0",
  })
  for (const k of ["JWT_SECRET", "COOKIE_SECRET", "EMPORIUM_VANILLA", "STORE_CORS", "ADMIN_CORS", "AUTH_CORS"]) delete env[k]
  return env
}

function makeServers(dbUrl, opts, extraEnv = {}) {
  const env = { ...baseEnv(dbUrl), ...extraEnv }
  const servers = {
    emporium: new Server({ kind: "emporium", port: PORTS.emporium, env: { ...env, PORT: String(PORTS.emporium) }, log }),
  }
  if (opts.vanilla) {
    // Replaced by the exact environment of Emporium's `medusa start` once that runs (see bringUp).
    servers.vanilla = new Server({ kind: "vanilla", port: PORTS.vanilla, env: null, log })
  }
  return servers
}

/**
 * Vanilla runs with the very environment start.js gave Emporium's `medusa start`
 * (NODE_ENV=production, secrets, log level, database…), read from /proc, so the
 * two servers differ only in EMPORIUM_VANILLA and the port.
 */
function vanillaEnv(emporium) {
  const env = environ(emporium.medusaPid)
  // With Stripe (stripe-checkout), Medusa's official provider is sent to the same fake.
  const preload = env.STRIPE_API_KEY ? { NODE_OPTIONS: `${env.NODE_OPTIONS ?? ""} --require ${path.join(ROOT, "bench", "vanilla", "stripe-at-fake.cjs")}`.trim() } : {}
  return { ...env, PORT: String(PORTS.vanilla), EMPORIUM_VANILLA: "true", ...preload }
}

async function warmUp(server, store, catalog, options) {
  const random = rng(1)
  let i = 0
  const ctx = { server, store, options }
  const out = await load(
    ctx,
    () =>
      i++ % 2
        ? { path: `/store/products?limit=20&offset=${(i * 10) % 200}&region_id=${catalog.regionId}` }
        : { path: `/store/products/${pick(random, catalog.productIds)}?region_id=${catalog.regionId}` },
    { connections: 4, amount: WARMUP_REQUESTS, duration: 120 }
  )
  if (out.errors.count) {
    warn(`${server.name} warm-up: ${out.errors.count} of ${out.errors.total} requests failed: ${JSON.stringify(out.errors.samples[0] ?? {})}`)
  }
  for (let k = 0; k < 2; k++) {
    const id = await prepareCheckout(store, catalog, 900_000 + (server.kind === "vanilla" ? 100 : 0) + k)
    const done = await store.post(`/store/carts/${id}/complete`, {})
    if (done.type !== "order") warn(`${server.name} warm-up checkout did not place an order: ${JSON.stringify(done.error ?? done).slice(0, 200)}`)
  }
}

/** Vanilla must be plain Medusa on the same data: same catalog, no dashboard, no Emporium routes. */
async function vanillaChecks(vanillaStore, emporiumFacts, catalog) {
  const checks = []
  const check = (name, ok, detail) => {
    checks.push({ name, ok, detail })
    if (!ok) warn(`vanilla check failed: ${name} (${detail})`)
  }
  const { count } = await vanillaStore.get(`/store/products?limit=1&fields=id`)
  check(`serves the same ${catalog.productCount} products from the same database`, count === catalog.productCount, `vanilla count ${count}`)
  check("GET /health answers 200", (await vanillaStore.status("/health")) === 200, "")
  const app = await vanillaStore.status("/app")
  check(
    `no admin dashboard (/app: vanilla ${app}, Emporium ${emporiumFacts.appStatus})`,
    app === 404 && emporiumFacts.appStatus !== 404,
    ""
  )
  const routes = emporiumFacts.storeRoutes
  const present = []
  for (const r of routes) {
    const status = await vanillaStore.status(r.path)
    if (status !== 404) present.push(`${r.path} → ${status}`)
  }
  check(
    routes.length
      ? `none of Emporium's ${routes.length} Store API routes (${present.length ? present.join(", ") : "all 404"})`
      : "no Emporium Store API routes exist yet to probe",
    present.length === 0,
    present.join(", ")
  )
  return checks
}

/**
 * A faster read is only worth something if it is the same answer: every path a scenario
 * names in `sameBody` must get a 200 with an identical JSON body from both servers.
 */
async function sameBodies(scenarios, stores, catalog) {
  const checks = []
  for (const scenario of scenarios.filter((s) => s.sameBody)) {
    const paths = scenario.sameBody({ catalog, state: {} })
    const differing = []
    for (const p of paths) {
      const [a, b] = await Promise.all([stores.emporium.get(p), stores.vanilla.get(p)])
      if (JSON.stringify(a) !== JSON.stringify(b)) differing.push(p)
    }
    const check = { name: `${scenario.name}: same body from both servers (${paths.length} path${paths.length === 1 ? "" : "s"})`, ok: differing.length === 0, detail: differing.join(", ") }
    if (!check.ok) warn(`bodies differ: ${check.detail}`)
    log(`check ${check.ok ? "ok" : "FAILED"}: ${check.name}`)
    checks.push(check)
  }
  return checks
}

// ---------------------------------------------------------------- main

async function main() {
  const opts = parseArgs(process.argv.slice(2))
  if (process.env.BENCH_REDIS_URL && opts.vanilla && !opts.sequential) {
    log("BENCH_REDIS_URL is set: running the servers one after the other (they would share Redis queues)")
    opts.sequential = true
  }
  const scenarios = await loadScenarios(opts.scenarios)
  if (opts.vanilla && scenarios.every((s) => s.emporiumOnly)) {
    log("only Emporium scenarios selected: vanilla is not started")
    opts.vanilla = false
  }
  const dbUrl = process.env.BENCH_DATABASE_URL || "postgres://postgres@localhost:5432/emporium_bench"
  const date = new Date().toISOString()
  const results = {
    date,
    file: `bench/results/${date.slice(0, 19).replace(/:/g, "-")}Z.json`,
    git: { commit: git(["rev-parse", "--short", "HEAD"]) || "unknown", dirty: git(["status", "--porcelain"]) !== "" },
    machine: await machineInfo(dbUrl),
    infrastructure: process.env.BENCH_REDIS_URL
      ? "Redis event bus, workflow engine, cache and locking"
      : "in-memory event bus, workflow engine and cache, PostgreSQL advisory-lock locking",
    options: {
      duration: opts.duration,
      connections: opts.connections,
      rounds: opts.rounds,
      reuseDb: opts.reuseDb,
      sequential: opts.sequential,
      vanilla: opts.vanilla,
      scenarios: scenarios.map((s) => s.name),
    },
    servers: {},
    checks: [],
    scenarios: scenarios.map((s) => ({ name: s.name, description: s.description, results: {} })),
    memory: {},
    warnings,
  }
  log(`scenarios: ${scenarios.map((s) => s.name).join(", ")}; ${opts.connections} connections × ${opts.duration} s; ${opts.rounds} round(s); ${opts.vanilla ? (opts.sequential ? "Emporium, then vanilla" : "Emporium and vanilla side by side") : "Emporium only"}`)

  if (opts.reuseDb) log(`reusing ${dbUrl.replace(/\/\/[^@]*@/, "//")}`)
  else {
    log(`creating a fresh database ${dbUrl.replace(/\/\/[^@]*@/, "//")}`)
    await freshDatabase(dbUrl)
  }

  // Scenarios paying by card need Stripe: a local fake of its API, both servers configured for it.
  const stripeFake = scenarios.some((s) => s.stripe) ? await startStripeFake() : null
  if (stripeFake) log(`Stripe: a protocol-level fake of Stripe's API at ${stripeFake.url} (test-utils/stripe-fake)`)
  const servers = makeServers(dbUrl, opts, stripeFake ? stripeEnv(stripeFake.url) : {})
  let interrupted = false
  const stopAll = async () => {
    stripeFake?.stop()
    return Promise.all(Object.values(servers).map((s) => s.stop().catch(() => undefined)))
  }
  process.on("SIGINT", async () => {
    if (interrupted) return
    interrupted = true
    log("interrupted: stopping the servers")
    await stopAll()
    process.exit(130)
  })

  const measuring = new Set()
  const peaks = {}
  const sampler = setInterval(() => {
    for (const s of measuring) {
      try {
        const { rssMb } = s.sample()
        peaks[s.kind] = Math.max(peaks[s.kind] ?? 0, rssMb)
      } catch {
        // process gone
      }
    }
  }, 1000)

  const pgPid = await postmasterPid(dbUrl)
  const pgMonitor = new pg.Client({ connectionString: dbUrl })
  let pgMonitorConnected = false
  const stores = {}
  let catalog
  const emporiumFacts = {}

  async function bringUp(server) {
    log(`starting ${server.name} on port ${server.port}${server.kind === "emporium" ? " (node scripts/start.js: build if stale, migrate, seed if empty)" : " (medusa start in bench/vanilla)"}…`)
    await server.start({ timeoutMs: server.kind === "emporium" ? 30 * 60_000 : 5 * 60_000 })
    results.servers[server.kind] = { startSeconds: Math.round(server.startSeconds), port: server.port, log: path.relative(ROOT, server.logFile) }
    log(`${server.name} is up after ${server.startSeconds.toFixed(0)} s (medusa start pid ${server.medusaPid})`)
    if (server.kind === "emporium") {
      if (!server.publishableKey) throw new Error("Emporium's start banner shows no publishable key: is the demo store seeded?")
      stores.key = server.publishableKey
      if (servers.vanilla) servers.vanilla.env = vanillaEnv(server)
      results.servers.emporium.env = pickEnv(environ(server.medusaPid))
    }
    // Vanilla has no transport_house fulfillment provider: it cannot price Emporium's calculated shipping options.
    stores[server.kind] = storeClient(server.url, stores.key, { pricesCalculatedShipping: server.kind === "emporium" })
    if (server.kind === "emporium") {
      catalog = await discoverCatalog(stores.emporium)
      log(`catalog: ${catalog.productCount} products, ${catalog.pricedVariantCount} variants priced in EUR, ${catalog.cartVariants.length} well-stocked variants for carts`)
      if (catalog.productCount < 200) warn(`the seeded catalog has ${catalog.productCount} products (expected ≥ 200)`)
      if (!catalog.cartVariants.length) throw new Error("no variant with ≥ 200 units in stock and a EUR price: carts cannot be benchmarked")
      // Before vanilla starts: a flat option vanilla's checkouts can book (Emporium's own options are calculated).
      const flat = await ensureFlatShippingOptions(await adminClient(server.url))
      if (flat) log(`added a flat manual shipping option to ${flat} service zone(s) for vanilla's checkouts`)
      emporiumFacts.appStatus = await stores.emporium.status("/app")
      emporiumFacts.storeRoutes = emporiumStoreRoutes()
    } else {
      results.servers.vanilla.env = pickEnv(environ(server.medusaPid))
      results.checks = await vanillaChecks(stores.vanilla, emporiumFacts, catalog)
      for (const c of results.checks) log(`vanilla check ${c.ok ? "ok" : "FAILED"}: ${c.name}`)
      if (!results.checks[0].ok) throw new Error("vanilla does not see the same catalog: the comparison would be meaningless")
    }
    log(`warming up ${server.name} (${WARMUP_REQUESTS} catalogue requests, 2 checkouts)…`)
    await warmUp(server, stores[server.kind], catalog, opts)
    await sleep(2000)
    results.memory[server.kind] = { idleMb: Math.round(server.sample().rssMb) }
    measuring.add(server)
  }

  async function finish(server) {
    await sleep(2000)
    measuring.delete(server)
    const mem = results.memory[server.kind]
    mem.afterMb = Math.round(server.sample().rssMb)
    mem.peakMb = Math.round(Math.max(peaks[server.kind] ?? 0, mem.afterMb))
    log(`stopping ${server.name} (RSS idle ${mem.idleMb} MB, peak ${mem.peakMb} MB, after load ${mem.afterMb} MB)`)
    const exit = await server.stop()
    if (exit && exit.code !== 0 && exit.code !== 130 && exit.code !== 143) warn(`${server.name} exited with ${exit.signal ?? `code ${exit.code}`} when stopped`)
  }

  /** Backends of the bench database and PostgreSQL's own background processes. */
  async function postgresPids() {
    if (!pgPid) return []
    try {
      if (!pgMonitorConnected) {
        pgMonitorConnected = true
        await pgMonitor.connect()
      }
      const { rows } = await pgMonitor.query(
        "SELECT pid FROM pg_stat_activity WHERE datname = current_database() OR backend_type <> 'client backend'"
      )
      return [pgPid, ...rows.map((r) => r.pid)]
    } catch {
      return processTree(pgPid)
    }
  }

  /** CPU used so far by: the machine, this runner, each running server, PostgreSQL. */
  const cpuSnapshot = async () => ({
    at: Date.now(),
    machine: machineBusyMs(),
    runner: selfCpuMs(),
    servers: Object.fromEntries([...measuring].map((s) => [s.kind, cpuByPid(processTree(s.medusaPid))])),
    postgres: cpuByPid(await postgresPids()),
  })

  /**
   * Where the CPU went while a scenario ran, in % of one core: the measured server,
   * the idle one, PostgreSQL (bench database), the load generator (this process) and
   * everything else on the machine ("foreign": other builds and tests disturb the numbers).
   */
  function cpuShares(before, after, server) {
    const wall = after.at - before.at
    const pct = (ms) => Math.round((ms / wall) * 1000) / 10
    const servers = Object.fromEntries(
      Object.keys(before.servers).map((k) => [k, cpuDelta(before.servers[k], after.servers[k] ?? new Map())])
    )
    const postgres = cpuDelta(before.postgres, after.postgres)
    const runner = after.runner - before.runner
    const ours = Object.values(servers).reduce((a, b) => a + b, 0) + postgres + runner
    return {
      server: pct(servers[server.kind] ?? 0),
      idleServer: pct(Object.entries(servers).filter(([k]) => k !== server.kind).reduce((a, [, v]) => a + v, 0)),
      postgres: pgPid ? pct(postgres) : null,
      loadGenerator: pct(runner),
      foreign: pct(Math.max(0, after.machine - before.machine - ours)),
      loadavg: Math.round(os.loadavg()[0] * 100) / 100,
    }
  }

  async function step(scenario, server, round, seed) {
    const ctx = { server, store: stores[server.kind], catalog, options: opts, state: {}, seed, log, dbUrl, stripeUrl: stripeFake?.url }
    try {
      await scenario.setup(ctx)
      const before = await cpuSnapshot()
      const out = await scenario.run(ctx)
      const cpu = cpuShares(before, await cpuSnapshot(), server)
      out.raw = { ...out.raw, cpuPercentOfOneCore: cpu }
      if (cpu.idleServer > 5) warn(`the idle server used ${cpu.idleServer}% of a core during ${scenario.name} on ${server.name}`)
      if (cpu.foreign > 15) warn(`other processes on this machine used ${cpu.foreign}% of a core during ${scenario.name} on ${server.name}: numbers are disturbed`, "noise")
      const main = out.metrics[0]
      log(
        `${scenario.name} on ${server.name}: ${main.label} ${main.value}` +
          (out.errors.count ? `, ${out.errors.count} of ${out.errors.total} FAILED ${JSON.stringify(out.errors.samples[0] ?? {}).slice(0, 200)}` : `, 0 of ${out.errors.total} failed`)
      )
      return { round, ...out }
    } catch (error) {
      log(`${scenario.name} on ${server.name} FAILED: ${error.message}`)
      return { round, failure: error.message }
    }
  }

  const record = (scenario, kind, outcome) => {
    const entry = results.scenarios.find((s) => s.name === scenario.name)
    ;(entry.results[kind] ??= []).push(outcome)
  }

  try {
    if (opts.sequential || !opts.vanilla) {
      for (const kind of ["emporium", "vanilla"]) {
        const server = servers[kind]
        if (!server) continue
        await bringUp(server)
        for (let round = 1; round <= opts.rounds; round++) {
          for (const scenario of scenarios) {
            if (kind === "vanilla" && scenario.emporiumOnly) continue
            record(scenario, kind, await step(scenario, server, round, round * 10 + (kind === "vanilla" ? 1 : 0)))
          }
        }
        await finish(server)
      }
    } else {
      await bringUp(servers.emporium)
      await bringUp(servers.vanilla)
      results.checks.push(...(await sameBodies(scenarios, stores, catalog)))
      for (let round = 1; round <= opts.rounds; round++) {
        for (const [i, scenario] of scenarios.entries()) {
          // Who goes first alternates from scenario to scenario and from round to round.
          const order = (i + round) % 2 === 1 ? ["vanilla", "emporium"] : ["emporium", "vanilla"]
          for (const kind of order) {
            // Emporium-only scenarios (analytics) measure routes vanilla Medusa does not have.
            if (kind === "vanilla" && scenario.emporiumOnly) continue
            record(scenario, kind, await step(scenario, servers[kind], round, round * 10 + (kind === "vanilla" ? 1 : 0)))
          }
        }
      }
      await finish(servers.emporium)
      await finish(servers.vanilla)
    }
  } finally {
    clearInterval(sampler)
    await stopAll()
    await pgMonitor.end().catch(() => undefined)
  }

  results.wallSeconds = Math.round((Date.now() - t0) / 1000)
  const rows = buildRows(results)
  console.log("\n" + consoleTable(rows) + "\n")
  if (opts.write) {
    const file = writeJson(ROOT, results)
    updateBenchmarksMd(path.join(ROOT, "BENCHMARKS.md"), results, rows)
    if (updateAnalyticsSection(path.join(ROOT, "BENCHMARKS.md"), results)) log("updated the Analytics section of BENCHMARKS.md")
    log(`wrote ${path.relative(ROOT, file)} and BENCHMARKS.md`)
  }
  log(`done in ${Math.floor(results.wallSeconds / 60)} min ${results.wallSeconds % 60} s`)
  const failed = results.scenarios.some((s) => Object.values(s.results).flat().some((o) => o.failure || o.errors?.count))
  if (failed) {
    log("some scenarios had failures: see the table")
    process.exitCode = 1
  }
}

main().catch((error) => {
  console.error(`\n[bench] ${error.message}\n`)
  process.exit(1)
})
