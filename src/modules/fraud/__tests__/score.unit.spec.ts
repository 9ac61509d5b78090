import { DEFAULT_RULE_SET } from "../rules/defaults"
import { scoreCheckout } from "../rules/score"
import type { CheckoutFacts, RuleConfig, RuleSet } from "../rules/types"
import { ruleSetProblems } from "../rules/validate"

/** A checkout no rule has anything against: first-time EUR order of €40, all in Germany. */
const facts = (overrides: Partial<CheckoutFacts> = {}): CheckoutFacts => ({
  cart_id: "cart_1",
  email: "ada@example.com",
  customer_id: null,
  ip: "203.0.113.7",
  card_fingerprint: null,
  address_key: "de|10115|hauptstrasse 5",
  shipping_country: "de",
  billing_country: "de",
  amount: 4000,
  currency_code: "eur",
  velocity: {},
  history: { orders: 0, average_amount: null },
  store: { samples: 0, percentiles: {} },
  failed_payments: 0,
  blocklisted: [],
  disposable_email: false,
  external: {},
  ...overrides,
})

/** One rule, thresholds far away so a single rule's decision is "approve" unless said otherwise. */
const only = (rule: RuleConfig, thresholds: Partial<Pick<RuleSet, "review_threshold" | "reject_threshold">> = {}): RuleSet => ({
  review_threshold: 1000,
  reject_threshold: 2000,
  ...thresholds,
  rules: [rule],
})

describe("scoreCheckout", () => {
  it("gives a clean checkout 0 points under the defaults, and approves it", () => {
    expect(scoreCheckout(DEFAULT_RULE_SET, facts())).toEqual({ score: 0, decision: "approve", reasons: [] })
  })

  describe("blocklist", () => {
    const rule: RuleConfig = { id: "bl", type: "blocklist", enabled: true, score: 100 }

    it("fires with every matching entry named", () => {
      const scored = scoreCheckout(
        only(rule),
        facts({ blocklisted: [{ type: "email", value: "ada@example.com" }, { type: "ip", value: "203.0.113.0/24" }] })
      )
      expect(scored.reasons).toEqual([
        { rule_id: "bl", type: "blocklist", score: 100, reason: "On the blocklist: email ada@example.com, ip 203.0.113.0/24." },
      ])
      expect(scored.score).toBe(100)
    })

    it("does not fire without a match", () => {
      expect(scoreCheckout(only(rule), facts()).reasons).toEqual([])
    })
  })

  describe("disposable_email", () => {
    const rule: RuleConfig = { id: "de", type: "disposable_email", enabled: true, score: 25 }

    it("fires on a disposable domain and names it", () => {
      const scored = scoreCheckout(only(rule), facts({ email: "ada@mailinator.com", disposable_email: true }))
      expect(scored.reasons).toEqual([
        { rule_id: "de", type: "disposable_email", score: 25, reason: "Disposable e-mail domain (mailinator.com)." },
      ])
    })

    it("does not fire on an ordinary domain, nor without an e-mail", () => {
      expect(scoreCheckout(only(rule), facts()).score).toBe(0)
      expect(scoreCheckout(only(rule), facts({ email: null, disposable_email: true })).score).toBe(0)
    })
  })

  describe("high_risk_country", () => {
    const rule: RuleConfig = { id: "hrc", type: "high_risk_country", enabled: true, score: 30, countries: ["NG", "xx"] }

    it("fires on the shipping country, whatever the case of the configured code", () => {
      const scored = scoreCheckout(only(rule), facts({ shipping_country: "ng", billing_country: "de" }))
      expect(scored.reasons).toEqual([
        { rule_id: "hrc", type: "high_risk_country", score: 30, reason: "Address in a high-risk country (NG)." },
      ])
    })

    it("fires on the billing country", () => {
      const scored = scoreCheckout(only(rule), facts({ shipping_country: "de", billing_country: "xx" }))
      expect(scored.reasons.map((r) => r.reason)).toEqual(["Address in a high-risk country (XX)."])
    })

    it("does not fire elsewhere, nor with an empty list", () => {
      expect(scoreCheckout(only(rule), facts()).score).toBe(0)
      expect(scoreCheckout(only({ ...rule, countries: [] }), facts({ shipping_country: "ng" })).score).toBe(0)
    })
  })

  describe("country_mismatch", () => {
    const rule: RuleConfig = { id: "cm", type: "country_mismatch", enabled: true, score: 15 }

    it("fires when billing and shipping countries differ", () => {
      const scored = scoreCheckout(only(rule), facts({ shipping_country: "de", billing_country: "fr" }))
      expect(scored.reasons).toEqual([
        { rule_id: "cm", type: "country_mismatch", score: 15, reason: "Billing country FR differs from shipping country DE." },
      ])
    })

    it("does not fire when they agree or one is unknown", () => {
      expect(scoreCheckout(only(rule), facts()).score).toBe(0)
      expect(scoreCheckout(only(rule), facts({ billing_country: null })).score).toBe(0)
      expect(scoreCheckout(only(rule), facts({ shipping_country: null, billing_country: "fr" })).score).toBe(0)
    })
  })

  describe("velocity", () => {
    const rule: RuleConfig = { id: "burst", type: "velocity", enabled: true, score: 30, key: "email", window_minutes: 10, max_attempts: 3 }

    it("does not fire at exactly max_attempts", () => {
      expect(scoreCheckout(only(rule), facts({ velocity: { "email:10": 3 } })).reasons).toEqual([])
    })

    it("fires at one more", () => {
      expect(scoreCheckout(only(rule), facts({ velocity: { "email:10": 4 } })).reasons).toEqual([
        { rule_id: "burst", type: "velocity", score: 30, reason: "4 checkout attempts by this email in 10 minutes (more than 3)." },
      ])
    })

    it("reads the count of its own key and window only, and says the key in words", () => {
      const card: RuleConfig = { id: "card", type: "velocity", enabled: true, score: 30, key: "card_fingerprint", window_minutes: 60, max_attempts: 4 }
      expect(scoreCheckout(only(card), facts({ velocity: { "card_fingerprint:10": 9, "email:60": 9 } })).score).toBe(0)
      expect(scoreCheckout(only(card), facts({ velocity: { "card_fingerprint:60": 5 } })).reasons[0].reason).toBe(
        "5 checkout attempts by this card fingerprint in 60 minutes (more than 4)."
      )
    })

    it("does not fire when the key was not counted (no e-mail, private IP…)", () => {
      expect(scoreCheckout(only(rule), facts({ velocity: {} })).score).toBe(0)
    })
  })

  describe("amount_vs_history", () => {
    const rule: RuleConfig = { id: "avh", type: "amount_vs_history", enabled: true, score: 20, multiplier: 5, min_orders: 2 }

    it("fires above multiplier × the average with at least min_orders orders", () => {
      const scored = scoreCheckout(only(rule), facts({ amount: 5001, history: { orders: 2, average_amount: 1000 } }))
      expect(scored.reasons).toEqual([
        { rule_id: "avh", type: "amount_vs_history", score: 20, reason: "50.01 EUR is over 5× this customer's average order (10 EUR)." },
      ])
    })

    it("does not fire at exactly multiplier × the average", () => {
      expect(scoreCheckout(only(rule), facts({ amount: 5000, history: { orders: 2, average_amount: 1000 } })).score).toBe(0)
    })

    it("does not fire with fewer than min_orders orders, however large the amount", () => {
      expect(scoreCheckout(only(rule), facts({ amount: 1_000_000, history: { orders: 1, average_amount: 1000 } })).score).toBe(0)
      expect(scoreCheckout(only(rule), facts({ amount: 1_000_000, history: { orders: 0, average_amount: null } })).score).toBe(0)
    })

    it("rounds the average shown to whole minor units", () => {
      const scored = scoreCheckout(only(rule), facts({ amount: 10_000, history: { orders: 3, average_amount: 1234.6 } }))
      expect(scored.reasons[0].reason).toBe("100 EUR is over 5× this customer's average order (12.35 EUR).")
    })
  })

  describe("amount_vs_store", () => {
    const rule: RuleConfig = { id: "avs", type: "amount_vs_store", enabled: true, score: 20, percentile: 99, min_samples: 50 }
    const store = (samples: number) => ({ samples, percentiles: { "99": 20_000 } })

    it("fires above the percentile once there are min_samples orders", () => {
      const scored = scoreCheckout(only(rule), facts({ amount: 20_001, store: store(50) }))
      expect(scored.reasons).toEqual([
        { rule_id: "avs", type: "amount_vs_store", score: 20, reason: "200.01 EUR is above the store's 99th percentile order (200 EUR)." },
      ])
    })

    it("does not fire at the percentile itself", () => {
      expect(scoreCheckout(only(rule), facts({ amount: 20_000, store: store(50) })).score).toBe(0)
    })

    it("does not fire with one sample fewer than min_samples", () => {
      expect(scoreCheckout(only(rule), facts({ amount: 1_000_000, store: store(49) })).score).toBe(0)
    })

    it("does not fire when its percentile was not computed", () => {
      expect(scoreCheckout(only(rule), facts({ amount: 1_000_000, store: { samples: 500, percentiles: { "95": 100 } } })).score).toBe(0)
    })
  })

  describe("first_order_high_value", () => {
    const rule: RuleConfig = { id: "fohv", type: "first_order_high_value", enabled: true, score: 25, over: { eur: 50_000, jpy: 50_000 } }

    it("fires on a first order over the currency's limit", () => {
      expect(scoreCheckout(only(rule), facts({ amount: 50_001 })).reasons).toEqual([
        { rule_id: "fohv", type: "first_order_high_value", score: 25, reason: "First order, and 500.01 EUR is over 500 EUR." },
      ])
    })

    it("does not fire at the limit itself, nor for a returning customer", () => {
      expect(scoreCheckout(only(rule), facts({ amount: 50_000 })).score).toBe(0)
      expect(scoreCheckout(only(rule), facts({ amount: 90_000, history: { orders: 1, average_amount: 90_000 } })).score).toBe(0)
    })

    it("uses each currency's own limit and minor units, and ignores currencies without one", () => {
      expect(scoreCheckout(only(rule), facts({ currency_code: "jpy", amount: 60_000 })).reasons[0].reason).toBe(
        "First order, and 60000 JPY is over 50000 JPY."
      )
      expect(scoreCheckout(only(rule), facts({ currency_code: "jpy", amount: 50_000 })).score).toBe(0)
      expect(scoreCheckout(only(rule), facts({ currency_code: "usd", amount: 10_000_000 })).score).toBe(0)
    })
  })

  describe("failed_payments", () => {
    const rule: RuleConfig = { id: "fp", type: "failed_payments", enabled: true, score: 30, max_failures: 2 }

    it("does not fire at exactly max_failures, fires at one more", () => {
      expect(scoreCheckout(only(rule), facts({ failed_payments: 2 })).score).toBe(0)
      expect(scoreCheckout(only(rule), facts({ failed_payments: 3 })).reasons).toEqual([
        { rule_id: "fp", type: "failed_payments", score: 30, reason: "3 failed payment attempts on this cart (more than 2)." },
      ])
    })
  })

  describe("external_signal", () => {
    const rule: RuleConfig = { id: "radar", type: "external_signal", enabled: true, score: 60, provider: "stripe_radar" }
    const signal = (score: number) => ({ external: { stripe_radar: { score, label: "elevated" } } })

    it("scales the rule's score by the provider's 0–100 risk", () => {
      expect(scoreCheckout(only(rule), facts(signal(50))).reasons).toEqual([
        { rule_id: "radar", type: "external_signal", score: 30, reason: "stripe_radar: elevated (risk 50/100)." },
      ])
      expect(scoreCheckout(only(rule), facts(signal(100))).score).toBe(60)
      expect(scoreCheckout(only(rule), facts(signal(75))).score).toBe(45)
      // 60 × 33 / 100 = 19.8, rounded
      expect(scoreCheckout(only(rule), facts(signal(33))).score).toBe(20)
      expect(scoreCheckout(only(rule), facts(signal(1))).score).toBe(1)
    })

    it("does not fire at risk 0, nor on another provider's signal", () => {
      expect(scoreCheckout(only(rule), facts(signal(0))).reasons).toEqual([])
      expect(scoreCheckout(only(rule), facts({ external: { sift: { score: 99, label: "high" } } })).reasons).toEqual([])
    })
  })

  it("skips disabled rules whatever the facts", () => {
    const ruleSet: RuleSet = {
      review_threshold: 50,
      reject_threshold: 90,
      rules: DEFAULT_RULE_SET.rules.map((rule) => ({ ...rule, enabled: false })),
    }
    const everything = facts({
      email: "x@mailinator.com",
      disposable_email: true,
      blocklisted: [{ type: "email", value: "x@mailinator.com" }],
      billing_country: "fr",
      velocity: { "email:10": 99, "email:60": 99, "ip:10": 99 },
      amount: 9_999_999,
      failed_payments: 9,
      external: { stripe_radar: { score: 100, label: "highest" } },
    })
    expect(scoreCheckout(ruleSet, everything)).toEqual({ score: 0, decision: "approve", reasons: [] })
    // The same facts under the enabled defaults do fire.
    expect(scoreCheckout(DEFAULT_RULE_SET, everything).decision).toBe("reject")
  })

  it("adds the scores of every rule that fires, reasons in rule order", () => {
    const ruleSet: RuleSet = {
      review_threshold: 50,
      reject_threshold: 90,
      rules: [
        { id: "cm", type: "country_mismatch", enabled: true, score: 15 },
        { id: "de", type: "disposable_email", enabled: true, score: 25 },
        { id: "radar", type: "external_signal", enabled: true, score: 60, provider: "stripe_radar" },
      ],
    }
    const scored = scoreCheckout(
      ruleSet,
      facts({ billing_country: "fr", email: "a@mailinator.com", disposable_email: true, external: { stripe_radar: { score: 50, label: "elevated" } } })
    )
    expect(scored.reasons.map((r) => [r.rule_id, r.score])).toEqual([["cm", 15], ["de", 25], ["radar", 30]])
    expect(scored).toMatchObject({ score: 70, decision: "review" })
  })

  describe("decision at the thresholds", () => {
    const withScore = (score: number): RuleSet => ({
      review_threshold: 50,
      reject_threshold: 90,
      rules: [{ id: "fp", type: "failed_payments", enabled: true, score, max_failures: 0 }],
    })
    it.each([
      [0, "approve"],
      [49, "approve"],
      [50, "review"],
      [89, "review"],
      [90, "reject"],
      [150, "reject"],
    ])("score %i → %s", (score, decision) => {
      expect(scoreCheckout(withScore(score), facts({ failed_payments: 1 }))).toMatchObject({ score, decision })
    })
  })
})

describe("ruleSetProblems", () => {
  it("finds nothing wrong with the defaults", () => {
    expect(ruleSetProblems(DEFAULT_RULE_SET)).toEqual([])
  })

  it("wants review strictly below reject", () => {
    expect(ruleSetProblems({ ...DEFAULT_RULE_SET, review_threshold: 90, reject_threshold: 90 })).toEqual([
      "review_threshold (90) must be below reject_threshold (90).",
    ])
    expect(ruleSetProblems({ ...DEFAULT_RULE_SET, review_threshold: 95, reject_threshold: 90 })).toEqual([
      "review_threshold (95) must be below reject_threshold (90).",
    ])
  })

  it("names an id used twice once, and every negative score", () => {
    const rules: RuleConfig[] = [
      { id: "a", type: "blocklist", enabled: true, score: 100 },
      { id: "a", type: "disposable_email", enabled: true, score: -5 },
      { id: "a", type: "country_mismatch", enabled: false, score: 0 },
      { id: "b", type: "failed_payments", enabled: true, score: -1, max_failures: 2 },
    ]
    expect(ruleSetProblems({ review_threshold: 50, reject_threshold: 90, rules })).toEqual([
      'Rule id "a" is used twice.',
      'Rule "a": score must not be negative (got -5).',
      'Rule "b": score must not be negative (got -1).',
    ])
  })
})
