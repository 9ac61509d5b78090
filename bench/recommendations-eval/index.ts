/**
 * `npm run bench:recommendations-eval`: offline evaluation of the recommendation models.
 *
 * 1. generates a data set with planted structure (generate.ts), the last visit of every
 *    customer (the one that ends in their last order) held out;
 * 2. drops and creates a scratch database, creates the module's tables with the SQL of the
 *    module's own migrations;
 * 3. loads product profiles (engine.upsertProducts) and the training signals through the
 *    incremental path (engine.writeSignals, in time order, batches of 1000), then runs every
 *    rebuild step (engine.rebuildStep) as the service does;
 * 4. for a deterministic sample of customers, asks each list for a top 10 and checks whether
 *    the held-out product is in it (hit-rate@10, NDCG@10), against a popularity baseline;
 * 5. writes bench/results/recommendations-eval.json and its section of BENCHMARKS.md.
 *
 * Environment: EVAL_DATABASE_URL, EVAL_SEED, EVAL_CUSTOMERS, EVAL_SAMPLE, EVAL_BATCH,
 * EVAL_ANALYZE_EVERY, EVAL_SETTINGS (JSON merged over DEFAULT_SETTINGS). `--no-write` prints only.
 */
import { execFileSync } from "node:child_process"
import crypto from "node:crypto"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import {
  DEFAULT_SETTINGS,
  MODEL_STEPS,
  RecommendationEngine,
  type EngineSettings,
  type ModelStep,
  type RunSql,
} from "../../src/modules/recommendation/engine"
import { CpuMeter, type CpuShare } from "./cpu"
import { connect, DEFAULT_DATABASE_URL, migrationStatements, pgRunSql, recreateDatabase, type QueryLog } from "./db"
import { DEFAULT_GENERATOR, generate, type TargetOrigin } from "./generate"
import { accumulator, bootstrapRatio, percentile, record, summarize, type Accumulator } from "./metrics"
import { shuffle, rng } from "./random"
import { sectionMarkdown, updateBenchmarksMd, type EvalResults } from "./report"

const ROOT = path.join(__dirname, "../..")
const RESULTS_FILE = "bench/results/recommendations-eval.json"
const K = 10
export const ALGORITHMS = ["popularity", "trending", "personalized", "bought_together", "also_viewed", "similar"] as const
export type Algorithm = (typeof ALGORITHMS)[number]

const env = (name: string, fallback: number) => (process.env[name] ? Number(process.env[name]) : fallback)
const t0 = Date.now()
const log = (line: string) => console.log(`[rec-eval ${String(Math.round((Date.now() - t0) / 1000)).padStart(4)}s] ${line}`)
const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits

async function main() {
  // Hashed now: Node has just loaded these files, and the checkout may change while the run goes on.
  const engineSources = engineSourcesHash()
  const write = !process.argv.includes("--no-write")
  const databaseUrl = process.env.EVAL_DATABASE_URL || DEFAULT_DATABASE_URL
  const sampleSize = env("EVAL_SAMPLE", 2000)
  const batchSize = env("EVAL_BATCH", 1000)
  const productBatch = env("EVAL_PRODUCT_BATCH", 500)
  const analyzeEvery = env("EVAL_ANALYZE_EVERY", 50_000)
  const overrides = process.env.EVAL_SETTINGS ? (JSON.parse(process.env.EVAL_SETTINGS) as Partial<EngineSettings>) : {}
  const settings: EngineSettings = { ...DEFAULT_SETTINGS, ...overrides, weights: { ...DEFAULT_SETTINGS.weights, ...overrides.weights } }
  const engine = new RecommendationEngine(settings)
  const startedAt = new Date()

  // ---------------------------------------------------------------- data
  const genConfig = {
    ...DEFAULT_GENERATOR,
    seed: env("EVAL_SEED", DEFAULT_GENERATOR.seed),
    customers: env("EVAL_CUSTOMERS", DEFAULT_GENERATOR.customers),
    now: startedAt,
    weights: settings.weights,
  }
  let t = performance.now()
  const data = generate(genConfig)
  const generateSeconds = (performance.now() - t) / 1000
  log(
    `generated ${data.products.length} products, ${data.counts.generated.total} interactions ` +
      `(${data.counts.training.total} to load, ${data.counts.heldOutSignals} held out) in ${round(generateSeconds)} s`
  )

  // ---------------------------------------------------------------- database
  await recreateDatabase(databaseUrl)
  const client = await connect(databaseUrl)
  const queryLog: QueryLog = { statements: 0, ms: 0 }
  const run = pgRunSql(client, queryLog)
  const backendPid = Number((await client.query("SELECT pg_backend_pid() AS pid")).rows[0].pid)
  const meter = new CpuMeter(backendPid)
  const cpu: Record<string, CpuShare> = {}
  const migrations = await migrationStatements()
  for (const [, statements] of migrations) for (const sql of statements) await client.query(sql)
  log(`scratch database ${redact(databaseUrl)} created; migrations ${migrations.map(([name, s]) => `${name} (${s.length} statements)`).join(", ")}`)
  const tables = [
    "recommendation_signal",
    "recommendation_product_stat",
    "recommendation_pair",
    "recommendation_session_item",
    "recommendation_product",
    "recommendation_term",
  ]
  let analyzeSeconds = 0
  const analyze = async () => {
    const a = performance.now()
    await client.query(`ANALYZE ${tables.join(", ")}`)
    analyzeSeconds += (performance.now() - a) / 1000
  }
  const inTransaction = async <T>(fn: () => Promise<T>): Promise<T> => {
    await client.query("BEGIN")
    try {
      const out = await fn()
      await client.query("COMMIT")
      return out
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined)
      throw error
    }
  }

  // ---------------------------------------------------------------- load: products
  t = performance.now()
  let cpuAt = meter.sample()
  const productBatchMs: number[] = []
  for (let i = 0; i < data.products.length; i += productBatch) {
    const b = performance.now()
    await inTransaction(() => engine.upsertProducts(run, data.products.slice(i, i + productBatch)))
    productBatchMs.push(performance.now() - b)
  }
  const productSeconds = (performance.now() - t) / 1000
  cpu.products = meter.share(cpuAt, (cpuAt = meter.sample()))
  log(`upsertProducts: ${data.products.length} profiles in batches of ${productBatch}, ${round(productSeconds)} s`)
  if (analyzeEvery > 0) await analyze()

  // ---------------------------------------------------------------- load: signals (incremental path)
  const batchMs: number[] = []
  const chunks: { signals: number; seconds: number; per_s: number }[] = []
  let inserted = 0
  let chunkStart = performance.now()
  let chunkSignals = 0
  let sinceAnalyze = 0
  let writeMs = 0
  for (let i = 0; i < data.training.length; i += batchSize) {
    const batch = data.training.slice(i, i + batchSize)
    const b = performance.now()
    const result = await engine.writeSignals(run, batch)
    const ms = performance.now() - b
    writeMs += ms
    batchMs.push(ms)
    inserted += result.inserted
    chunkSignals += batch.length
    sinceAnalyze += batch.length
    if (chunkSignals >= 50_000 || i + batchSize >= data.training.length) {
      const seconds = (performance.now() - chunkStart) / 1000
      chunks.push({ signals: chunkSignals, seconds: round(seconds, 2), per_s: Math.round(chunkSignals / seconds) })
      log(`writeSignals: ${i + batch.length}/${data.training.length} (${Math.round(chunkSignals / seconds)} signals/s over the last ${chunkSignals})`)
      chunkStart = performance.now()
      chunkSignals = 0
    }
    // The server this runs on has autovacuum off: analyze as autovacuum would as the tables grow.
    if (analyzeEvery > 0 && sinceAnalyze >= analyzeEvery) {
      await analyze()
      sinceAnalyze = 0
      chunkStart = performance.now()
    }
  }
  cpu.signals = meter.share(cpuAt, meter.sample())
  if (inserted !== data.training.length) throw new Error(`writeSignals inserted ${inserted} of ${data.training.length} signals`)
  const signalsPerSecond = data.training.length / (writeMs / 1000)
  log(`writeSignals: ${inserted} signals in ${round(writeMs / 1000)} s of statements, ${Math.round(signalsPerSecond)} signals/s`)
  const incrementalCounts = await engine.counts(run)

  // Keep what the incremental path built, to compare with the rebuild.
  await client.query(`CREATE TABLE eval_incremental_stat AS SELECT product_id, order_count, session_count, view_count, cart_count,
    purchase_count, trend_log FROM recommendation_product_stat WHERE deleted_at IS NULL`)
  await client.query(`CREATE TABLE eval_incremental_pair AS SELECT kind, product_id, related_id, support FROM recommendation_pair WHERE deleted_at IS NULL`)

  // ---------------------------------------------------------------- rebuild (as the service: one transaction per step, tables locked)
  const rebuild: Record<string, number> = {}
  cpuAt = meter.sample()
  for (const step of MODEL_STEPS) {
    const s = performance.now()
    await inTransaction(async () => {
      await client.query(`LOCK TABLE ${engine.stepTables(step as ModelStep).join(", ")} IN EXCLUSIVE MODE`)
      await engine.rebuildStep(run, step)
    })
    rebuild[step] = round((performance.now() - s) / 1000, 2)
    log(`rebuild ${step}: ${rebuild[step]} s`)
  }
  cpu.rebuild = meter.share(cpuAt, meter.sample())
  const counts = await engine.counts(run)
  if (analyzeEvery > 0) await analyze()
  const consistency = await compareIncrementalWithRebuild(client)
  log(`incremental vs rebuild: ${JSON.stringify(consistency)}`)

  // ---------------------------------------------------------------- evaluation
  const customers = customerHistories(data.training)
  const heldOut = new Map(data.heldOut.map((h) => [h.customer_id, h]))
  const heldOutOrders = new Set(data.heldOut.map((h) => h.order_id))
  const eligible = [...customers.values()]
    .filter((c) => c.lastPurchase && c.lastView && heldOut.has(c.id))
    .map((c) => c.id)
    .sort()
  // The held-out visit must not be in what was loaded.
  for (const h of data.heldOut) {
    const c = customers.get(h.customer_id)
    const at = Date.parse(h.at)
    if (c && (c.owned.has(h.product_id) || c.lastPurchaseAt >= at || c.lastViewAt >= at)) {
      throw new Error(`held-out visit of ${h.customer_id} leaked into the training signals`)
    }
  }
  if (data.training.some((r) => r.order_id && heldOutOrders.has(r.order_id))) throw new Error("a held-out order line was loaded")
  const order = shuffle(rng(genConfig.seed ^ 0x5eed), [...eligible])
  const sample = order.slice(0, Math.min(sampleSize, order.length))
  const warmup = order.slice(sample.length, sample.length + 25)

  const purchaseCounts = new Map<string, number>()
  for (const r of data.training) if (r.kind === "purchase") purchaseCounts.set(r.product_id, (purchaseCounts.get(r.product_id) ?? 0) + 1)
  const popular = [...purchaseCounts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([id]) => id)

  const lists = async (customerId: string, timed: boolean, acc?: Record<Algorithm, Accumulator>, byOrigin?: Record<string, Record<string, Accumulator>>) => {
    const c = customers.get(customerId)!
    const target = heldOut.get(customerId)!
    const limit = K + c.owned.size
    const top = (ids: string[]) => ids.filter((id) => !c.owned.has(id)).slice(0, K)
    const timedCall = async (fn: () => Promise<{ product_id: string }[]>) => {
      const s = performance.now()
      const rows = await fn()
      return { ids: top(rows.map((r) => r.product_id)), ms: performance.now() - s }
    }
    const results: Record<Algorithm, { ids: string[]; ms?: number }> = {
      popularity: { ids: top(popular.slice(0, limit)) },
      trending: await timedCall(() => engine.trending(run, undefined, limit)),
      personalized: await timedCall(() => engine.personalized(run, customerId, null, limit)),
      bought_together: await timedCall(() => engine.neighbours(run, "bought_together", c.lastPurchase!, limit)),
      also_viewed: await timedCall(() => engine.neighbours(run, "also_viewed", c.lastView!, limit)),
      similar: await timedCall(() => engine.similar(run, c.lastPurchase!, limit)),
    }
    if (!acc || !byOrigin) return
    for (const algorithm of ALGORITHMS) {
      const r = results[algorithm]
      record(acc[algorithm], r.ids, target.product_id, K, timed ? r.ms : undefined)
      byOrigin[algorithm][target.origin] ??= accumulator()
      record(byOrigin[algorithm][target.origin], r.ids, target.product_id, K)
    }
  }

  for (const id of warmup) await lists(id, false)
  const acc = Object.fromEntries(ALGORITHMS.map((a) => [a, accumulator()])) as Record<Algorithm, Accumulator>
  const byOrigin = Object.fromEntries(ALGORITHMS.map((a) => [a, {}])) as Record<Algorithm, Record<TargetOrigin, Accumulator>>
  t = performance.now()
  cpuAt = meter.sample()
  for (let i = 0; i < sample.length; i++) {
    await lists(sample[i], true, acc, byOrigin)
    if ((i + 1) % 500 === 0) log(`evaluated ${i + 1}/${sample.length} customers`)
  }
  const evalSeconds = (performance.now() - t) / 1000
  cpu.evaluation = meter.share(cpuAt, meter.sample())
  const metrics = Object.fromEntries(ALGORITHMS.map((a) => [a, summarize(acc[a])])) as Record<Algorithm, ReturnType<typeof summarize>>
  const baseline = metrics.popularity.hit_rate_at_10
  const bootstrapRandom = rng(genConfig.seed ^ 0xb007)
  const algorithms = Object.fromEntries(
    ALGORITHMS.map((a) => [
      a,
      {
        ...metrics[a],
        times_baseline: a === "popularity" ? 1 : metrics[a].hit_rate_at_10 / baseline,
        times_baseline_ci95: a === "popularity" ? null : bootstrapRatio(acc[a].hitVector, acc.popularity.hitVector, bootstrapRandom),
        ndcg_times_baseline: a === "popularity" ? 1 : metrics[a].ndcg_at_10 / metrics.popularity.ndcg_at_10,
        target_met: a === "popularity" ? null : metrics[a].hit_rate_at_10 >= 2 * baseline,
        hit_rate_by_target_origin: Object.fromEntries(
          Object.entries(byOrigin[a]).map(([origin, o]) => [origin, { customers: o.n, hit_rate_at_10: o.hits / o.n }])
        ),
      },
    ])
  )
  for (const a of ALGORITHMS) {
    const m = algorithms[a]
    log(
      `${a.padEnd(16)} hit@10 ${(m.hit_rate_at_10 * 100).toFixed(2)} %  NDCG@10 ${m.ndcg_at_10.toFixed(4)}  ×${m.times_baseline.toFixed(2)}` +
        (m.latency_ms ? `  p50 ${m.latency_ms.p50.toFixed(1)} ms p95 ${m.latency_ms.p95.toFixed(1)} ms` : "")
    )
  }

  // ---------------------------------------------------------------- results
  const sampleOrigins: Record<string, number> = {}
  for (const id of sample) sampleOrigins[heldOut.get(id)!.origin] = (sampleOrigins[heldOut.get(id)!.origin] ?? 0) + 1
  const results: EvalResults = {
    date: startedAt.toISOString(),
    wall_seconds: round((Date.now() - t0) / 1000),
    git: gitInfo(),
    engine_sources_sha1: engineSources,
    engine_sources_changed_during_run: engineSourcesHash() !== engineSources,
    machine: await machineInfo(client),
    command: "npm run bench:recommendations-eval",
    database: redact(databaseUrl),
    settings,
    settings_are_defaults: JSON.stringify(settings) === JSON.stringify(DEFAULT_SETTINGS),
    dataset: {
      seed: genConfig.seed,
      products: data.products.length,
      segments: genConfig.segments,
      customers: genConfig.customers,
      anonymous_sessions: genConfig.anonymousSessions,
      days: genConfig.days,
      counts: data.counts,
      held_out_target_origins: data.targetOrigins,
      eligible_customers: eligible.length,
      sample: sample.length,
      sample_target_origins: Object.fromEntries(Object.entries(sampleOrigins).map(([k, v]) => [k, v / sample.length])),
      owned_per_sampled_customer_p50: percentile(sample.map((id) => customers.get(id)!.owned.size), 50),
    },
    load: {
      generate_seconds: round(generateSeconds, 2),
      products_seconds: round(productSeconds, 2),
      product_batch: productBatch,
      product_batch_ms: productBatchMs.map((x) => Math.round(x)),
      signals: inserted,
      signal_batch: batchSize,
      signals_seconds: round(writeMs / 1000, 2),
      signals_per_second: Math.round(signalsPerSecond),
      batch_ms: { p50: round(percentile(batchMs, 50)), p95: round(percentile(batchMs, 95)), max: round(Math.max(...batchMs)) },
      chunks,
      analyze_every: analyzeEvery,
      analyze_seconds: round(analyzeSeconds, 2),
      incremental_counts: incrementalCounts,
    },
    rebuild_seconds: rebuild,
    cpu_percent_of_a_core: cpu,
    counts,
    consistency,
    evaluation: { k: K, seconds: round(evalSeconds, 1), warmup_customers: warmup.length, algorithms },
  }
  console.log(JSON.stringify({ metrics: Object.fromEntries(ALGORITHMS.map((a) => [a, { hit: algorithms[a].hit_rate_at_10, ndcg: algorithms[a].ndcg_at_10 }])) }))
  await client.end()
  if (!write) console.log(sectionMarkdown(results, RESULTS_FILE))
  if (write) {
    const file = path.join(ROOT, RESULTS_FILE)
    fs.mkdirSync(path.dirname(file), { recursive: true })
    fs.writeFileSync(file, JSON.stringify(results, null, 1) + "\n")
    updateBenchmarksMd(path.join(ROOT, "BENCHMARKS.md"), results, RESULTS_FILE)
    log(`wrote ${RESULTS_FILE} and the recommendations-eval section of BENCHMARKS.md`)
  }
  log(`done in ${round((Date.now() - t0) / 1000)} s`)
}

type CustomerHistory = { id: string; owned: Set<string>; lastPurchase: string | null; lastPurchaseAt: number; lastView: string | null; lastViewAt: number }

/**
 * What the evaluation knows of each customer, from the training signals only: products bought,
 * the most recent purchase (an order's lines share its time: the first line of the latest
 * order) and the most recently viewed product.
 */
function customerHistories(training: { kind: string; customer_id: string | null; product_id: string; occurred_at: string }[]) {
  const out = new Map<string, CustomerHistory>()
  for (const r of training) {
    if (!r.customer_id) continue
    let c = out.get(r.customer_id)
    if (!c) out.set(r.customer_id, (c = { id: r.customer_id, owned: new Set(), lastPurchase: null, lastPurchaseAt: -Infinity, lastView: null, lastViewAt: -Infinity }))
    const at = Date.parse(r.occurred_at)
    if (r.kind === "purchase") {
      c.owned.add(r.product_id)
      if (at > c.lastPurchaseAt) {
        c.lastPurchaseAt = at
        c.lastPurchase = r.product_id
      }
    } else if (r.kind === "view" && at > c.lastViewAt) {
      c.lastViewAt = at
      c.lastView = r.product_id
    }
  }
  return out
}

/** What the incremental path built against what the rebuild computes from the same signals. */
async function compareIncrementalWithRebuild(client: import("pg").Client) {
  const [stat] = (
    await client.query(`
    SELECT count(*) FILTER (WHERE i.product_id IS NULL)::int AS only_rebuild,
      count(*) FILTER (WHERE r.product_id IS NULL)::int AS only_incremental,
      count(*) FILTER (WHERE i.order_count <> r.order_count)::int AS order_count_differs,
      count(*) FILTER (WHERE i.session_count <> r.session_count)::int AS session_count_differs,
      count(*) FILTER (WHERE i.view_count <> r.view_count OR i.cart_count <> r.cart_count OR i.purchase_count <> r.purchase_count)::int AS counters_differ,
      coalesce(max(abs(i.trend_log - r.trend_log)), 0)::float8 AS trend_log_max_abs_diff
    FROM eval_incremental_stat i
    FULL JOIN (SELECT * FROM recommendation_product_stat WHERE deleted_at IS NULL) r ON r.product_id = i.product_id`)
  ).rows
  const pairs = (
    await client.query(`
    SELECT r.kind, count(*)::int AS rebuilt_pairs,
      count(*) FILTER (WHERE i.product_id IS NULL)::int AS missing_from_incremental,
      count(*) FILTER (WHERE i.support <> r.support)::int AS support_differs,
      coalesce(sum(abs(i.support - r.support)), 0)::int AS support_abs_diff,
      (SELECT count(*) FROM eval_incremental_pair x WHERE x.kind = r.kind)::int AS incremental_pairs
    FROM recommendation_pair r
    LEFT JOIN eval_incremental_pair i ON i.kind = r.kind AND i.product_id = r.product_id AND i.related_id = r.related_id
    WHERE r.deleted_at IS NULL
    GROUP BY r.kind ORDER BY r.kind`)
  ).rows
  return { stat, pairs: Object.fromEntries(pairs.map(({ kind, ...rest }) => [kind, rest])) }
}

/** The module's SQL and engine as run (the checkout may hold uncommitted changes): a hash to tell runs apart. */
function engineSourcesHash(): string {
  const dir = path.join(ROOT, "src/modules/recommendation")
  const files = ["engine.ts", "signals.ts", "terms.ts", "candidates.ts", ...fs.readdirSync(path.join(dir, "sql")).sort().map((f) => `sql/${f}`)]
  const hash = crypto.createHash("sha1")
  for (const f of files) {
    if (!fs.existsSync(path.join(dir, f))) continue
    hash.update(f).update("\0").update(fs.readFileSync(path.join(dir, f)))
  }
  return hash.digest("hex").slice(0, 12)
}

function gitInfo() {
  try {
    const commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: ROOT, encoding: "utf8" }).trim()
    const dirty = execFileSync("git", ["status", "--porcelain"], { cwd: ROOT, encoding: "utf8" }).trim().length > 0
    return { commit, dirty }
  } catch {
    return { commit: "unknown", dirty: false }
  }
}

async function machineInfo(client: import("pg").Client) {
  const settings = await client.query(
    `SELECT name, current_setting(name) AS setting FROM unnest(ARRAY['shared_buffers', 'work_mem', 'autovacuum', 'jit', 'max_parallel_workers_per_gather']) AS name`
  )
  const version = (await client.query("SHOW server_version")).rows[0].server_version as string
  const cpus = os.cpus()
  return {
    cpus: cpus.length,
    cpu_model: cpus[0]?.model.replace(/\s+/g, " ").trim() ?? "unknown",
    ram_gb: round(os.totalmem() / 2 ** 30, 1),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    postgres: `PostgreSQL ${version.split(" ")[0]}`,
    postgres_settings: Object.fromEntries(settings.rows.map((r) => [r.name, r.setting])),
  }
}

function redact(url: string) {
  const u = new URL(url)
  if (u.password) u.password = "***"
  return u.toString()
}

export type { RunSql }

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
