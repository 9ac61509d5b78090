import { spawn } from "node:child_process"
import fs from "node:fs"
import path from "node:path"
import { withDb } from "../lib/db.mjs"
import { percentile, round } from "../lib/load.mjs"
import { cmdline, environ, sampleTree } from "../lib/proc.mjs"
import { ROOT } from "../lib/servers.mjs"
import { completeSequentially, mapLimit, prepareCheckout } from "../lib/store.mjs"

const CARTS = Number(process.env.BENCH_FRAUD_CARTS || 30)
const SCORING_CALLS = Number(process.env.BENCH_FRAUD_SCORING_CALLS || 300)
/** The third server: Emporium with EMPORIUM_FRAUD=false (run.mjs uses 9100 and 9101). */
const NO_FRAUD_PORT = 9102
/** E-mails bench+<seed>@…: far from cart-complete's seeds, and one per cart, so velocity never flags. */
const SEED_BASE = 700_000

const sleep = (ms) => new Promise((r) => setTimeout(r, ms))

/**
 * Emporium's own `medusa start` again — same build, command line, working directory and
 * environment, read from /proc — with EMPORIUM_FRAUD=false on its own port. Both share the bench
 * database, so carts prepared through one complete through the other. Started once, at the
 * first Emporium step; stopped after the last round (or when the runner exits).
 */
let noFraud = null

async function startNoFraud(ctx) {
  if (noFraud) return noFraud
  const pid = ctx.server.medusaPid
  const argv = cmdline(pid)
  const cwd = fs.readlinkSync(`/proc/${pid}/cwd`)
  const env = { ...environ(pid), PORT: String(NO_FRAUD_PORT), EMPORIUM_FRAUD: "false" }
  const logFile = path.join(ROOT, "bench", ".work", "logs", "emporium-no-fraud.log")
  fs.mkdirSync(path.dirname(logFile), { recursive: true })
  const out = fs.openSync(logFile, "w")
  ctx.log(`fraud-checkout: starting Emporium with EMPORIUM_FRAUD=false on port ${NO_FRAUD_PORT}…`)
  const started = Date.now()
  const child = spawn(argv[0], argv.slice(1), { cwd, env, stdio: ["ignore", out, out], detached: true })
  const exited = new Promise((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })))
  const kill = () => {
    try {
      process.kill(-child.pid, "SIGKILL")
    } catch {
      // already gone
    }
  }
  process.once("exit", kill)
  const url = `http://127.0.0.1:${NO_FRAUD_PORT}`
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`Emporium with EMPORIUM_FRAUD=false stopped while starting (log: ${path.relative(ROOT, logFile)})`)
    }
    if (Date.now() - started > 5 * 60_000) {
      kill()
      throw new Error("Emporium with EMPORIUM_FRAUD=false did not start within 5 minutes")
    }
    if (await fetch(`${url}/health`).then((r) => r.ok, () => false)) break
    await sleep(500)
  }
  ctx.log(`fraud-checkout: EMPORIUM_FRAUD=false server up after ${((Date.now() - started) / 1000).toFixed(0)} s (pid ${child.pid})`)
  noFraud = {
    url,
    pid: child.pid,
    async stop() {
      process.removeListener("exit", kill)
      try {
        process.kill(-child.pid, "SIGINT")
      } catch {
        return
      }
      const timer = setTimeout(kill, 30_000)
      await exited
      clearTimeout(timer)
      noFraud = null
    },
  }
  return noFraud
}

/** The third server's first checkouts pay for JIT and first-use costs, as the runner's warm-up does for the other two. */
async function warmUpNoFraud(ctx, server) {
  const ids = await mapLimit([0, 1, 2], 2, (k) => prepareCheckout(ctx.store, ctx.catalog, SEED_BASE + 900 + k))
  const { failed, samples } = await completeSequentially(server.url, ctx.store, ids)
  if (failed) throw new Error(`EMPORIUM_FRAUD=false warm-up checkouts failed: ${JSON.stringify(samples[0]).slice(0, 300)}`)
}

function runScoringBench(ctx) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, "bench", "fraud-scoring.mjs"), "--json", "--n", String(SCORING_CALLS)], {
      cwd: ROOT,
      env: { ...process.env, BENCH_DATABASE_URL: ctx.dbUrl },
      stdio: ["ignore", "pipe", "pipe"],
    })
    let stdout = ""
    let stderr = ""
    child.stdout.on("data", (c) => (stdout += c))
    child.stderr.on("data", (c) => (stderr += c))
    child.once("exit", (code) => {
      if (code !== 0) return reject(new Error(`bench/fraud-scoring.mjs exited with ${code}: ${stderr.slice(-500)}`))
      try {
        resolve(JSON.parse(stdout.trim().split("\n").pop()))
      } catch {
        reject(new Error(`bench/fraud-scoring.mjs printed no JSON: ${stdout.slice(-300)}`))
      }
    })
  })
}

const p = (times, q) => round(percentile(times, q), 1)

/**
 * Fraud scoring's cost at checkout (issue: "scoring adds ≤ 10 % to cart completion p50 vs
 * vanilla Medusa; scoring itself p95 measured separately"). Carts as in cart-complete (two items,
 * address, shipping, system payment session), each with its own e-mail so velocity does not flag
 * them. On Emporium the carts are completed alternately by Emporium and by a second Emporium
 * with EMPORIUM_FRAUD=false (same build and database), so the difference is scoring alone; the
 * stored assessments are counted to prove which server scored. Then bench/fraud-scoring.mjs
 * times assessCheckout in-process on the bench database. Vanilla completes the same kind of
 * carts (its row is the baseline of the 10 % target).
 */
export default {
  name: "fraud-checkout",
  description: `POST /store/carts/:id/complete on ${CARTS} ready carts with fraud scoring (Emporium), without (Emporium, EMPORIUM_FRAUD=false) and vanilla; assessCheckout timed in-process (${SCORING_CALLS} calls)`,
  optIn: true,
  async setup(ctx) {
    const started = Date.now()
    if (ctx.server.kind === "emporium") {
      ctx.state.noFraud = await startNoFraud(ctx)
      if (!ctx.state.noFraud.warm) {
        await warmUpNoFraud(ctx, ctx.state.noFraud)
        ctx.state.noFraud.warm = true
      }
    }
    const count = ctx.server.kind === "emporium" ? 2 * CARTS : CARTS
    ctx.state.cartIds = await mapLimit(
      Array.from({ length: count }, (_, i) => i),
      2,
      (i) => prepareCheckout(ctx.store, ctx.catalog, SEED_BASE + ctx.seed * 1000 + i)
    )
    ctx.state.prepareSeconds = (Date.now() - started) / 1000
  },
  async run(ctx) {
    const ids = ctx.state.cartIds
    const before = ctx.server.sample()
    if (ctx.server.kind !== "emporium") {
      const { times, failed, statuses, samples } = await completeSequentially(ctx.server.url, ctx.store, ids)
      const after = ctx.server.sample()
      return {
        metrics: metrics({ on: times, cpuMsPerOrder: (after.cpuMs - before.cpuMs) / ids.length }),
        errors: { count: failed, total: ids.length, non2xx: failed, statuses, samples },
        raw: { carts: ids.length, prepareSeconds: round(ctx.state.prepareSeconds, 1), times: times.map((t) => round(t, 1)) },
      }
    }

    // Alternate on/off cart by cart, and which goes first pair by pair.
    const noFraud = ctx.state.noFraud
    const onIds = ids.slice(0, CARTS)
    const offIds = ids.slice(CARTS)
    const on = { times: [], failed: 0, statuses: {}, samples: [] }
    const off = { times: [], failed: 0, statuses: {}, samples: [] }
    let offCpuMs = 0
    const add = (into, out) => {
      into.times.push(...out.times)
      into.failed += out.failed
      for (const [k, v] of Object.entries(out.statuses)) into.statuses[k] = (into.statuses[k] ?? 0) + v
      into.samples.push(...out.samples.slice(0, 5 - into.samples.length))
    }
    let onCpuMs = 0
    for (let i = 0; i < CARTS; i++) {
      const pair = [
        async () => {
          const b = ctx.server.sample().cpuMs
          add(on, await completeSequentially(ctx.server.url, ctx.store, [onIds[i]]))
          onCpuMs += ctx.server.sample().cpuMs - b
        },
        async () => {
          const b = sampleTree(noFraud.pid).cpuMs
          add(off, await completeSequentially(noFraud.url, ctx.store, [offIds[i]]))
          offCpuMs += sampleTree(noFraud.pid).cpuMs - b
        },
      ]
      for (const step of i % 2 ? pair.reverse() : pair) await step()
    }

    // Which server scored: every cart completed with scoring has its assessment, none of the others.
    const assessed = await withDb(ctx.dbUrl, async (c) => {
      const count = async (cartIds) =>
        Number((await c.query("SELECT count(DISTINCT cart_id)::int AS n FROM fraud_assessment WHERE cart_id = ANY($1)", [cartIds])).rows[0].n)
      const decisions = (await c.query("SELECT decision, count(*)::int AS n FROM fraud_assessment WHERE cart_id = ANY($1) GROUP BY decision", [onIds])).rows
      return { on: await count(onIds), off: await count(offIds), decisions: Object.fromEntries(decisions.map((r) => [r.decision, r.n])) }
    })
    const problems = []
    if (assessed.on !== CARTS - on.failed) problems.push(`${assessed.on} of ${CARTS - on.failed} scored checkouts have an assessment`)
    if (assessed.off !== 0) problems.push(`${assessed.off} checkouts of the EMPORIUM_FRAUD=false server were scored`)

    const scoring = await runScoringBench(ctx)
    const round_ = Math.floor(ctx.seed / 10)
    if (round_ >= ctx.options.rounds) await noFraud.stop()

    const failed = on.failed + off.failed + problems.length
    return {
      metrics: metrics({ on: on.times, off: off.times, cpuMsPerOrder: onCpuMs / CARTS, offCpuMsPerOrder: offCpuMs / CARTS, scoring }),
      errors: {
        count: failed,
        total: 2 * CARTS,
        non2xx: on.failed + off.failed,
        statuses: on.statuses,
        samples: [...on.samples, ...off.samples.map((s) => ({ ...s, body: `EMPORIUM_FRAUD=false: ${s.body}` })), ...problems.map((body) => ({ status: "check", body }))],
      },
      raw: {
        carts: CARTS,
        prepareSeconds: round(ctx.state.prepareSeconds, 1),
        assessed,
        times: on.times.map((t) => round(t, 1)),
        noFraudTimes: off.times.map((t) => round(t, 1)),
        noFraudStatuses: off.statuses,
        scoring,
      },
    }
  },
}

/** The same rows for both servers (vanilla's fraud-only cells stay empty), so the table shows them all. */
function metrics({ on, off = null, cpuMsPerOrder, offCpuMsPerOrder = null, scoring = null }) {
  const offP50 = off ? p(off, 50) : null
  const onP50 = p(on, 50)
  return [
    { key: "complete_p50", label: "completion p50 (ms)", value: onP50, better: "lower" },
    { key: "complete_p95", label: "completion p95 (ms)", value: p(on, 95), better: "lower" },
    { key: "no_fraud_p50", label: "completion p50, EMPORIUM_FRAUD=false (ms)", value: offP50, better: "lower" },
    { key: "no_fraud_p95", label: "completion p95, EMPORIUM_FRAUD=false (ms)", value: off ? p(off, 95) : null, better: "lower" },
    { key: "fraud_p50_delta", label: "scoring's share of p50: on − off (ms)", value: off ? round(onP50 - offP50, 1) : null, better: "lower" },
    { key: "assess_p50", label: "assessCheckout in-process p50 (ms)", value: scoring?.assess_ms.p50 ?? null, better: "lower" },
    { key: "assess_p95", label: "assessCheckout in-process p95 (ms)", value: scoring?.assess_ms.p95 ?? null, better: "lower" },
    { key: "score_pure_us", label: "scoreCheckout alone (µs a call)", value: scoring?.score_pure_us ?? null, better: "lower" },
    { key: "cpu_ms_per_order", label: "server CPU per order (ms)", value: round(cpuMsPerOrder, 1), better: "lower" },
    { key: "no_fraud_cpu_ms_per_order", label: "server CPU per order, EMPORIUM_FRAUD=false (ms)", value: offCpuMsPerOrder === null ? null : round(offCpuMsPerOrder, 1), better: "lower" },
  ]
}
