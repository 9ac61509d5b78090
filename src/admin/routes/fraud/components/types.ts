import type { BlocklistType } from "../../../../modules/fraud/models/fraud-blocklist-entry"
import type { Decision, Reason, RuleConfig, RuleSet, RuleType, VelocityKey } from "../../../../modules/fraud/rules/types"

/**
 * The JSON of the `/admin/fraud/*` routes as the dashboard receives it (dates are ISO strings).
 * The rule, reason and blocklist unions come from the module, so they cannot drift.
 */
export type { BlocklistType, Decision, Reason, RuleConfig, RuleSet, RuleType, VelocityKey }

export type ReviewStatus = "pending" | "approved" | "rejected"

export type Assessment = {
  id: string
  cart_id: string
  order_id: string | null
  email: string | null
  ip: string | null
  /** Normalised shipping address and card fingerprint, what "blocklist address / card" on rejection lists. */
  address_key?: string | null
  card_fingerprint?: string | null
  /** Minor units of `currency_code`. */
  amount: number
  currency_code: string
  score: number
  decision: Decision
  reasons: Reason[]
  rule_set_version: number
  /** Null when nobody has to decide (approved or rejected at checkout). */
  review_status: ReviewStatus | null
  reviewed_by: string | null
  reviewed_at: string | null
  review_note: string | null
  created_at: string
}

export type ReviewOrder = {
  id: string
  display_id: number
  email: string | null
  /** Major units, as Medusa keeps order totals. */
  total: number
  currency_code: string
  created_at: string
  status: string
}

export type Review = Assessment & { order: ReviewOrder | null }

export type ReviewsResponse = { reviews: Review[]; count: number; limit: number; offset: number }

export type SavedRuleSet = RuleSet & { version: number; created_by: string | null; created_at: string }

export type RuleSetVersion = { version: number; created_by: string | null; created_at: string }

export type RulesResponse = { rule_set: SavedRuleSet; versions: RuleSetVersion[] }

export type BlocklistEntry = {
  id: string
  type: BlocklistType
  value: string
  reason: string | null
  created_by: string | null
  created_at: string
}

export type BlocklistResponse = { entries: BlocklistEntry[]; count: number }
