import { toMajor } from "../../../utils/money"
import type { CheckoutFacts, Reason, RuleConfig, RuleSet, Scored } from "./types"
import { velocityFactKey } from "./velocity-window"

/**
 * Scores a checkout: every enabled rule that fires adds its score and a reason. Pure, so unit
 * tests give exact scores and the admin preview and checkout agree.
 */
export function scoreCheckout(ruleSet: RuleSet, facts: CheckoutFacts): Scored {
  const reasons: Reason[] = []
  for (const rule of ruleSet.rules) {
    if (!rule.enabled) continue
    const reason = evaluate(rule, facts)
    if (reason) reasons.push({ rule_id: rule.id, type: rule.type, score: reason.score ?? rule.score, reason: reason.text })
  }
  const score = reasons.reduce((sum, reason) => sum + reason.score, 0)
  const decision = score >= ruleSet.reject_threshold ? "reject" : score >= ruleSet.review_threshold ? "review" : "approve"
  return { score, decision, reasons }
}

type Fired = { text: string; score?: number } | null

function evaluate(rule: RuleConfig, facts: CheckoutFacts): Fired {
  const money = (amount: number) => `${toMajor(amount, facts.currency_code)} ${facts.currency_code.toUpperCase()}`
  switch (rule.type) {
    case "blocklist":
      return facts.blocklisted.length
        ? { text: `On the blocklist: ${facts.blocklisted.map((entry) => `${entry.type} ${entry.value}`).join(", ")}.` }
        : null
    case "disposable_email":
      return facts.disposable_email && facts.email ? { text: `Disposable e-mail domain (${facts.email.split("@")[1]}).` } : null
    case "high_risk_country": {
      const countries = new Set(rule.countries.map((code) => code.toLowerCase()))
      const hit = [facts.shipping_country, facts.billing_country].find((code) => code && countries.has(code))
      return hit ? { text: `Address in a high-risk country (${hit.toUpperCase()}).` } : null
    }
    case "country_mismatch":
      return facts.shipping_country && facts.billing_country && facts.shipping_country !== facts.billing_country
        ? { text: `Billing country ${facts.billing_country.toUpperCase()} differs from shipping country ${facts.shipping_country.toUpperCase()}.` }
        : null
    case "velocity": {
      const count = facts.velocity[velocityFactKey(rule)] ?? 0
      return count > rule.max_attempts
        ? { text: `${count} checkout attempts by this ${rule.key.replace("_", " ")} in ${rule.window_minutes} minutes (more than ${rule.max_attempts}).` }
        : null
    }
    case "amount_vs_history": {
      const average = facts.history.average_amount
      return facts.history.orders >= rule.min_orders && average && facts.amount > average * rule.multiplier
        ? { text: `${money(facts.amount)} is over ${rule.multiplier}× this customer's average order (${money(Math.round(average))}).` }
        : null
    }
    case "amount_vs_store": {
      const threshold = facts.store.percentiles[String(rule.percentile)]
      return facts.store.samples >= rule.min_samples && threshold !== undefined && facts.amount > threshold
        ? { text: `${money(facts.amount)} is above the store's ${rule.percentile}th percentile order (${money(threshold)}).` }
        : null
    }
    case "first_order_high_value": {
      const over = rule.over[facts.currency_code]
      return facts.history.orders === 0 && over !== undefined && facts.amount > over
        ? { text: `First order, and ${money(facts.amount)} is over ${money(over)}.` }
        : null
    }
    case "failed_payments":
      return facts.failed_payments > rule.max_failures
        ? { text: `${facts.failed_payments} failed payment attempts on this cart (more than ${rule.max_failures}).` }
        : null
    case "external_signal": {
      const signal = facts.external[rule.provider]
      // The provider's 0–100 risk scales the rule's score.
      return signal && signal.score > 0
        ? { text: `${rule.provider}: ${signal.label} (risk ${signal.score}/100).`, score: Math.round((rule.score * signal.score) / 100) }
        : null
    }
  }
}
