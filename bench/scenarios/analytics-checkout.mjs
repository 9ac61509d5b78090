import { acceptanceTracker, EVENTS_PER_BATCH, eventBatches, runTag, verifyStored } from "../lib/analytics.mjs"
import { load, percentile, round } from "../lib/load.mjs"
import { completeSequentially, mapLimit, prepareCheckout } from "../lib/store.mjs"

const CARTS = Number(process.env.BENCH_CHECKOUT_CARTS || 20)
const RATES = String(process.env.BENCH_INGEST_RATES || "10,50,100")
  .split(",")
  .map((r) => Number(r.trim()))
  .filter((r) => Number.isInteger(r) && r > 0)
const INGEST_CONNECTIONS = Number(process.env.BENCH_INGEST_CONNECTIONS || 10)
const sleep = (ms) => new Promise((r) => setTimeout(r, ms))

/**
 * Does ingestion slow checkout? Ready carts (as in cart-complete) are completed one after
 * another on Emporium in phases of the same run: CARTS/2 without ingestion, then CARTS for each
 * ingestion rate in BENCH_INGEST_RATES (batches of 50 events per second, default 10, 50 and
 * 100, i.e. 500 to 5,000 events/s, sent by autocannon over BENCH_INGEST_CONNECTIONS
 * connections to POST /store/analytics/events), then CARTS/2 without again (so drift of the
 * machine or database hits both sides alike). Each ingestion starts 3 s before its first timed
 * completion and stops after its last; its events are then counted with SQL like
 * analytics-ingest's. Vanilla has no analytics: its reference is cart-complete in the same run.
 */
export default {
  name: "analytics-checkout",
  optIn: true,
  emporiumOnly: true,
  description: `POST /store/carts/:id/complete, ${CARTS} carts without and ${CARTS} with each of ${RATES.join(", ")} batches/s of ${EVENTS_PER_BATCH} analytics events arriving`,
  async setup(ctx) {
    const started = Date.now()
    ctx.state.cartIds = await mapLimit(
      Array.from({ length: CARTS * (RATES.length + 1) }, (_, i) => i),
      2,
      (i) => prepareCheckout(ctx.store, ctx.catalog, ctx.seed * 1000 + 300 + i)
    )
    ctx.state.prepareSeconds = (Date.now() - started) / 1000
  },
  async run(ctx) {
    const ids = [...ctx.state.cartIds]
    const half = Math.floor(CARTS / 2)
    const phase = async (cartIds) => {
      const before = ctx.server.sample()
      const out = await completeSequentially(ctx.server.url, ctx.store, cartIds)
      const after = ctx.server.sample()
      return { ...out, serverCpuPercent: round(((after.cpuMs - before.cpuMs) / (after.at - before.at)) * 100, 0) }
    }
    const p = (list, q) => round(percentile(list, q), 1)

    const first = await phase(ids.splice(0, half))
    await sleep(2000)
    const withPhases = []
    for (const [i, rate] of RATES.entries()) {
      const tag = runTag("chk")
      const tracker = acceptanceTracker()
      let instance
      const ingesting = load(ctx, eventBatches(ctx.catalog, tag, ctx.seed + 5 + i), {
        connections: Math.min(INGEST_CONNECTIONS, rate),
        overallRate: rate,
        duration: 3600,
        p95: true,
        onStart: (x) => (instance = x),
        onResponse: tracker.onResponse,
      })
      await sleep(3000)
      const during = await phase(ids.splice(0, CARTS))
      instance.stop()
      const ingest = await ingesting
      const stored = await verifyStored(ctx.dbUrl, tag, tracker)
      withPhases.push({ rate, during, ingest, stored, tag, accepted: tracker.accepted.size })
      ctx.log(
        `  ${rate} batches/s: completion p50 ${p(during.times, 50)} ms, p95 ${p(during.times, 95)} ms; ingestion ` +
          `${ingest.metrics.find((m) => m.key === "rps_mean").value} batches/s, ${stored.storedOfAccepted} of ${stored.acceptedEvents} accepted events stored`
      )
      await sleep(1000)
    }
    const last = await phase(ids.splice(0, CARTS - half))

    const without = [...first.times, ...last.times]
    const metrics = [
      { key: "without_p50", label: "completion p50 without ingestion (ms)", value: p(without, 50), better: "lower" },
      { key: "without_p95", label: "completion p95 without ingestion (ms)", value: p(without, 95), better: "lower" },
      { key: "without_max", label: "completion max without ingestion (ms)", value: round(Math.max(...without), 1), better: "lower" },
      { key: "without_orders_per_s", label: "orders/s, one client, without ingestion", value: round(without.length / (first.seconds + last.seconds), 2), better: "higher" },
    ]
    for (const w of withPhases) {
      const t = w.during.times
      const im = Object.fromEntries(w.ingest.metrics.map((m) => [m.key, m.value]))
      const at = `with ${w.rate} batches/s`
      metrics.push(
        { key: `with_${w.rate}_p50`, label: `completion p50 ${at} (ms)`, value: p(t, 50), better: "lower" },
        { key: `with_${w.rate}_p95`, label: `completion p95 ${at} (ms)`, value: p(t, 95), better: "lower" },
        { key: `with_${w.rate}_max`, label: `completion max ${at} (ms)`, value: round(Math.max(...t), 1), better: "lower" },
        { key: `with_${w.rate}_orders_per_s`, label: `orders/s, one client, ${at}`, value: round(t.length / w.during.seconds, 2), better: "higher" },
        { key: `with_${w.rate}_p50_ratio`, label: `completion p50 ${at} ÷ without`, value: round(percentile(t, 50) / percentile(without, 50), 2), better: "lower" },
        { key: `ingest_${w.rate}_batches_per_s`, label: `ingestion ${at} asked: batches/s achieved`, value: im.rps_mean, better: "higher" },
        { key: `ingest_${w.rate}_p99`, label: `ingestion ${at} asked: batch latency p99 (ms)`, value: im.latency_p99, better: "lower" },
        { key: `ingest_${w.rate}_accepted`, label: `ingestion ${at} asked: events accepted (202 × 50)`, value: w.stored.acceptedEvents, better: "higher" },
        { key: `ingest_${w.rate}_stored`, label: `ingestion ${at} asked: of them stored (SQL)`, value: w.stored.storedOfAccepted, better: "higher" }
      )
    }

    // Failed completions, failed ingestion requests and unstored events all count
    // (statuses are the completions'; the ingestion's are in raw.ingest).
    const phases = [first, ...withPhases.map((w) => w.during), last]
    const statuses = {}
    for (const o of phases) for (const [k, v] of Object.entries(o.statuses)) statuses[k] = (statuses[k] ?? 0) + v
    const samples = phases.flatMap((o) => o.samples)
    for (const w of withPhases) {
      if (!w.stored.ok) {
        samples.unshift({
          status: "stored ≠ accepted",
          body: `ingestion at ${w.rate} batches/s: ${w.accepted} batches answered 202 (${w.stored.acceptedEvents} events), ${w.stored.storedOfAccepted} stored after ${w.stored.waitedMs} ms, ${w.stored.storedOfRejected} of rejected batches`,
        })
      }
      samples.push(...w.ingest.errors.samples.map((s) => ({ ...s, status: `ingestion ${s.status}` })))
    }
    const sum = (f) => withPhases.reduce((a, w) => a + f(w), 0)
    return {
      metrics,
      errors: {
        count: phases.reduce((a, o) => a + o.failed, 0) + sum((w) => w.ingest.errors.count + (w.stored.ok ? 0 : 1)),
        total: ctx.state.cartIds.length + sum((w) => w.ingest.errors.total),
        non2xx: phases.reduce((a, o) => a + o.failed, 0) + sum((w) => w.ingest.errors.non2xx),
        connectionErrors: sum((w) => w.ingest.errors.connectionErrors),
        timeouts: sum((w) => w.ingest.errors.timeouts),
        statuses,
        samples,
      },
      raw: {
        carts: { without: without.length, with: CARTS },
        rates: RATES,
        ingestConnections: INGEST_CONNECTIONS,
        prepareSeconds: round(ctx.state.prepareSeconds, 1),
        without: { times: without.map((t) => round(t, 1)), serverCpuPercent: [first.serverCpuPercent, last.serverCpuPercent] },
        with: withPhases.map((w) => ({
          rate: w.rate,
          times: w.during.times.map((t) => round(t, 1)),
          serverCpuPercent: w.during.serverCpuPercent,
          ingest: { ...w.ingest.raw, metrics: w.ingest.metrics, statuses: w.ingest.errors.statuses, accepted: w.accepted, stored: w.stored, tag: w.tag },
        })),
      },
    }
  },
}
