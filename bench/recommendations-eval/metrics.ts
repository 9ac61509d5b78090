/** Ranking metrics with one relevant item (the held-out product), and latency summaries. */

/** 1-based rank of the target in the list (first `k` items), 0 when absent. */
export function rankOf(list: readonly string[], target: string, k = 10): number {
  const at = list.slice(0, k).indexOf(target)
  return at < 0 ? 0 : at + 1
}

/** NDCG@k with a single relevant item: the ideal DCG is 1, so NDCG = 1 / log2(rank + 1). */
export function ndcg(rank: number): number {
  return rank > 0 ? 1 / Math.log2(rank + 1) : 0
}

/** Nearest-rank percentile of unsorted values. */
export function percentile(values: readonly number[], p: number): number {
  if (!values.length) return NaN
  const sorted = [...values].sort((a, b) => a - b)
  const rank = Math.ceil((p / 100) * sorted.length)
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]
}

/** Wilson score interval (95 %) of a proportion. */
export function wilson(successes: number, n: number, z = 1.96): [number, number] {
  if (!n) return [NaN, NaN]
  const p = successes / n
  const denom = 1 + (z * z) / n
  const centre = (p + (z * z) / (2 * n)) / denom
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / denom
  return [Math.max(0, centre - half), Math.min(1, centre + half)]
}

export type Accumulator = { n: number; hits: number; ndcgSum: number; full: number; empty: number; latencies: number[]; hitVector: number[] }

export const accumulator = (): Accumulator => ({ n: 0, hits: 0, ndcgSum: 0, full: 0, empty: 0, latencies: [], hitVector: [] })

/** Adds one customer's top-k list (already cut to k) to the totals. */
export function record(acc: Accumulator, list: readonly string[], target: string, k = 10, latencyMs?: number): number {
  const rank = rankOf(list, target, k)
  acc.n++
  acc.hitVector.push(rank ? 1 : 0)
  if (rank) acc.hits++
  acc.ndcgSum += ndcg(rank)
  if (list.length >= k) acc.full++
  if (!list.length) acc.empty++
  if (latencyMs !== undefined) acc.latencies.push(latencyMs)
  return rank
}

/**
 * Paired bootstrap (the same resampled customers for both lists) of the ratio of two hit-rates:
 * 95 % interval of hits(a) / hits(b).
 */
export function bootstrapRatio(a: readonly number[], b: readonly number[], random: () => number, resamples = 2000): [number, number] {
  const n = Math.min(a.length, b.length)
  if (!n) return [NaN, NaN]
  const ratios: number[] = []
  for (let r = 0; r < resamples; r++) {
    let sa = 0
    let sb = 0
    for (let i = 0; i < n; i++) {
      const j = Math.floor(random() * n)
      sa += a[j]
      sb += b[j]
    }
    ratios.push(sb > 0 ? sa / sb : Infinity)
  }
  return [percentile(ratios, 2.5), percentile(ratios, 97.5)]
}

export function summarize(acc: Accumulator) {
  const [lo, hi] = wilson(acc.hits, acc.n)
  return {
    customers: acc.n,
    hits: acc.hits,
    hit_rate_at_10: acc.n ? acc.hits / acc.n : NaN,
    hit_rate_ci95: [lo, hi] as [number, number],
    ndcg_at_10: acc.n ? acc.ndcgSum / acc.n : NaN,
    full_lists: acc.n ? acc.full / acc.n : NaN,
    empty_lists: acc.n ? acc.empty / acc.n : NaN,
    latency_ms: acc.latencies.length
      ? {
          p50: percentile(acc.latencies, 50),
          p95: percentile(acc.latencies, 95),
          max: Math.max(...acc.latencies),
          samples: acc.latencies.length,
          total_s: acc.latencies.reduce((x, y) => x + y, 0) / 1000,
        }
      : null,
  }
}
