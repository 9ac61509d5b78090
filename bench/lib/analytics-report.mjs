// The "Analytics" section of BENCHMARKS.md: written by bench/run.mjs after a run that included
// analytics scenarios, kept by every other run (like the flash-sale section). One part per
// scenario, each with the run it comes from, so a run of one scenario leaves the others' parts.
import fs from "node:fs"

export const ANALYTICS_START = "<!-- analytics:start (bench/run.mjs rewrites this section after a run with analytics scenarios) -->"
export const ANALYTICS_END = "<!-- analytics:end -->"
const NOTES_START = "<!-- analytics:notes (kept as written when the section is rewritten) -->"
const NOTES_END = "<!-- analytics:notes-end -->"
const PART_END = "<!-- analytics:part-end -->"
const partStart = (name) => `<!-- analytics:part ${name} -->`
const RUNS_MARKER = "<!-- bench:runs"

const PARTS = ["analytics-ingest", "analytics-reports", "analytics-checkout"]

const median = (values) => {
  const v = values.filter((x) => typeof x === "number" && Number.isFinite(x)).sort((a, b) => a - b)
  if (!v.length) return null
  const mid = Math.floor(v.length / 2)
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2
}
const fmt = (n, digits) => {
  if (n === null || n === undefined || !Number.isFinite(n)) return "—"
  if (digits !== undefined) return n.toFixed(digits)
  if (Math.abs(n) >= 100) return Math.round(n).toLocaleString("en-US")
  if (Math.abs(n) >= 10) return n.toFixed(1)
  return n.toFixed(2)
}
const int = (n) => (Number.isFinite(n) ? Math.round(n).toLocaleString("en-US") : "—")

/** Median over the rounds of one metric of a scenario's Emporium outcomes. */
const metric = (outcomes, key) => median(outcomes.map((o) => o.metrics?.find((m) => m.key === key)?.value))

function runLine(results, outcomes) {
  const m = results.machine
  const when = results.date.slice(0, 16).replace("T", " ")
  const foreign = median(outcomes.map((o) => o.raw?.cpuPercentOfOneCore?.foreign))
  return (
    `Run ${when} UTC, commit ${results.git.commit}${results.git.dirty ? " (with uncommitted changes)" : ""}; ` +
    `${m.cpus} × ${m.cpuModel}, ${m.ramGb} GB RAM, ${m.postgres}, Node ${m.node}, Medusa ${m.medusa}; ${results.infrastructure}; ` +
    `${outcomes.length} round${outcomes.length === 1 ? "" : "s"}${outcomes.length > 1 ? " (medians)" : ""}; ` +
    `other processes on the machine: ${fmt(foreign, 0)} % of a core while measuring; raw results: [\`${results.file}\`](${results.file}).`
  )
}

function failureLines(outcomes) {
  const lines = []
  for (const o of outcomes) {
    if (o.failure) lines.push(`- **Failed:** ${o.failure.split("\n")[0]}`)
    for (const s of o.errors?.samples?.slice(0, 3) ?? []) lines.push(`- **Error** ${s.status}: \`${String(s.body).replace(/`/g, "'").replace(/\s+/g, " ").slice(0, 240)}\``)
  }
  return lines
}

function datasetLine(dataset) {
  if (!dataset?.counts) return ""
  const c = dataset.counts
  return (
    `Dataset: ${int(c.all_events)} events in \`analytics_event\` (${int(c.events)} generated), ${int(c.all_orders)} orders ` +
    `(${int(c.orders)} generated, ${int(c.lines)} lines), ${int(c.sessions)} sessions, ${int(c.refunds)} refunds, ` +
    `${int(c.registrations)} registrations, ${int(c.carts)} carts over the last 365 days` +
    (dataset.loaded ? `; loaded by this scenario in ${dataset.seconds} s.` : "; already in the database (loaded by an earlier scenario or run).")
  )
}

function ingestPart(results, outcomes) {
  const ok = outcomes.filter((o) => !o.failure)
  const lines = [`### Ingestion (\`analytics-ingest\`)`, "", runLine(results, outcomes), ""]
  if (ok.length) {
    const raw = ok[0].raw
    lines.push(
      `${raw.connections} connections × ${raw.duration} s of \`POST /store/analytics/events\`, each a batch of 50 events ` +
        `(≈ 42 % page_view, 35 % product_viewed, 16 % product_added_to_cart, 7 % checkout_started, real product and variant ids), ` +
        `closed loop, \`EMPORIUM_ANALYTICS_RATE_LIMIT=0\`.`,
      "",
      datasetLine(raw.dataset),
      "",
      "| Metric | Value |",
      "|---|---:|",
      `| events/s stored (events of 202 batches ÷ duration) | **${int(metric(ok, "events_per_s"))}** |`,
      `| batches/s (mean; median of 1 s samples) | ${fmt(metric(ok, "rps_mean"))} (${fmt(metric(ok, "rps_median"))}) |`,
      `| batch latency p50 / p95 / p99 (ms) | ${fmt(metric(ok, "latency_p50"))} / ${fmt(metric(ok, "latency_p95"))} / ${fmt(metric(ok, "latency_p99"))} |`,
      `| server CPU per batch (ms) | ${fmt(metric(ok, "cpu_ms_per_req"))} |`,
      `| events accepted (202 × 50) → stored (SQL count after the flush) | ${ok.map((o) => `${int(o.raw.stored.acceptedEvents)} → ${int(o.raw.stored.storedOfAccepted)}`).join("; ")} |`,
      `| non-202 answers / connection errors | ${ok.map((o) => `${o.errors.non2xx} / ${o.errors.connectionErrors + o.errors.timeouts}`).join("; ")} |`,
      ""
    )
    const cut = ok.reduce((a, o) => a + (o.raw.stored.storedUnanswered ?? 0), 0)
    if (cut) {
      lines.push(
        `(${int(cut)} more events were stored from batches whose answer the load generator did not wait for when the load ` +
          "stopped: they are not counted above.)",
        ""
      )
    }
    const allStored = ok.every((o) => o.raw.stored.ok)
    lines.push(
      allStored
        ? "✓ Every accepted batch was stored in full (checked batch by batch), no rejected batch left events."
        : "✗ **Not every accepted event was stored** (see the errors below): the events/s figure does not hold."
    )
  }
  lines.push(...failureLines(outcomes))
  return lines.join("\n")
}

function reportsPart(results, outcomes) {
  const ok = outcomes.filter((o) => !o.failure)
  const lines = [`### Reports (\`analytics-reports\`)`, "", runLine(results, outcomes), ""]
  if (ok.length) {
    const raw = ok[0].raw
    lines.push(
      `Each report with an admin bearer token, ${raw.connections} connections × ${raw.duration} s, closed loop: the last 30 days ` +
        "(`sales`/`customers` with `interval=day`) and the last 365 days (`interval=week`).",
      "",
      datasetLine(raw.dataset),
      "",
      "| Report | Range | p50 (ms) | p95 (ms) | p99 (ms) | req/s | first answer (ms, bytes) | failed / requests |",
      "|---|---|---:|---:|---:|---:|---:|---:|"
    )
    for (const t of raw.targets) {
      const key = `${t.route}_${t.range}`
      if (t.failed) {
        lines.push(`| ${t.route} | ${t.range} | — | — | — | — | ${t.first.status} | not measured: ${String(t.first.body ?? "").replace(/\|/g, "\\|").replace(/\s+/g, " ").slice(0, 80)} |`)
        continue
      }
      const errs = ok.map((o) => o.raw.targets.find((x) => x.route === t.route && x.range === t.range)?.errors).filter(Boolean)
      lines.push(
        `| ${t.route} | ${t.range} | ${fmt(metric(ok, `${key}_p50`))} | ${fmt(metric(ok, `${key}_p95`))} | ${fmt(metric(ok, `${key}_p99`))} | ` +
          `${fmt(metric(ok, `${key}_rps`))} | ${int(t.first.ms)} ms, ${int(t.first.bytes)} B | ${errs.map((e) => `${e.count} / ${e.total}`).join("; ")} |`
      )
    }
    lines.push("")
    const checks = raw.checks ?? []
    if (checks.length) {
      const bad = checks.filter((c) => !c.ok)
      lines.push(
        `Answers checked against SQL on the same tables (orders and revenue per currency, funnel steps 1–2, registrations, ` +
          `top EUR product/category): ${checks.length - bad.length} of ${checks.length} agree.` +
          (bad.length ? " Differences: " + bad.map((c) => `${c.route} ${c.range} ${c.name}: ${c.detail}`).join("; ") + "." : "")
      )
    }
  }
  lines.push(...failureLines(outcomes))
  return lines.join("\n")
}

function checkoutPart(results, outcomes) {
  const ok = outcomes.filter((o) => !o.failure)
  const lines = [`### Checkout with and without ingestion (\`analytics-checkout\`)`, "", runLine(results, outcomes), ""]
  if (ok.length) {
    const raw = ok[0].raw
    const rates = raw.rates ?? []
    const base = (k) => metric(ok, `without_${k}`)
    const at = (rate, k) => metric(ok, `with_${rate}_${k}`)
    const ratio = (a, b) => (a && b ? ` (${(b / a).toFixed(2)}×)` : "")
    const row = (label, k) => `| ${label} | ${fmt(base(k))} | ${rates.map((r) => `${fmt(at(r, k))}${ratio(base(k), at(r, k))}`).join(" | ")} |`
    const cpu = (list) => median(list)
    lines.push(
      `Ready carts completed one after another on Emporium (one client): ${raw.carts.without} without ingestion (half before, ` +
        `half after the others), ${raw.carts.with} during each ingestion rate, sent by autocannon over up to ${raw.ingestConnections} ` +
        `connections. In brackets: ÷ without.`,
      "",
      `| Metric | without ingestion | ${rates.map((r) => `with ${r} batches/s (${int(r * 50)} events/s)`).join(" | ")} |`,
      `|---|---:|${rates.map(() => "---:").join("|")}|`,
      row("completion p50 (ms)", "p50"),
      row("completion p95 (ms)", "p95"),
      row("completion max (ms)", "max"),
      row("orders/s", "orders_per_s"),
      `| server CPU (% of a core) | ${fmt(cpu(ok.flatMap((o) => o.raw.without.serverCpuPercent)))} | ${rates
        .map((r) => fmt(cpu(ok.map((o) => o.raw.with.find((w) => w.rate === r)?.serverCpuPercent))))
        .join(" | ")} |`,
      `| ingestion achieved: batches/s | — | ${rates.map((r) => fmt(metric(ok, `ingest_${r}_batches_per_s`))).join(" | ")} |`,
      `| ingestion: batch latency p99 (ms) | — | ${rates.map((r) => fmt(metric(ok, `ingest_${r}_p99`))).join(" | ")} |`,
      `| ingestion: events accepted → stored | — | ${rates
        .map((r) => ok.map((o) => o.raw.with.find((w) => w.rate === r)?.ingest.stored).filter(Boolean).map((st) => `${int(st.acceptedEvents)} → ${int(st.storedOfAccepted)}`).join("; "))
        .join(" | ")} |`
    )
    const reference = results.scenarios.find((s) => s.name === "cart-complete")?.results
    if (reference && (reference.vanilla || reference.emporium)) {
      const ref = (kind, key) => metric((reference[kind] ?? []).filter((o) => !o.failure && !o.errors?.count), key)
      lines.push(
        "",
        `Reference, \`cart-complete\` in the same run (${reference.vanilla?.[0]?.raw?.carts ?? reference.emporium?.[0]?.raw?.carts ?? "?"} carts, no ingestion): ` +
          `vanilla Medusa p50 ${fmt(ref("vanilla", "complete_p50"))} ms / p95 ${fmt(ref("vanilla", "complete_p95"))} ms, ` +
          `Emporium p50 ${fmt(ref("emporium", "complete_p50"))} ms / p95 ${fmt(ref("emporium", "complete_p95"))} ms.`
      )
    }
  }
  lines.push(...failureLines(outcomes))
  return lines.join("\n")
}

const RENDER = { "analytics-ingest": ingestPart, "analytics-reports": reportsPart, "analytics-checkout": checkoutPart }

function intro() {
  return [
    "## Analytics: ingestion and reports",
    "",
    "Emporium only (vanilla Medusa has no analytics). Reproduce with",
    "`npm run bench -- --scenarios analytics-reports,analytics-ingest,analytics-checkout,cart-complete --rounds 1`",
    "(`cart-complete` adds vanilla's and Emporium's checkout without ingestion as a reference). `analytics-reports` and",
    "`analytics-ingest` first load, once per bench database and only when absent, 1,000,000 storefront events and 50,000",
    "orders (2.5 lines each on average, EUR/USD/GBP, ~4 % canceled, ~3 % refunded, registrations, carts, and the session",
    "and daily rollups aggregated from the events) over the last 365 days straight into the analytics tables",
    "(`ensureDataset` in `bench/lib/analytics.mjs`, set-based SQL with `generate_series`, then `VACUUM ANALYZE`);",
    "`BENCH_ANALYTICS_EVENTS` / `BENCH_ANALYTICS_ORDERS` change the size. The bench servers run with",
    "`EMPORIUM_ANALYTICS_RATE_LIMIT=0`. Knobs: `BENCH_REPORT_CONNECTIONS` (4), `BENCH_REPORT_DURATION` (≤ 10 s),",
    "`BENCH_INGEST_RATES` (10,50,100 batches/s during checkout), `BENCH_INGEST_CONNECTIONS` (10), `BENCH_CHECKOUT_CARTS` (20).",
  ].join("\n")
}

function between(text, start, end) {
  const a = text.indexOf(start)
  const b = a >= 0 ? text.indexOf(end, a + start.length) : -1
  return a >= 0 && b > a ? text.slice(a, b + end.length) : ""
}

/** The current analytics block of a BENCHMARKS.md text, markers included, or "". */
export function existingAnalyticsBlock(text) {
  return between(text, ANALYTICS_START, ANALYTICS_END)
}

/**
 * Rewrites the parts of the scenarios this run measured (keeps the others and the notes) and
 * puts the block right above the dated runs. Returns false when the run had no analytics scenario.
 */
export function updateAnalyticsSection(file, results) {
  const ran = PARTS.filter((name) => Object.keys(results.scenarios.find((s) => s.name === name)?.results ?? {}).length)
  if (!ran.length) return false
  const text = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : ""
  const old = existingAnalyticsBlock(text)
  const parts = PARTS.map((name) => {
    if (ran.includes(name)) {
      const outcomes = results.scenarios.find((s) => s.name === name).results.emporium ?? []
      return `${partStart(name)}\n\n${RENDER[name](results, outcomes)}\n\n${PART_END}`
    }
    return between(old, partStart(name), PART_END)
  }).filter(Boolean)
  const notes = between(old, NOTES_START, NOTES_END) || `${NOTES_START}\n${NOTES_END}`
  const block = [ANALYTICS_START, "", intro(), "", ...parts.flatMap((p) => [p, ""]), notes, "", ANALYTICS_END].join("\n")
  let out
  if (old) out = text.replace(old, () => block)
  else {
    const at = text.indexOf(RUNS_MARKER)
    out = at >= 0 ? `${text.slice(0, at)}${block}\n\n${text.slice(at)}` : `${text}\n${block}\n`
  }
  fs.writeFileSync(file, out)
  return true
}

// `node bench/lib/analytics-report.mjs bench/results/<date>.json` rewrites the section from a run's raw results.
if (process.argv[1] && import.meta.url === new URL(`file://${fs.realpathSync(process.argv[1])}`).href) {
  const root = new URL("../..", import.meta.url).pathname
  const results = JSON.parse(fs.readFileSync(process.argv[2], "utf8"))
  const done = updateAnalyticsSection(`${root}BENCHMARKS.md`, results)
  console.log(done ? "updated the Analytics section of BENCHMARKS.md" : "that run has no analytics scenario")
}
