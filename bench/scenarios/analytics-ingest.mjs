import { acceptanceTracker, ensureDataset, EVENTS_PER_BATCH, eventBatches, runTag, verifyStored } from "../lib/analytics.mjs"
import { load, round } from "../lib/load.mjs"

/**
 * Storefront analytics ingestion: POST /store/analytics/events with batches of 50 events
 * (page views, product views, add to cart, checkout started on real products; see
 * eventBatches in bench/lib/analytics.mjs), closed loop (autocannon), on top of the reports'
 * dataset (≥ 1M events, loaded first when absent). A batch counts only if it was stored: after
 * the load the runner waits for the service's 1 s buffer flush and counts this run's events in
 * analytics_event with SQL, batch by batch; an accepted (202) batch without all its 50 events
 * stored, or a rejected one with any, is an error. "events/s" counts only the events of
 * accepted batches. The bench servers run with EMPORIUM_ANALYTICS_RATE_LIMIT=0 (the route's
 * per-IP limit would otherwise cap the one load generator at 120 batches a minute).
 */
export default {
  name: "analytics-ingest",
  optIn: true,
  emporiumOnly: true,
  description: `POST /store/analytics/events, batches of ${EVENTS_PER_BATCH} events, closed loop (autocannon); stored events counted with SQL afterwards`,
  async setup(ctx) {
    ctx.state.dataset = await ensureDataset(ctx.dbUrl, ctx.log)
    ctx.state.tag = runTag("ing")
    ctx.state.next = eventBatches(ctx.catalog, ctx.state.tag, ctx.seed)
    // Warm the route up (validators, connections); not counted.
    const warm = eventBatches(ctx.catalog, runTag("warm"), ctx.seed + 1)
    for (let i = 0; i < 5; i++) {
      const r = warm()
      const res = await fetch(ctx.server.url + r.path, { method: "POST", headers: ctx.store.headers, body: JSON.stringify(r.body) })
      if (res.status !== 202) throw new Error(`POST ${r.path} answered ${res.status}: ${(await res.text()).slice(0, 300)}`)
    }
  },
  async run(ctx) {
    const tracker = acceptanceTracker()
    const out = await load(ctx, ctx.state.next, { p95: true, onResponse: tracker.onResponse })
    const stored = await verifyStored(ctx.dbUrl, ctx.state.tag, tracker)
    const other2xx = Object.entries(out.errors.statuses)
      .filter(([k]) => k !== "202" && Number(k) >= 200 && Number(k) < 300)
      .reduce((a, [, n]) => a + n, 0)
    if (!stored.ok || other2xx) {
      out.errors.count += (stored.ok ? 0 : 1) + other2xx
      out.errors.samples.unshift({
        status: "stored ≠ accepted",
        body:
          `${tracker.accepted.size} batches answered 202 (${stored.acceptedEvents} events): ${stored.storedOfAccepted} stored after ${stored.waitedMs} ms, ` +
          `${stored.incompleteBatches} batches incomplete; ${stored.storedOfRejected} events stored of rejected batches`,
      })
    }
    const m = Object.fromEntries(out.metrics.map((x) => [x.key, x]))
    out.metrics = [
      { key: "events_per_s", label: "events/s (stored events of 202 batches ÷ duration)", value: round(stored.storedOfAccepted / out.raw.duration, 0), better: "higher" },
      { ...m.rps_median, label: "batches/s (median of 1 s samples)" },
      { ...m.rps_mean, label: "batches/s (mean: requests ÷ duration)" },
      m.latency_p50,
      m.latency_p95,
      m.latency_p99,
      { ...m.cpu_ms_per_req, label: "server CPU per batch (ms)" },
      { key: "accepted_events", label: "events accepted (202 answers × 50)", value: stored.acceptedEvents, better: "higher" },
      { key: "stored_events", label: "of them stored (SQL count after the flush)", value: stored.storedOfAccepted, better: "higher" },
    ]
    out.raw = { ...out.raw, tag: ctx.state.tag, accepted: tracker.accepted.size, rejected: tracker.rejected.size, stored, dataset: ctx.state.dataset }
    return out
  },
}
