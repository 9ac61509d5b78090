// The "Flash sale" section of BENCHMARKS.md, written by bench/flash-sale.mjs and kept by bench/run.mjs.
import fs from "node:fs"

export const FLASH_START = "<!-- flash-sale:start (bench/flash-sale.mjs rewrites this section) -->"
export const FLASH_END = "<!-- flash-sale:end -->"

const median = (values) => {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b)
  if (!v.length) return null
  const mid = Math.floor(v.length / 2)
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2
}

/** The section's markdown: one row per setup and server; counts per run, times as medians. */
export function flashSaleMarkdown(results, jsonPath) {
  const lines = [
    "## Flash sale: no oversell (issue 3)",
    "",
    `${results.carts} ready carts (address, shipping method, \`pp_system_default\` payment session) complete at the same moment ` +
      `for one variant with exactly ${results.units} units available; ${results.runs} bursts per setup and server, each on a fresh product. ` +
      `Counts are listed per run (run 1 / run 2 / …), times are medians over the runs. Run ${results.date.slice(0, 16).replace("T", " ")} UTC, ` +
      `${Math.round(results.wallSeconds / 60)} min; raw data: \`${jsonPath}\`. Reproduce with \`npm run bench:flash-sale\`.`,
    "",
    "| setup | server | orders | 5xx / no answer | 409 | other 4xx | reserved − orders | losers' p50 | burst settled | answers/s |",
    "|---|---|---|---|---|---|---|---|---|---|",
  ]
  for (const setup of Object.values(results.setups)) {
    for (const kind of ["vanilla", "emporium"]) {
      const outcomes = setup.servers[kind]
      if (!outcomes?.length) continue
      const per = (key) => outcomes.map((o) => (Number.isFinite(o.metrics[key]) ? o.metrics[key] : "—")).join(" / ")
      const med = (key, unit = "") => {
        const m = median(outcomes.map((o) => o.metrics[key]))
        return m === null ? "—" : `${m}${unit}`
      }
      lines.push(
        `| ${setup.label} | ${kind === "vanilla" ? "vanilla Medusa" : "**Emporium**"} | ${per("orders")} | ${per("server_errors")} | ${per("conflicts")} | ${per("client_errors")} | ${per("reserved_mismatch")} | ${med("loser_p50", " ms")} | ${med("burst_s", " s")} | ${med("completions_per_s")} |`
      )
    }
  }
  lines.push(
    "",
    `How to read it: more than ${results.units} orders is an oversell; fewer means units stayed unsold although ` +
      `${results.carts} shoppers wanted them. "reserved − orders" above 0 is stock reserved for no order (blocked ` +
      "until someone deletes the reservation). 5xx and 409 are answers a storefront cannot act on (a 409 invites a " +
      "retry that cannot succeed); Emporium's losers get 400 `out of stock: <title>`. \"no answer\" is a completion " +
      "not answered within 120 s: vanilla Medusa with two processes and no Redis deadlocks its connection pool " +
      "(`locking-postgres` keeps pooled connections waiting on an advisory lock whose holder needs a connection to " +
      "finish) and never answers again until restarted; the runner restarts it between runs. Vanilla runs with the " +
      "same infrastructure modules as Emporium (PostgreSQL locking without Redis), so every difference is Emporium's.",
    ...(results.note ? ["", `Note: ${results.note}`] : []),
    "",
    "What losers were told, first answer of each kind per setup:",
    ""
  )
  for (const setup of Object.values(results.setups)) {
    for (const kind of ["vanilla", "emporium"]) {
      const samples = {}
      for (const o of setup.servers[kind] ?? []) for (const [k, body] of Object.entries(o.samples ?? {})) if (k !== "order") samples[k] ??= body
      const shown = Object.entries(samples).map(([k, body]) => `\`${k}\` ${body.replace(/\|/g, "\\|").replace(/\s+/g, " ").slice(0, 160)}`)
      if (shown.length) lines.push(`- ${setup.label}, ${kind}: ${shown.join("; ")}`)
    }
  }
  return lines.join("\n")
}

/** Replaces the section between the markers, or puts it right after the file's header. */
export function updateFlashSaleSection(file, results, jsonPath) {
  const block = `${FLASH_START}\n\n${flashSaleMarkdown(results, jsonPath)}\n\n${FLASH_END}`
  const text = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : ""
  const start = text.indexOf(FLASH_START)
  const end = text.indexOf(FLASH_END)
  let out
  if (start >= 0 && end > start) out = text.slice(0, start) + block + text.slice(end + FLASH_END.length)
  else {
    const at = text.indexOf("## What is measured")
    out = at >= 0 ? `${text.slice(0, at)}${block}\n\n${text.slice(at)}` : `${text}\n${block}\n`
  }
  fs.writeFileSync(file, out)
}

/** The current flash-sale block of a BENCHMARKS.md text, markers included, or "". */
export function existingFlashSaleBlock(text) {
  const start = text.indexOf(FLASH_START)
  const end = text.indexOf(FLASH_END)
  return start >= 0 && end > start ? text.slice(start, end + FLASH_END.length) : ""
}
