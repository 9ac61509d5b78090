import type { RecommendationList } from "./models/recommendation-rule"

/** Why a product is in a list: the model, and the product that led to it when there is one. */
export type CandidateReason =
  | { type: "bought_together" | "also_viewed"; product_id: string; support?: number }
  | { type: "similar"; product_id: string; shared_terms?: string[] }
  | { type: "trending" }
  | { type: "pinned" }

export type Candidate = { product_id: string; score: number | null; reason: CandidateReason }

export type Rule = {
  list: RecommendationList
  anchor_product_id: string | null
  product_id: string
  action: "pin" | "exclude"
  position: number
}

/**
 * The merchant's rules over a model's candidates: excluded products leave the list, pinned ones
 * lead it in `position` order (a rule for this product page before a list-wide one), and the
 * anchor product itself never recommends itself.
 */
export function applyRules(candidates: Candidate[], rules: Rule[], anchorProductId?: string): Candidate[] {
  const specific = (rule: Rule) => (rule.anchor_product_id && rule.anchor_product_id === anchorProductId ? 0 : 1)
  const excluded = new Set(rules.filter((r) => r.action === "exclude").map((r) => r.product_id))
  const pins = rules
    .filter((r) => r.action === "pin" && !excluded.has(r.product_id))
    .sort((a, b) => specific(a) - specific(b) || a.position - b.position)
  const result: Candidate[] = []
  const seen = new Set<string>(anchorProductId ? [anchorProductId] : [])
  for (const pin of pins) {
    if (seen.has(pin.product_id)) continue
    seen.add(pin.product_id)
    result.push({ product_id: pin.product_id, score: null, reason: { type: "pinned" } })
  }
  for (const candidate of candidates) {
    if (seen.has(candidate.product_id) || excluded.has(candidate.product_id)) continue
    seen.add(candidate.product_id)
    result.push(candidate)
  }
  return result
}
