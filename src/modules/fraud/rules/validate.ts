import type { RuleSet } from "./types"

/** What zod cannot say about a rule set: threshold order, unique ids. Empty when sound. */
export function ruleSetProblems(ruleSet: RuleSet): string[] {
  const problems: string[] = []
  if (ruleSet.review_threshold >= ruleSet.reject_threshold) {
    problems.push(
      `review_threshold (${ruleSet.review_threshold}) must be below reject_threshold (${ruleSet.reject_threshold}).`
    )
  }
  const ids = ruleSet.rules.map((rule) => rule.id)
  for (const id of new Set(ids.filter((id, index) => ids.indexOf(id) !== index))) {
    problems.push(`Rule id "${id}" is used twice.`)
  }
  for (const rule of ruleSet.rules) {
    if (rule.score < 0) {
      problems.push(`Rule "${rule.id}": score must not be negative (got ${rule.score}).`)
    }
  }
  return problems
}
