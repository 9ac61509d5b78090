import type { RunSql } from "../analytics/reports/types"
import type { Candidate } from "./candidates"
import { DEFAULT_WEIGHTS, type SignalRow, type SignalWeights } from "./signals"
import { HISTORY_SQL, NEIGHBOURS_SQL, PERSONALIZED_SQL, SIMILAR_SQL, TRENDING_SQL } from "./sql/queries"
import { RECORD_SIGNALS_SQL } from "./sql/record-signals"
import { REMOVE_PRODUCTS_SQL, UPSERT_PRODUCTS_SQL } from "./sql/products"
import {
  REBUILD_ALSO_VIEWED_SQL,
  REBUILD_BOUGHT_TOGETHER_SQL,
  REBUILD_STATS_SQL,
  REBUILD_TERMS_SQL,
} from "./sql/rebuild"
import { productTerms, type ProductContent } from "./terms"

export type { RunSql }

/** The models' tuning. Every field has a default (see RecommendationModuleOptions). */
export type EngineSettings = {
  trending_half_life_hours: number
  history_half_life_hours: number
  also_viewed_window_hours: number
  min_support: number
  shrinkage: number
  top_k: number
  history_size: number
  weights: SignalWeights
  /** How much a co-purchase counts against a co-view in personalized lists. */
  bought_together_weight: number
  also_viewed_weight: number
}

export const DEFAULT_SETTINGS: EngineSettings = {
  trending_half_life_hours: 72,
  history_half_life_hours: 720,
  also_viewed_window_hours: 4,
  min_support: 1,
  shrinkage: 2,
  top_k: 100,
  history_size: 50,
  weights: DEFAULT_WEIGHTS,
  bought_together_weight: 1,
  also_viewed_weight: 0.5,
}

/** Fixed origin of the trending scores' time axis (see RecommendationProductStat). */
export const TREND_EPOCH = "2020-01-01T00:00:00Z"

export type ProductProfile = ProductContent & { product_id: string; replenishable?: boolean }

/** Rebuild steps run by the engine, in order (the service adds the catalogue import before them). */
export const MODEL_STEPS = ["terms", "stats", "bought_together", "also_viewed"] as const
export type ModelStep = (typeof MODEL_STEPS)[number]

/**
 * Every model as SQL over a `RunSql`: the module service runs it on Medusa's connection, the
 * offline evaluation (bench/recommendations-eval) on its own, so what is measured is what runs.
 */
export class RecommendationEngine {
  constructor(readonly settings: EngineSettings = DEFAULT_SETTINGS) {}

  /** Inserts signals (known event keys skipped) and folds the new ones into every model. */
  async writeSignals(run: RunSql, rows: SignalRow[]): Promise<{ inserted: number; purchases: number }> {
    if (!rows.length) return { inserted: 0, purchases: 0 }
    const [result] = await run<{ inserted: number; purchases: number }>(RECORD_SIGNALS_SQL, [
      JSON.stringify(rows),
      TREND_EPOCH,
      this.settings.trending_half_life_hours,
      this.settings.also_viewed_window_hours * 3600,
    ])
    return { inserted: Number(result?.inserted ?? 0), purchases: Number(result?.purchases ?? 0) }
  }

  /** Run in one transaction: the profiles, their terms' frequencies and their norms move together. */
  async upsertProducts(run: RunSql, products: ProductProfile[]): Promise<void> {
    if (!products.length) return
    // One row per product: an upsert may touch a row once per statement.
    const unique = [...new Map(products.map((p) => [p.product_id, p])).values()]
    const rows = unique.map((p) => ({
      product_id: p.product_id,
      title: p.title ?? "",
      terms: productTerms(p),
      category_ids: p.category_ids ?? [],
      replenishable: !!p.replenishable,
    }))
    const [upsert, prune, norms] = UPSERT_PRODUCTS_SQL
    await run(upsert, [JSON.stringify(rows)])
    await run(prune, [])
    await run(norms, [JSON.stringify(rows.map((r) => r.product_id))])
  }

  async removeProducts(run: RunSql, productIds: string[]): Promise<void> {
    if (!productIds.length) return
    const [remove, prune] = REMOVE_PRODUCTS_SQL
    await run(remove, [JSON.stringify(productIds)])
    await run(prune, [])
  }

  async neighbours(run: RunSql, kind: "bought_together" | "also_viewed", productId: string, limit: number): Promise<Candidate[]> {
    const rows = await run<{ product_id: string; score: number; support: number }>(
      NEIGHBOURS_SQL(kind === "bought_together" ? "order_count" : "session_count"),
      [this.settings.shrinkage, kind, productId, this.settings.min_support, limit]
    )
    return rows.map((r) => ({
      product_id: r.product_id,
      score: Number(r.score),
      reason: { type: kind, product_id: productId, support: Number(r.support) },
    }))
  }

  async similar(run: RunSql, productId: string, limit: number): Promise<Candidate[]> {
    const rows = await run<{ product_id: string; score: number; shared_terms: string[] }>(SIMILAR_SQL, [productId, productId, limit])
    return rows.map((r) => ({
      product_id: r.product_id,
      score: Number(r.score),
      reason: { type: "similar" as const, product_id: productId, shared_terms: r.shared_terms.slice(0, 5) },
    }))
  }

  async trending(run: RunSql, categoryIds: string[] | undefined, limit: number): Promise<Candidate[]> {
    const rows = await run<{ product_id: string; score: number }>(TRENDING_SQL, [
      TREND_EPOCH,
      this.settings.trending_half_life_hours,
      categoryIds?.length ? JSON.stringify(categoryIds) : null,
      limit,
    ])
    return rows.map((r) => ({ product_id: r.product_id, score: Number(r.score), reason: { type: "trending" as const } }))
  }

  /**
   * Item-based collaborative filtering over the visitor's recent history, then trending to fill
   * what it cannot (a new visitor gets trending alone). Products the visitor bought are left out
   * unless replenishable.
   */
  async personalized(run: RunSql, customerId: string | null, anonymousId: string | null, limit: number): Promise<Candidate[]> {
    type HistoryRow = { product_id: string; weight: number | null; owned: boolean }
    const history =
      customerId || anonymousId
        ? await run<HistoryRow>(HISTORY_SQL, [
            customerId,
            anonymousId,
            this.settings.history_size,
            this.settings.history_half_life_hours,
            customerId,
            anonymousId,
          ])
        : []
    const owned = new Set(history.filter((h) => h.owned).map((h) => h.product_id))
    const found: Candidate[] = []
    // Old purchases (no weight) only exclude; the recent interactions lead to neighbours.
    if (history.some((h) => h.weight !== null)) {
      const rows = await run<{ product_id: string; score: number; because: string; kind: "bought_together" | "also_viewed" }>(
        PERSONALIZED_SQL,
        [
          JSON.stringify(history.map((h) => ({ product_id: h.product_id, weight: Number(h.weight ?? 0), owned: !!h.owned }))),
          this.settings.shrinkage,
          this.settings.bought_together_weight,
          this.settings.also_viewed_weight,
          this.settings.min_support,
          limit,
        ]
      )
      for (const r of rows) {
        found.push({ product_id: r.product_id, score: Number(r.score), reason: { type: r.kind, product_id: r.because } })
      }
    }
    if (found.length >= limit) return found
    const seen = new Set(found.map((c) => c.product_id))
    for (const candidate of await this.trending(run, undefined, limit + owned.size + found.length)) {
      if (found.length >= limit) break
      if (seen.has(candidate.product_id) || owned.has(candidate.product_id)) continue
      found.push(candidate)
    }
    return found
  }

  /** The tables a rebuild step replaces: lock them before `rebuildStep` in the same transaction. */
  stepTables(step: ModelStep): string[] {
    return {
      terms: ["recommendation_term", "recommendation_product"],
      stats: ["recommendation_product_stat"],
      bought_together: ["recommendation_pair"],
      also_viewed: ["recommendation_pair", "recommendation_session_item"],
    }[step]
  }

  /** Recomputes one model from the signals (and the terms from the product profiles). */
  async rebuildStep(run: RunSql, step: ModelStep): Promise<void> {
    const window = this.settings.also_viewed_window_hours * 3600
    const plan: Record<ModelStep, [string[], unknown[][]]> = {
      terms: [REBUILD_TERMS_SQL, []],
      stats: [REBUILD_STATS_SQL, [[], [TREND_EPOCH, this.settings.trending_half_life_hours]]],
      bought_together: [REBUILD_BOUGHT_TOGETHER_SQL, [[], [this.settings.top_k]]],
      also_viewed: [REBUILD_ALSO_VIEWED_SQL, [[], [window, this.settings.top_k], [], [window]]],
    }
    const [statements, params] = plan[step]
    // Sorting ~600k pairs spills to disk at the default 4 MB; only this step's transaction gets more.
    await run(`SET LOCAL work_mem = '64MB'`, [])
    for (let i = 0; i < statements.length; i++) {
      await run(statements[i], params[i] ?? [])
    }
    // The tables were replaced whole: without fresh statistics the next queries are planned as if
    // they were still empty (a nested loop over the whole catalogue, seen at 10k products).
    await run(`ANALYZE ${this.stepTables(step).join(", ")}`, [])
  }

  /** Row counts of each model, for the admin page and the rebuild record. */
  async counts(run: RunSql): Promise<Record<string, number>> {
    const [row] = await run(`
      SELECT
        (SELECT count(*) FROM recommendation_signal WHERE deleted_at IS NULL)::int AS signals,
        (SELECT count(*) FROM recommendation_product WHERE deleted_at IS NULL)::int AS products,
        (SELECT count(*) FROM recommendation_product_stat WHERE trend_log IS NOT NULL AND deleted_at IS NULL)::int AS trending_products,
        (SELECT count(*) FROM recommendation_pair WHERE kind = 'bought_together' AND deleted_at IS NULL)::int AS bought_together_pairs,
        (SELECT count(*) FROM recommendation_pair WHERE kind = 'also_viewed' AND deleted_at IS NULL)::int AS also_viewed_pairs,
        (SELECT count(*) FROM recommendation_term WHERE deleted_at IS NULL)::int AS terms`, [])
    return Object.fromEntries(Object.entries(row ?? {}).map(([k, v]) => [k, Number(v)]))
  }
}
