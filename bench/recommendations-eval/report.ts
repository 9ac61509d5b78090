/** The "Recommendations: offline evaluation" section of BENCHMARKS.md, between its markers. */
import fs from "node:fs"
import type { EngineSettings } from "../../src/modules/recommendation/engine"
import type { GeneratedData } from "./generate"

export const START = "<!-- recommendations-eval:start -->"
export const END = "<!-- recommendations-eval:end -->"

type Latency = { p50: number; p95: number; max: number; samples: number; total_s: number } | null
type AlgorithmResult = {
  customers: number
  hits: number
  hit_rate_at_10: number
  hit_rate_ci95: [number, number]
  ndcg_at_10: number
  full_lists: number
  empty_lists: number
  latency_ms: Latency
  times_baseline: number
  times_baseline_ci95: [number, number] | null
  ndcg_times_baseline: number
  target_met: boolean | null
  hit_rate_by_target_origin: Record<string, { customers: number; hit_rate_at_10: number }>
}

export type EvalResults = {
  date: string
  wall_seconds: number
  git: { commit: string; dirty: boolean }
  engine_sources_sha1: string
  engine_sources_changed_during_run: boolean
  cpu_percent_of_a_core: Record<string, { wall_s: number; this_process: number | null; postgres_backend: number | null; other: number | null }>
  machine: { cpus: number; cpu_model: string; ram_gb: number; os: string; node: string; postgres: string; postgres_settings: Record<string, string> }
  command: string
  database: string
  settings: EngineSettings
  settings_are_defaults: boolean
  dataset: {
    seed: number
    products: number
    segments: number
    customers: number
    anonymous_sessions: number
    days: number
    counts: GeneratedData["counts"]
    held_out_target_origins: Record<string, number>
    eligible_customers: number
    sample: number
    sample_target_origins: Record<string, number>
    owned_per_sampled_customer_p50: number
  }
  load: {
    generate_seconds: number
    products_seconds: number
    product_batch: number
    product_batch_ms: number[]
    signals: number
    signal_batch: number
    signals_seconds: number
    signals_per_second: number
    batch_ms: { p50: number; p95: number; max: number }
    chunks: { signals: number; seconds: number; per_s: number }[]
    analyze_every: number
    analyze_seconds: number
    incremental_counts: Record<string, number>
  }
  rebuild_seconds: Record<string, number>
  counts: Record<string, number>
  consistency: {
    stat: Record<string, number>
    pairs: Record<string, { rebuilt_pairs: number; missing_from_incremental: number; support_differs: number; support_abs_diff: number; incremental_pairs: number }>
  }
  evaluation: { k: number; seconds: number; warmup_customers: number; algorithms: Record<string, AlgorithmResult> }
}

const int = (n: number) => Math.round(n).toLocaleString("en-US")
const pct = (x: number, digits = 2) => `${(x * 100).toFixed(digits)} %`
const ms = (x: number) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2))

const ANCHORS: Record<string, string> = {
  popularity: "computed by the evaluation from the training purchases (not the engine): most purchased products",
  trending: "`engine.trending(run, undefined, limit)`: time-decayed weighted popularity of all signals",
  personalized: "`engine.personalized(run, customer_id, null, limit)`: item-based CF over the customer's history, trending fills",
  bought_together: "`engine.neighbours(run, \"bought_together\", anchor, limit)`, anchor = the customer's most recent training purchase",
  also_viewed: "`engine.neighbours(run, \"also_viewed\", anchor, limit)`, anchor = the customer's most recently viewed product",
  similar: "`engine.similar(run, anchor, limit)`, anchor = the customer's most recent training purchase",
}

export function sectionMarkdown(r: EvalResults, jsonPath: string): string {
  const d = r.dataset
  const c = d.counts
  const algorithms = Object.entries(r.evaluation.algorithms)
  const baseline = r.evaluation.algorithms.popularity
  const met = algorithms.filter(([name, a]) => name !== "popularity" && a.target_met).map(([n]) => `\`${n}\``)
  const notMet = algorithms.filter(([name, a]) => name !== "popularity" && a.target_met === false).map(([n]) => `\`${n}\``)
  const origins = ["follow_up", "bundle", "taste", "popular", "noise"]
  const settingsNote = r.settings_are_defaults
    ? "`DEFAULT_SETTINGS` of `src/modules/recommendation/engine.ts` (the module's defaults)"
    : `**not the defaults**: \`${JSON.stringify(r.settings)}\``
  const lines: string[] = [
    START,
    "",
    "## Recommendations: offline evaluation",
    "",
    "How good are the recommendation module's lists? `npm run bench:recommendations-eval` (`bench/recommendations-eval/`) " +
      "generates a store whose structure is known, loads it through the module's own SQL (`RecommendationEngine` of " +
      "`src/modules/recommendation/engine.ts` on a plain `pg` connection, no Medusa), holds out each customer's last order and " +
      "asks every list for a top 10. The target (issue): each algorithm at least **2× the hit-rate@10 of a popularity baseline**.",
    "",
    `Run ${r.date.slice(0, 16).replace("T", " ")} UTC, commit ${r.git.commit}${r.git.dirty ? " (with uncommitted changes)" : ""}, ` +
      `engine sources \`${r.engine_sources_sha1}\` (SHA-1 of the module's engine and SQL files as run` +
      `${r.engine_sources_changed_during_run ? "; **they changed on disk during the run**, the numbers are the version loaded at its start" : ""}); ` +
      `${r.machine.cpus} × ${r.machine.cpu_model}, ${r.machine.ram_gb} GB RAM, ${r.machine.postgres} (same machine, ` +
      `shared_buffers ${r.machine.postgres_settings.shared_buffers ?? "?"}, work_mem ${r.machine.postgres_settings.work_mem ?? "?"}, ` +
      `autovacuum ${r.machine.postgres_settings.autovacuum ?? "?"}), Node ${r.machine.node}; ` +
      `wall time ${Math.floor(r.wall_seconds / 60)} min ${Math.round(r.wall_seconds % 60)} s; engine settings: ${settingsNote}; ` +
      `raw results: [\`${jsonPath}\`](${jsonPath}).`,
    "",
    "### Data set",
    "",
    `Generated from seed ${d.seed} (\`generate.ts\`; the same seed gives the same data, only the absolute times follow the clock), ` +
      `${d.days} days of traffic ending an hour before the run:`,
    "",
    `- **${int(d.products)} products in ${d.segments} segments** (departments). Each segment has its own vocabulary (12 made-up words ` +
      "used in titles, descriptions and tags), its own category id, 10 product types, 15 brands (from a pool shared across segments) and a " +
      "price band (8 bands over the 40 segments, 20 % of products one band lower); every product also carries catalogue-wide words " +
      `(\"premium\", \"classic\", …). ${int(c.newArrivals)} products are new arrivals: invisible before a launch day, boosted ×5 fading over a week after.`,
    "- **Popularity skew:** Zipf within each segment (weight 1/rank), segments Zipf too (1/rank^0.7), so a popularity baseline is not trivial.",
    `- **Customers:** ${int(d.customers)}, each in one segment (70 %) or two, with a taste (2 preferred product types per segment); ` +
      `${int(c.customerSessions)} visits: browsing visits and 1–6 orders each (${int(c.orders)} orders). Plus ${int(d.anonymous_sessions)} ` +
      "anonymous browsing sessions (no customer id).",
    `- **Planted co-purchases:** ${int(c.bundles)} bundles (60 per segment): an anchor product with 2 complements drawn by popularity ` +
      "from its segment. An order led by an anchor adds each complement with probability 0.5; an order led by a complement adds one of its " +
      "anchors with probability 0.25; 45 % of later orders come back for a product related (complement/anchor) to an earlier purchase " +
      "(70 % of the time to the previous order's). Other order leads follow the customer's taste or popularity; 20 % of orders add a popular " +
      "item of the segment, 4 % a random product.",
    "- **Sessions:** views wander: 30 % to a related product, 30 % to a substitute (same segment and type), the rest to the customer's taste, " +
      "a popular product of the segment, or (8 %) anything. An order visit views the products it buys, adds them to the cart (plus 20 % an " +
      "abandoned cart) and buys them; 30 % of browsing visits before an order view that order's first product (consideration).",
    "- **What each model can learn from it:** co-purchases and follow-ups (`bought_together`, `personalized`), co-views of related " +
      "products and substitutes (`also_viewed`, `personalized`), segment and type words shared by substitutes and the customers' type " +
      "taste (`similar`); popularity and new arrivals (`trending`). Nothing makes a customer buy a substitute of what they just bought " +
      "other than their taste.",
    `- **Size:** ${int(c.generated.total)} interactions generated (${int(c.generated.view)} views, ${int(c.generated.cart)} cart adds, ` +
      `${int(c.generated.purchase)} purchases); **${int(c.training.total)} loaded** (${int(c.training.view)} / ${int(c.training.cart)} / ` +
      `${int(c.training.purchase)}), ${int(c.heldOutSignals)} held out.`,
    "- **Held out:** each customer's last visit, the one that ends in their last order, entirely (its views, cart adds and every line of " +
      "the order: loading the rest of the visit would put views of the target product minutes before its purchase into the training data). " +
      "The target is one line of that order, drawn at random. Nothing of a customer happens after that visit; other customers' traffic " +
      "after it stays in (leave-last-out, not a time split). How the targets came into " +
      "their order (the models never see this): " +
      origins.map((o) => `${o.replace("_", "-")} ${pct(d.held_out_target_origins[o] ?? 0, 1)}`).join(", ") +
      ".",
    "",
    "### Results",
    "",
    `${int(d.sample)} customers drawn with a seed from the ${int(d.eligible_customers)} who have at least one training purchase and one training ` +
      `view (customers with a single order have no history to recommend from), after ${r.evaluation.warmup_customers} warm-up customers. ` +
      "Every list is asked for 10 + (products the customer bought) candidates; the evaluation then removes, **for every algorithm alike**, " +
      "the products the customer already bought (the baseline too) and keeps the first 10. Hit = the held-out product is among them; " +
      "NDCG@10 with one relevant item = 1 / log2(rank + 1). Query times are the engine's calls only (SQL on one connection, " +
      "parameters and row mapping; no HTTP, no Medusa, no merchant rules or catalogue filters), p50 / p95 over the sample.",
    "",
    "| algorithm | hit-rate@10 (95 % CI) | NDCG@10 | × baseline hit-rate (95 % CI) | ≥ 2× baseline | full top 10 (empty) | query p50 / p95 (ms, engine only) |",
    "|---|---:|---:|---:|:---|---:|---:|",
  ]
  for (const [name, a] of algorithms) {
    const ci = `${pct(a.hit_rate_ci95[0], 1)}–${pct(a.hit_rate_ci95[1], 1)}`
    const ratio = a.times_baseline_ci95
      ? `${a.times_baseline.toFixed(2)}× (${a.times_baseline_ci95[0].toFixed(2)}–${a.times_baseline_ci95[1].toFixed(2)})`
      : "1.00×"
    lines.push(
      `| ${name === "popularity" ? "popularity (baseline)" : `\`${name}\``} | ${pct(a.hit_rate_at_10)} (${ci}) | ${a.ndcg_at_10.toFixed(4)} | ` +
        `${ratio} | ${verdict(a)} | ${pct(a.full_lists, 0)} (${pct(a.empty_lists, 0)}) | ` +
        `${a.latency_ms ? `${ms(a.latency_ms.p50)} / ${ms(a.latency_ms.p95)}` : "— (in the eval)"} |`
    )
  }
  lines.push(
    "",
    `**Target (≥ 2× the baseline's hit-rate@10 of ${pct(baseline.hit_rate_at_10)}): ` +
      (met.length ? `met by ${met.join(", ")}` : "met by none") +
      (notMet.length ? `; not met by ${notMet.join(", ")}` : "") +
      ".** The verdict is on the point estimate; the ratio's interval is a paired bootstrap over the sampled customers " +
      "(2,000 resamples), and the verdict column says when it straddles 2×. \"Full top 10\": lists with 10 products after the " +
      "exclusions; \"empty\": lists with none (an anchor without neighbours).",
    "",
    "What each list is: " + algorithms.map(([name]) => `\`${name}\`: ${ANCHORS[name] ?? name}`).join("; ") + ".",
    "",
    "Hit-rate@10 by how the held-out product came into the order (sample: " +
      origins.map((o) => `${o.replace("_", "-")} ${int((d.sample_target_origins[o] ?? 0) * d.sample)}`).join(", ") +
      " customers):",
    "",
    `| algorithm | ${origins.map((o) => o.replace("_", "-")).join(" | ")} |`,
    `|---|${origins.map(() => "---:").join("|")}|`
  )
  for (const [name, a] of algorithms) {
    lines.push(
      `| ${name} | ${origins.map((o) => (a.hit_rate_by_target_origin[o] ? pct(a.hit_rate_by_target_origin[o].hit_rate_at_10, 1) : "—")).join(" | ")} |`
    )
  }
  const l = r.load
  const chunkRates = l.chunks.map((x) => int(x.per_s)).join(", ")
  lines.push(
    "",
    `Evaluation phase: ${r.evaluation.seconds.toFixed(0)} s for ${int(d.sample)} customers, of which time in engine calls: ` +
      algorithms
        .filter(([, a]) => a.latency_ms)
        .map(([name, a]) => `${name} ${a.latency_ms!.total_s.toFixed(0)} s`)
        .join(", ") +
      ".",
    "",
    "### Load and rebuild",
    "",
    "| step | time | what |",
    "|---|---:|---|",
    `| \`upsertProducts\` | ${l.products_seconds.toFixed(1)} s | ${int(d.products)} profiles, batches of ${l.product_batch}, one transaction each ` +
      `(first batch ${int(l.product_batch_ms[0] ?? 0)} ms, last ${int(l.product_batch_ms[l.product_batch_ms.length - 1] ?? 0)} ms) |`,
    `| \`writeSignals\` (incremental path) | ${l.signals_seconds.toFixed(1)} s | ${int(l.signals)} signals in time order, batches of ${int(l.signal_batch)} (the service's buffer writes 1,000): ` +
      `**${int(l.signals_per_second)} signals/s**; per batch p50 ${ms(l.batch_ms.p50)} ms, p95 ${ms(l.batch_ms.p95)} ms, max ${ms(l.batch_ms.max)} ms |`
  )
  for (const [step, seconds] of Object.entries(r.rebuild_seconds)) {
    lines.push(`| rebuild \`${step}\` | ${seconds.toFixed(2)} s | one transaction, tables locked as the service does |`)
  }
  const s = r.consistency.stat
  const pairNotes = Object.entries(r.consistency.pairs)
    .map(
      ([kind, p]) =>
        `${kind}: ${int(p.incremental_pairs)} pairs incrementally, ${int(p.rebuilt_pairs)} kept by the rebuild (top ${r.settings.top_k} per product), ` +
        `${p.missing_from_incremental} of them unknown to the incremental tables, ${p.support_differs} with a different support`
    )
    .join("; ")
  lines.push(
    "",
    `Signals/s by stretch of ${int(l.chunks[0]?.signals ?? 0)} signals, first to last: ${chunkRates}. ` +
      (l.analyze_every > 0
        ? `This PostgreSQL runs with autovacuum ${r.machine.postgres_settings.autovacuum ?? "?"}, so the evaluation runs \`ANALYZE\` on the module's tables after the products, ` +
          `every ${int(l.analyze_every)} signals and after the rebuild, as autovacuum would (${l.analyze_seconds.toFixed(1)} s in all, not in the times above); ` +
          "not between product batches: a first catalogue import into an empty table is over before autovacuum would look at it. "
        : "No `ANALYZE` was run (EVAL_ANALYZE_EVERY=0). ") +
      `Models after the rebuild: ${Object.entries(r.counts).map(([k, v]) => `${k.replace(/_/g, " ")} ${int(v)}`).join(", ")}.`,
    "",
    `Incremental path against the rebuild (same signals): per-product counters differ for ${s.order_count_differs} (orders), ` +
      `${s.session_count_differs} (sessions), ${s.counters_differ} (views/carts/purchases) products, ${s.only_incremental + s.only_rebuild} products ` +
      `in one table only, trending score max |Δ log2| ${Number(s.trend_log_max_abs_diff).toExponential(1)}; ${pairNotes}.`,
    "",
    cpuNote(r),
    "",
    "Rerun (about the wall time above on 2 cores; the scratch database is dropped and created again):",
    "",
    "```sh",
    "npm run bench:recommendations-eval",
    "EVAL_SAMPLE=5000 npm run bench:recommendations-eval               # more customers, tighter intervals",
    "EVAL_SETTINGS='{\"min_support\":2}' npm run bench:recommendations-eval   # other engine settings (merged over the defaults)",
    "npm run bench:recommendations-eval -- --no-write                   # print only",
    "```",
    "",
    `Environment: \`EVAL_DATABASE_URL\` (default \`postgres://postgres@127.0.0.1:5432/emporium_rec_eval\`), \`EVAL_SEED\`, \`EVAL_CUSTOMERS\` ` +
      `(${int(d.customers)}), \`EVAL_SAMPLE\` (2000), \`EVAL_BATCH\` (signals per \`writeSignals\`, 1000), \`EVAL_PRODUCT_BATCH\` (500), ` +
      "`EVAL_ANALYZE_EVERY` (50000; 0 = never), `EVAL_SETTINGS` (JSON). This section is rewritten by every run (between its markers); " +
      "`npm run bench` keeps it.",
    "",
    END
  )
  return lines.join("\n")
}

function verdict(a: AlgorithmResult): string {
  if (a.target_met === null) return "—"
  const ci = a.times_baseline_ci95
  if (a.target_met) return ci && ci[0] < 2 ? "✓ met (interval reaches below 2×)" : "✓ met"
  return ci && ci[1] >= 2 ? "✗ not met (interval reaches 2×)" : "✗ not met"
}

function cpuNote(r: EvalResults): string {
  const phases = Object.entries(r.cpu_percent_of_a_core)
  if (!phases.length || phases.every(([, p]) => p.other === null)) return "CPU use of other processes could not be measured (no /proc)."
  const text = phases.map(([phase, p]) => `${phase} ${p.other ?? "?"} %`).join(", ")
  const own = phases.map(([phase, p]) => `${phase} ${p.this_process ?? "?"} % + ${p.postgres_backend ?? "?"} %`).join(", ")
  const noisy = phases.filter(([, p]) => (p.other ?? 0) > 15).map(([phase]) => phase)
  return (
    `CPU while measuring, in % of one core (the machine has ${r.machine.cpus}): other processes on the machine (including PostgreSQL's ` +
    `background processes) ${text}; the evaluation itself (Node + its PostgreSQL backend) ${own}.` +
    (noisy.length
      ? ` **The machine was not quiet during ${noisy.join(", ")}:** the times of those phases are inflated by other work and only ` +
        "comparable with runs under similar load; hit-rates and NDCG do not depend on it."
      : "")
  )
}

/** Replaces the section between the markers, or appends it at the end of the file. */
export function updateBenchmarksMd(file: string, results: EvalResults, jsonPath: string): void {
  const section = sectionMarkdown(results, jsonPath)
  const text = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "# Emporium benchmarks\n"
  const start = text.indexOf(START)
  const end = text.indexOf(END)
  let out: string
  if (start >= 0 && end > start) out = text.slice(0, start) + section + text.slice(end + END.length)
  else out = `${text.replace(/\s*$/, "")}\n\n${section}\n`
  fs.writeFileSync(file, out)
}
