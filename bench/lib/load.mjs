// Closed-loop HTTP load with autocannon, summarised into the bench's metric format.
import autocannon from "autocannon"

const round = (n, digits = 1) => (Number.isFinite(n) ? Number(n.toFixed(digits)) : n)

/**
 * Runs autocannon against ctx.server for ctx.options.duration seconds with
 * ctx.options.connections connections. `next()` returns the next request as
 * { method, path, body? }; every request carries the publishable key (or `headers`).
 * Returns { metrics, errors, raw } (see bench/run.mjs for the format).
 *
 * Options beyond connections/duration/amount: `headers` replaces the store's headers
 * (e.g. an admin bearer token); `overallRate` caps the requests per second (open loop
 * as long as the server keeps up); `onStart(instance)` gets the running autocannon
 * instance (`instance.stop()` ends the load early); `p95: true` also records every
 * response time, to report a true p95 (autocannon's histogram gives p97.5, not p95).
 * `next(context)` and `onResponse(status, body, context)` share autocannon's per-request
 * context (one request in flight per connection), so an answer can be matched to its request.
 */
export async function load(
  ctx,
  next,
  { connections = ctx.options.connections, duration = ctx.options.duration, amount, headers, overallRate, onStart, onResponse, p95 = false } = {}
) {
  const samples = []
  const statuses = {}
  const times = []
  const before = ctx.server.sample()
  const instance = autocannon({
    url: ctx.server.url,
    connections,
    duration,
    amount,
    overallRate,
    timeout: 30,
    headers: { ...(headers ?? ctx.store.headers) },
    requests: [
      {
        setupRequest(req, context) {
          const r = next(context)
          return {
            ...req,
            method: r.method ?? "GET",
            path: r.path,
            body: r.body === undefined ? undefined : JSON.stringify(r.body),
          }
        },
        onResponse(status, body, context) {
          statuses[status] = (statuses[status] ?? 0) + 1
          onResponse?.(status, body, context)
          if ((status < 200 || status >= 300) && samples.length < 5) {
            samples.push({ status, body: String(body ?? "").slice(0, 300) })
          }
        },
      },
    ],
  })
  if (p95) instance.on("response", (_client, _status, _bytes, responseTime) => times.push(responseTime))
  onStart?.(instance)
  const result = await instance
  const after = ctx.server.sample()
  const total = result.requests.total
  const failed = result.non2xx + result.errors + result.timeouts
  return {
    metrics: [
      { key: "rps_median", label: "req/s (median of 1 s samples)", value: round(result.requests.p50, 1), better: "higher" },
      { key: "rps_mean", label: "req/s (mean: requests ÷ duration)", value: round(total / result.duration, 1), better: "higher" },
      { key: "latency_p50", label: "latency p50 (ms)", value: round(result.latency.p50, 1), better: "lower" },
      ...(p95 ? [{ key: "latency_p95", label: "latency p95 (ms)", value: round(percentile(times, 95), 1), better: "lower" }] : []),
      { key: "latency_p97_5", label: "latency p97.5 (ms)", value: round(result.latency.p97_5, 1), better: "lower" },
      { key: "latency_p99", label: "latency p99 (ms)", value: round(result.latency.p99, 1), better: "lower" },
      {
        key: "cpu_ms_per_req",
        label: "server CPU per request (ms)",
        value: total ? round((after.cpuMs - before.cpuMs) / total, 2) : null,
        better: "lower",
      },
    ],
    errors: {
      count: failed,
      total,
      non2xx: result.non2xx,
      connectionErrors: result.errors,
      timeouts: result.timeouts,
      statuses,
      samples,
    },
    raw: {
      connections,
      duration: result.duration,
      requests: total,
      rpsMean: round(result.requests.average, 1),
      latencyMean: round(result.latency.average, 1),
      latencyMax: result.latency.max,
      ...(p95 ? { latencyExact: { p50: round(percentile(times, 50), 1), p95: round(percentile(times, 95), 1), p99: round(percentile(times, 99), 1) } } : {}),
    },
  }
}

/** An empty error tally, for a scenario that runs several loads and reports them as one. */
export function noErrors() {
  return { count: 0, total: 0, non2xx: 0, connectionErrors: 0, timeouts: 0, statuses: {}, samples: [] }
}

/** Adds one load's errors to a tally; `label` prefixes the kept samples' bodies (e.g. the path). */
export function addErrors(into, errors, label) {
  for (const key of ["count", "total", "non2xx", "connectionErrors", "timeouts"]) into[key] += errors[key]
  for (const [status, n] of Object.entries(errors.statuses)) into.statuses[status] = (into.statuses[status] ?? 0) + n
  into.samples.push(...errors.samples.slice(0, 2).map((s) => (label ? { ...s, body: `${label}: ${s.body}` } : s)))
}

/** Percentile (nearest rank) of a list of numbers. */
export function percentile(values, p) {
  if (!values.length) return null
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]
}

export { round }
