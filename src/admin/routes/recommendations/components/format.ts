import type { Build, CandidateReason, RecommendationList } from "./types"

/** How the dashboard names each list (the storefront calls "personalized" "For you"). */
export const LIST_LABELS: Record<RecommendationList, string> = {
  bought_together: "Bought together",
  also_viewed: "Also viewed",
  similar: "Similar",
  trending: "Trending",
  personalized: "For you (personalized)",
}

/** The rebuild's steps, as the module records them in `build.step`. */
const STEP_LABELS: Record<string, string> = {
  orders: "Importing the order history",
  catalogue: "Reading the catalogue",
  terms: "Word and tag weights for similar products",
  stats: "Product counters and trending scores",
  bought_together: "Bought-together pairs",
  also_viewed: "Also-viewed pairs",
}

export const stepLabel = (step: string | null) => (step ? (STEP_LABELS[step] ?? step.replace(/_/g, " ")) : "Starting")

const countFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 })
export const formatCount = (n: number | null | undefined) => (n === null || n === undefined ? "–" : countFormat.format(n))

const plural = (n: number, one: string, many: string) => `${formatCount(n)} ${n === 1 ? one : many}`

/**
 * A model score (0–1 for the pair models and similarity; a decayed popularity for trending):
 * two decimals, or two significant digits when smaller than 0.01 so a weak score is not "0.00".
 */
export function formatScore(score: number | null): string {
  if (score === null || !Number.isFinite(score)) return "–"
  if (score !== 0 && Math.abs(score) < 0.01) {
    return score.toLocaleString(undefined, { maximumSignificantDigits: 2 })
  }
  return score.toLocaleString(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 })
}

/**
 * A similarity term in words: `w:linen` → "linen", `tag:summer` → "tag summer"; the terms that are
 * ids (type, category, collection) and the price band say what is shared instead.
 */
export function describeTerm(term: string): string {
  const [field, ...rest] = term.split(":")
  const value = rest.join(":")
  switch (field) {
    case "w":
      return value
    case "tag":
      return `tag ${value}`
    case "type":
      return "same type"
    case "cat":
      return "same category"
    case "col":
      return "same collection"
    case "price":
      return "similar price"
    default:
      return term
  }
}

/** Why the model ranks a product: "bought together in 3 orders", "shared: linen, tag summer". */
export function formatReason(reason: CandidateReason | null | undefined): string {
  if (!reason) return "–"
  switch (reason.type) {
    case "bought_together":
      return reason.support ? `bought together in ${plural(reason.support, "order", "orders")}` : "bought together"
    case "also_viewed":
      return reason.support ? `viewed together in ${plural(reason.support, "session", "sessions")}` : "viewed together"
    case "similar": {
      const shared = [...new Set((reason.shared_terms ?? []).map(describeTerm))]
      return shared.length ? `shared: ${shared.join(", ")}` : "similar content"
    }
    case "trending":
      return "trending"
    case "pinned":
      return "pinned by you"
  }
}

/** `1.234 s`, `3 min 4 s`, `1 h 2 min`. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return "–"
  if (ms < 1000) return `${Math.round(ms)} ms`
  const seconds = ms / 1000
  if (seconds < 60) return `${seconds.toFixed(seconds < 10 ? 1 : 0)} s`
  const minutes = Math.floor(seconds / 60)
  if (minutes < 60) return `${minutes} min ${Math.round(seconds - minutes * 60)} s`
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`
}

export const buildDuration = (build: Build, now = Date.now()) =>
  formatDuration((build.finished_at ? Date.parse(build.finished_at) : now) - Date.parse(build.started_at))

const relative = new Intl.RelativeTimeFormat(undefined, { numeric: "auto" })

/** An instant relative to now: "5 minutes ago", "yesterday". */
export function formatAgo(iso: string, now = Date.now()): string {
  const seconds = Math.round((Date.parse(iso) - now) / 1000)
  const abs = Math.abs(seconds)
  if (abs < 45) return "just now"
  if (abs < 3600) return relative.format(Math.round(seconds / 60), "minute")
  if (abs < 86_400) return relative.format(Math.round(seconds / 3600), "hour")
  return relative.format(Math.round(seconds / 86_400), "day")
}

export const formatWhen = (iso: string) => new Date(iso).toLocaleString()

const TRIGGERS: Record<string, string> = {
  admin: "Admin",
  schedule: "Nightly schedule",
  seed: "Demo seed",
}
export const triggerLabel = (trigger: string) => TRIGGERS[trigger] ?? trigger

/** A build's counts in one line: "1,204 signals · 310 bought-together pairs · …". */
export function summariseCounts(counts: Build["counts"]): string {
  if (!counts) return "–"
  const parts: string[] = []
  if (counts.signals !== undefined) parts.push(plural(counts.signals, "signal", "signals"))
  if (counts.products !== undefined) parts.push(plural(counts.products, "product", "products"))
  if (counts.bought_together_pairs !== undefined) parts.push(`${formatCount(counts.bought_together_pairs)} bought-together`)
  if (counts.also_viewed_pairs !== undefined) parts.push(`${formatCount(counts.also_viewed_pairs)} also-viewed`)
  if (counts.terms !== undefined) parts.push(plural(counts.terms, "term", "terms"))
  return parts.join(" · ")
}
