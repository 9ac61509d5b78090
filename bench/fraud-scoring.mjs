#!/usr/bin/env node
/**
 * What fraud scoring itself costs, without HTTP or the rest of the checkout: the built fraud
 * module (.medusa/server/src/modules/fraud, as `medusa start` runs it) is loaded in this process
 * against the bench database and `assessCheckout` — rule set (cached as in the server), velocity
 * windows, history, store percentiles, blocklist SQL, scoring, the assessment's insert — is timed
 * call by call. Also times the pure scorer (`scoreCheckout`) alone.
 *
 *   node bench/fraud-scoring.mjs [--n 300] [--json]
 *
 * Environment: BENCH_DATABASE_URL (default postgres://postgres@localhost:5432/emporium_bench),
 * BENCH_REDIS_URL (velocity in Redis, as the bench servers do when it is set). Needs a built app
 * (`npm run build`, which the bench's Emporium start does) and a migrated bench database. The
 * assessments and attempts it writes (cart ids `bench_fraudscore_*`) are deleted afterwards.
 * The bench scenario fraud-checkout runs it; --json prints one line of JSON for that.
 */
import fs from "node:fs"
import path from "node:path"
import { createRequire } from "node:module"
import { performance } from "node:perf_hooks"
import { withDb } from "./lib/db.mjs"
import { percentile, round } from "./lib/load.mjs"
import { BENCH_ADDRESS } from "./lib/store.mjs"

const require = createRequire(import.meta.url)
const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..")
const MODULE_DIR = path.join(ROOT, ".medusa", "server", "src", "modules", "fraud")
const WARMUP = 20
const PURE_CALLS = 100_000

function parseArgs(argv) {
  const opts = { n: 300, json: false }
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--json") opts.json = true
    else if (argv[i] === "--n") opts.n = Number(argv[++i])
    else if (argv[i].startsWith("--n=")) opts.n = Number(argv[i].slice(4))
    else throw new Error(`unknown option ${argv[i]} (usage: node bench/fraud-scoring.mjs [--n 300] [--json])`)
  }
  if (!Number.isInteger(opts.n) || opts.n < 1) throw new Error("--n must be a whole number ≥ 1")
  return opts
}

const summary = (times) => ({
  p50: round(percentile(times, 50), 2),
  p95: round(percentile(times, 95), 2),
  p99: round(percentile(times, 99), 2),
  mean: round(times.reduce((a, b) => a + b, 0) / times.length, 2),
  max: round(Math.max(...times), 2),
})

/** The fraud module alone, as initModules of @medusajs/test-utils boots one (no HTTP, no other modules). */
async function bootFraudModule(dbUrl, redisUrl) {
  const { initModules, MockEventBusService } = require("@medusajs/test-utils")
  const { ContainerRegistrationKeys, Modules, createPgConnection, isSharedConnectionSymbol } = require("@medusajs/framework/utils")
  const database = { clientUrl: dbUrl, schema: "public" }
  const connection = createPgConnection(database)
  const modulesConfig = {
    fraud: {
      resolve: MODULE_DIR,
      options: { database, [isSharedConnectionSymbol]: true, ...(redisUrl ? { redis_url: redisUrl, namespace: "emporium-bench:fraud" } : {}) },
    },
  }
  const quiet = { info() {}, warn() {}, debug() {}, log() {}, activity() {}, progress() {}, success() {}, failure() {}, shouldLog: () => false, error: console.error }
  const { medusaApp, shutdown } = await initModules({
    injectedDependencies: {
      [ContainerRegistrationKeys.PG_CONNECTION]: connection,
      [Modules.EVENT_BUS]: new MockEventBusService(),
      [ContainerRegistrationKeys.LOGGER]: quiet,
      [ContainerRegistrationKeys.CONFIG_MODULE]: { modules: modulesConfig },
    },
    modulesConfig,
    databaseConfig: database,
    preventConnectionDestroyWarning: true,
  })
  return {
    fraud: medusaApp.modules.fraud,
    async close() {
      await medusaApp.onApplicationShutdown?.()
      await shutdown()
      await connection.context?.destroy?.()
      await connection.destroy()
    },
  }
}

export async function measureFraudScoring({ n = 300, dbUrl, redisUrl } = {}) {
  dbUrl ??= process.env.BENCH_DATABASE_URL || "postgres://postgres@localhost:5432/emporium_bench"
  redisUrl ??= process.env.BENCH_REDIS_URL || undefined
  if (!fs.existsSync(path.join(MODULE_DIR, "index.js"))) {
    throw new Error(`${path.relative(ROOT, MODULE_DIR)} is missing: build the app first (npm run build)`)
  }
  process.env.LOG_LEVEL ??= "error"
  const { scoreCheckout } = require(path.join(MODULE_DIR, "rules", "score.js"))
  const { addressKey } = require(path.join(MODULE_DIR, "normalize.js"))

  const run = Date.now().toString(36)
  const address_key = addressKey(BENCH_ADDRESS)
  /** A storefront checkout: new shopper (own e-mail), a public IP, the bench's address, ~€40. */
  const input = (i) => ({
    cart_id: `bench_fraudscore_${run}_${i}`,
    email: `fraudscore+${run}-${i}@emporium.test`,
    customer_id: null,
    ip: `198.51.100.${(i % 250) + 1}`,
    card_fingerprint: null,
    address_key,
    shipping_country: BENCH_ADDRESS.country_code,
    billing_country: BENCH_ADDRESS.country_code,
    amount: 3000 + (i % 50) * 100,
    currency_code: "eur",
    failed_payments: 0,
    external: {},
  })

  const { fraud, close } = await bootFraudModule(dbUrl, redisUrl)
  const times = []
  const decisions = {}
  let ruleSet
  try {
    ruleSet = await fraud.currentRuleSet()
    for (let i = 0; i < WARMUP + n; i++) {
      const t0 = performance.now()
      const result = await fraud.assessCheckout(input(i))
      const ms = performance.now() - t0
      if (i < WARMUP) continue
      times.push(ms)
      decisions[result.decision] = (decisions[result.decision] ?? 0) + 1
    }
  } finally {
    await close()
    await withDb(dbUrl, async (c) => {
      await c.query("DELETE FROM fraud_assessment WHERE cart_id LIKE $1", [`bench_fraudscore_${run}_%`])
      await c.query("DELETE FROM fraud_attempt WHERE cart_id LIKE $1", [`bench_fraudscore_${run}_%`])
    })
  }

  // The pure scorer on the facts such a checkout ends with (nothing fires but the address burst).
  const facts = {
    ...input(0),
    velocity: { "email:10": 1, "email:60": 1, "ip:10": 1, "address:60": 7 },
    history: { orders: 0, average_amount: null },
    store: { samples: 120, percentiles: { 99: 25_000 } },
    blocklisted: [],
    disposable_email: false,
  }
  let sink = 0
  for (let i = 0; i < 1000; i++) sink += scoreCheckout(ruleSet, facts).score
  const t0 = performance.now()
  for (let i = 0; i < PURE_CALLS; i++) sink += scoreCheckout(ruleSet, facts).score
  const pureUs = ((performance.now() - t0) * 1000) / PURE_CALLS

  return {
    calls: n,
    warmup: WARMUP,
    velocity_store: redisUrl ? "redis" : "postgres",
    rule_set_version: ruleSet.version,
    rules_enabled: ruleSet.rules.filter((rule) => rule.enabled).length,
    assess_ms: summary(times),
    decisions,
    score_pure_us: round(pureUs, 2),
    _sink: sink > 0,
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const opts = parseArgs(process.argv.slice(2))
  measureFraudScoring({ n: opts.n })
    .then((out) => {
      if (opts.json) console.log(JSON.stringify(out))
      else {
        console.log(`assessCheckout (${out.calls} calls after ${out.warmup} warm-up, velocity in ${out.velocity_store}, rule set v${out.rule_set_version}, ${out.rules_enabled} rules):`)
        console.log(`  p50 ${out.assess_ms.p50} ms, p95 ${out.assess_ms.p95} ms, p99 ${out.assess_ms.p99} ms, max ${out.assess_ms.max} ms; decisions ${JSON.stringify(out.decisions)}`)
        console.log(`scoreCheckout alone: ${out.score_pure_us} µs a call`)
      }
      process.exit(0)
    })
    .catch((error) => {
      console.error(`[fraud-scoring] ${error.stack ?? error.message}`)
      process.exit(1)
    })
}
