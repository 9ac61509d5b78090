import type { CandidateReason } from "../../../../modules/recommendation/candidates"
import type { RecommendationList, RuleAction } from "../../../../modules/recommendation/models/recommendation-rule"

/**
 * The JSON of the `/admin/recommendations/*` routes as the dashboard receives it (dates are ISO
 * strings). The list, action and reason unions come from the module, so they cannot drift.
 */
export type { CandidateReason, RecommendationList, RuleAction }

export type ModelCounts = {
  signals: number
  products: number
  trending_products: number
  bought_together_pairs: number
  also_viewed_pairs: number
  terms: number
}

export type BuildStatus = "running" | "succeeded" | "failed"

export type Build = {
  id: string
  status: BuildStatus
  trigger: string
  /** The step running now (null once finished). */
  step: string | null
  /** Steps finished before the current one. */
  steps_done: number
  steps_total: number
  started_at: string
  finished_at: string | null
  error: string | null
  counts: Partial<ModelCounts> | null
}

export type StatusResponse = {
  counts: ModelCounts
  last_signal_at: string | null
  running_build: Build | null
  last_build: Build | null
  builds: Build[]
  settings: Record<string, unknown>
}

export type Rule = {
  id: string
  list: RecommendationList
  anchor_product_id: string | null
  product_id: string
  action: RuleAction
  position: number
  created_by: string | null
  created_at: string
}

export type RankedProduct = { product_id: string; score: number | null; reason: CandidateReason }

export type ProductList = {
  list: "bought_together" | "also_viewed" | "similar"
  /** The model's ranking, before the merchant's rules. */
  model: RankedProduct[]
  /** The rules of this list that apply on this product's page (its own and the list-wide ones). */
  rules: Rule[]
  /** The model's ranking with the rules applied: what the storefront is given, before stock and channel filters. */
  shown: RankedProduct[]
}

export type ProductSummary = { id: string; title: string; thumbnail: string | null; status: string }

export type ProductRecommendationsResponse = {
  product_id: string
  lists: ProductList[]
  products: ProductSummary[]
}
