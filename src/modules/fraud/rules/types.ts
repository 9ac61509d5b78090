/**
 * The rule set is data: an ordered list of rules, each a type with a score and parameters, and
 * two thresholds. Saved as a new version on every edit; an assessment names the version it used.
 */
export type RuleSet = {
  review_threshold: number
  reject_threshold: number
  rules: RuleConfig[]
}

export type VelocityKey = "email" | "customer" | "ip" | "card_fingerprint" | "address"

export type RuleConfig =
  | { id: string; type: "blocklist"; enabled: boolean; score: number }
  | { id: string; type: "disposable_email"; enabled: boolean; score: number }
  | { id: string; type: "high_risk_country"; enabled: boolean; score: number; countries: string[] }
  | { id: string; type: "country_mismatch"; enabled: boolean; score: number }
  | { id: string; type: "velocity"; enabled: boolean; score: number; key: VelocityKey; window_minutes: number; max_attempts: number }
  | { id: string; type: "amount_vs_history"; enabled: boolean; score: number; multiplier: number; min_orders: number }
  | { id: string; type: "amount_vs_store"; enabled: boolean; score: number; percentile: number; min_samples: number }
  | { id: string; type: "first_order_high_value"; enabled: boolean; score: number; over: Record<string, number> }
  | { id: string; type: "failed_payments"; enabled: boolean; score: number; max_failures: number }
  | { id: string; type: "external_signal"; enabled: boolean; score: number; provider: string }

export type RuleType = RuleConfig["type"]

/** Everything the rules look at, gathered once per checkout. Money in minor units. */
export type CheckoutFacts = {
  cart_id: string
  email: string | null
  customer_id: string | null
  ip: string | null
  card_fingerprint: string | null
  /** Normalised shipping address ("de|10115|hauptstrasse 5"), for velocity and the blocklist. */
  address_key: string | null
  shipping_country: string | null
  billing_country: string | null
  amount: number
  currency_code: string
  /** Attempts to check out within each rule's window, this one included, per key. */
  velocity: Partial<Record<string, number>>
  /** The customer's (or e-mail's) earlier orders: count and average amount in this currency. */
  history: { orders: number; average_amount: number | null }
  /** The store's order amounts in this currency: how many, and the value at each asked percentile. */
  store: { samples: number; percentiles: Record<string, number> }
  failed_payments: number
  /** Blocklist entries that match, e.g. `email`, `ip`. */
  blocklisted: { type: string; value: string }[]
  disposable_email: boolean
  /** From signal providers (Stripe Radar via the payments plugin): 0–100 each. */
  external: Record<string, { score: number; label: string }>
}

/** One rule's contribution: its score and a sentence a merchant understands. */
export type Reason = { rule_id: string; type: RuleType; score: number; reason: string }

export type Decision = "approve" | "review" | "reject"

export type Scored = { score: number; decision: Decision; reasons: Reason[] }
