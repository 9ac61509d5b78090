import type { RuleSet } from "./types"

/**
 * The rule set a new store starts with (version 1). Tuned so a single soft signal never blocks
 * a customer: review at 50, reject at 90, and only the blocklist rejects alone. Amounts in minor
 * units.
 */
export const DEFAULT_RULE_SET: RuleSet = {
  review_threshold: 50,
  reject_threshold: 90,
  rules: [
    { id: "blocklist", type: "blocklist", enabled: true, score: 100 },
    { id: "disposable_email", type: "disposable_email", enabled: true, score: 25 },
    { id: "high_risk_country", type: "high_risk_country", enabled: true, score: 30, countries: [] },
    { id: "country_mismatch", type: "country_mismatch", enabled: true, score: 15 },
    { id: "email_burst", type: "velocity", enabled: true, score: 30, key: "email", window_minutes: 10, max_attempts: 3 },
    { id: "email_hourly", type: "velocity", enabled: true, score: 30, key: "email", window_minutes: 60, max_attempts: 8 },
    { id: "customer_hourly", type: "velocity", enabled: true, score: 20, key: "customer", window_minutes: 60, max_attempts: 8 },
    { id: "ip_burst", type: "velocity", enabled: true, score: 30, key: "ip", window_minutes: 10, max_attempts: 10 },
    { id: "card_hourly", type: "velocity", enabled: true, score: 30, key: "card_fingerprint", window_minutes: 60, max_attempts: 4 },
    { id: "address_hourly", type: "velocity", enabled: true, score: 20, key: "address", window_minutes: 60, max_attempts: 6 },
    { id: "amount_vs_history", type: "amount_vs_history", enabled: true, score: 20, multiplier: 5, min_orders: 2 },
    { id: "amount_vs_store", type: "amount_vs_store", enabled: true, score: 20, percentile: 99, min_samples: 50 },
    { id: "first_order_high_value", type: "first_order_high_value", enabled: true, score: 25, over: { eur: 50000, usd: 50000 } },
    { id: "failed_payments", type: "failed_payments", enabled: true, score: 30, max_failures: 2 },
    { id: "stripe_radar", type: "external_signal", enabled: true, score: 60, provider: "stripe_radar" },
  ],
}
