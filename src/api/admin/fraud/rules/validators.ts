import { defaultCountries } from "@medusajs/framework/utils"
import { z } from "@medusajs/framework/zod"
import type { RuleConfig, RuleSet, RuleType, VelocityKey } from "../../../../modules/fraud/rules/types"
import { ruleSetProblems } from "../../../../modules/fraud/rules/validate"
import { withReadableIssues } from "../../../readable-issues"

/**
 * A whole rule set as `POST /admin/fraud/rules` accepts it: the shape of `RuleSet`
 * (modules/fraud/rules/types.ts) with every value's range. What the shape cannot say (threshold
 * order, unique ids) is the module's `ruleSetProblems`, run last.
 */

const COUNTRY_CODES = new Set(defaultCountries.map((country) => country.alpha2.toLowerCase()))
const RULE_TYPES: RuleType[] = [
  "blocklist",
  "disposable_email",
  "high_risk_country",
  "country_mismatch",
  "velocity",
  "amount_vs_history",
  "amount_vs_store",
  "first_order_high_value",
  "failed_payments",
  "external_signal",
]
const VELOCITY_KEYS: VelocityKey[] = ["email", "customer", "ip", "card_fingerprint", "address"]
/** Velocity attempts are kept for a day (FraudModuleService.pruneAttempts): no window can be longer. */
const MAX_WINDOW_MINUTES = 24 * 60

const whole = (min: number, max: number, unit = "") =>
  z
    .number({ error: "must be a number" })
    .int("must be a whole number")
    .min(min, min === 0 ? "must not be negative" : `must be at least ${min}${unit}`)
    .max(max, `must be at most ${max}${unit}`)

const text = (max: number) => z.string({ error: "must be text" }).trim().min(1, "must not be empty").max(max, `must be at most ${max} characters`)

const country = z
  .string({ error: "must be text" })
  .regex(/^[a-zA-Z]{2}$/, "must be a 2-letter country code")
  .toLowerCase()
  .refine((code) => COUNTRY_CODES.has(code), "is not an ISO 3166-1 alpha-2 country code")

const currency = z.string().regex(/^[a-zA-Z]{3}$/, "must be a 3-letter currency code")

const base = {
  id: z
    .string({ error: "must be text" })
    .regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, "must be 1–64 lowercase letters, digits, _ or -"),
  enabled: z.boolean({ error: "must be true or false" }),
  /** Points added when the rule fires. */
  score: whole(0, 1000),
}

const rule = <T extends RuleType, S extends z.ZodRawShape>(type: T, shape: S) =>
  z.object({ ...base, type: z.literal(type), ...shape }).strict()

const Rule = z.discriminatedUnion(
  "type",
  [
    rule("blocklist", {}),
    rule("disposable_email", {}),
    rule("high_risk_country", { countries: z.array(country, { error: "must be a list" }).max(300, "must have at most 300 entries") }),
    rule("country_mismatch", {}),
    rule("velocity", {
      key: z.enum(VELOCITY_KEYS, { error: `must be one of ${VELOCITY_KEYS.join(", ")}` }),
      window_minutes: whole(1, MAX_WINDOW_MINUTES, " minutes"),
      max_attempts: whole(1, 10_000),
    }),
    rule("amount_vs_history", {
      multiplier: z.number({ error: "must be a number" }).positive("must be above 0").max(1000, "must be at most 1000"),
      min_orders: whole(1, 10_000),
    }),
    rule("amount_vs_store", {
      percentile: z.number({ error: "must be a number" }).min(1, "must be at least 1").max(99.9, "must be at most 99.9"),
      min_samples: whole(1, 1_000_000),
    }),
    rule("first_order_high_value", {
      /** Minor units per currency: `{ "eur": 50000 }` is €500. */
      over: z
        .record(currency, whole(0, 1_000_000_000), { error: "must map currency codes to amounts" })
        .transform((over) => Object.fromEntries(Object.entries(over).map(([code, amount]) => [code.toLowerCase(), amount]))),
    }),
    rule("failed_payments", { max_failures: whole(0, 1000) }),
    rule("external_signal", { provider: text(100) }),
  ],
  { error: `must be one of ${RULE_TYPES.join(", ")}` }
)

export const AdminSaveFraudRules = withReadableIssues(
  z
    .object({
      review_threshold: whole(0, 100_000),
      reject_threshold: whole(1, 100_000),
      rules: z.array(Rule, { error: "must be a list" }).max(100, "must have at most 100 rules"),
    })
    // Extra keys (version, created_by… as GET returns them) are dropped: the whole document can be sent back.
    .superRefine((ruleSet, ctx) => {
      for (const problem of ruleSetProblems(ruleSet as RuleSet)) ctx.addIssue({ code: "custom", message: problem })
    })
    .transform((ruleSet): RuleSet => ({ ...ruleSet, rules: ruleSet.rules as RuleConfig[] }))
)

export type AdminSaveFraudRulesType = z.infer<typeof AdminSaveFraudRules>
