import type { RuleConfig } from "./types"

/** The key under which a velocity rule's count is looked up in CheckoutFacts.velocity. */
export function velocityFactKey(rule: Extract<RuleConfig, { type: "velocity" }>): string {
  return `${rule.key}:${rule.window_minutes}`
}
