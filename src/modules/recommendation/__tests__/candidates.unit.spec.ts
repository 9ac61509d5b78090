import { applyRules, type Candidate, type Rule } from "../candidates"

const candidate = (product_id: string, score: number): Candidate => ({
  product_id,
  score,
  reason: { type: "bought_together", product_id: "prod_anchor", support: 1 },
})

const rule = (product_id: string, action: Rule["action"], position = 0, anchor_product_id: string | null = null): Rule => ({
  list: "bought_together",
  anchor_product_id,
  product_id,
  action,
  position,
})

const ids = (list: Candidate[]) => list.map((c) => c.product_id)

describe("applyRules", () => {
  const model = [candidate("prod_a", 0.9), candidate("prod_b", 0.5), candidate("prod_c", 0.2)]

  it("returns the model's candidates unchanged without rules", () => {
    expect(applyRules(model, [], "prod_anchor")).toEqual(model)
    expect(applyRules(model, [])).toEqual(model)
  })

  it("never recommends the anchor product itself", () => {
    const withAnchor = [candidate("prod_anchor", 1), ...model]
    expect(ids(applyRules(withAnchor, [], "prod_anchor"))).toEqual(["prod_a", "prod_b", "prod_c"])
    expect(ids(applyRules(model, [rule("prod_anchor", "pin")], "prod_anchor"))).toEqual(["prod_a", "prod_b", "prod_c"])
  })

  it("removes excluded products", () => {
    expect(ids(applyRules(model, [rule("prod_b", "exclude")], "prod_anchor"))).toEqual(["prod_a", "prod_c"])
  })

  it("puts pins first in position order, without a score, and lists a pinned candidate once", () => {
    const result = applyRules(model, [rule("prod_x", "pin", 2), rule("prod_c", "pin", 1)], "prod_anchor")
    expect(ids(result)).toEqual(["prod_c", "prod_x", "prod_a", "prod_b"])
    expect(result[0]).toEqual({ product_id: "prod_c", score: null, reason: { type: "pinned" } })
    expect(result[1]).toEqual({ product_id: "prod_x", score: null, reason: { type: "pinned" } })
    expect(result[2]).toBe(model[0])
  })

  it("puts this page's pins before list-wide ones, whatever their positions", () => {
    const rules = [rule("prod_wide", "pin", 0), rule("prod_page", "pin", 5, "prod_anchor")]
    expect(ids(applyRules(model, rules, "prod_anchor"))).toEqual(["prod_page", "prod_wide", "prod_a", "prod_b", "prod_c"])
  })

  it("lets an exclusion win over a pin of the same product", () => {
    const rules = [rule("prod_x", "pin", 0, "prod_anchor"), rule("prod_x", "exclude"), rule("prod_a", "pin", 1), rule("prod_a", "exclude", 0, "prod_anchor")]
    expect(ids(applyRules(model, rules, "prod_anchor"))).toEqual(["prod_b", "prod_c"])
  })

  it("pins a product once when a page rule and a list-wide rule both pin it", () => {
    const rules = [rule("prod_x", "pin", 3), rule("prod_x", "pin", 1, "prod_anchor")]
    expect(ids(applyRules(model, rules, "prod_anchor"))).toEqual(["prod_x", "prod_a", "prod_b", "prod_c"])
  })

  it("works without an anchor (trending, personalized): list-wide rules only", () => {
    const trending: Candidate[] = [
      { product_id: "prod_a", score: 3, reason: { type: "trending" } },
      { product_id: "prod_b", score: 2, reason: { type: "trending" } },
    ]
    const result = applyRules(trending, [rule("prod_b", "pin"), rule("prod_a", "exclude")])
    expect(result).toEqual([{ product_id: "prod_b", score: null, reason: { type: "pinned" } }])
  })

  it("does not change its inputs", () => {
    const input = [...model]
    const rules = [rule("prod_b", "pin", 2), rule("prod_a", "pin", 1)]
    const rulesCopy = rules.map((r) => ({ ...r }))
    applyRules(input, rules, "prod_anchor")
    expect(input).toEqual(model)
    expect(rules).toEqual(rulesCopy)
  })
})
