import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { DEFAULT_RULE_SET } from "../../../src/modules/fraud/rules/defaults"
import type { RuleConfig, RuleSet } from "../../../src/modules/fraud/rules/types"
import { REJECTED_MESSAGE } from "../../../src/workflows/fraud/assess-checkout"
import { expectClientError } from "../../helpers/bad-inputs"
import { prepareCart, shippingAddress, shopperHeaders, type Buyer, type StoreOrder } from "../../helpers/cart"
import { signUp } from "../../helpers/customer"
import { attempt, ok, uniqueSuffix, type Api, type HttpResult } from "../../helpers/http"
import { levelAtLocation } from "../../helpers/inventory"
import { SYSTEM_PAYMENT_PROVIDER } from "../../helpers/region"
import { seedStore, type StoreFixture } from "../../helpers/store-fixture"

jest.setTimeout(180_000)
// Velocity windows in PostgreSQL (fraud_attempt), restored with the database before every test.
delete process.env.REDIS_URL

type Reason = { rule_id: string; type: string; score: number; reason: string }
type Assessment = {
  id: string
  cart_id: string
  order_id: string | null
  email: string | null
  ip: string | null
  amount: number
  currency_code: string
  score: number
  decision: "approve" | "review" | "reject"
  reasons: Reason[]
  rule_set_version: number
  review_status: "pending" | "approved" | "rejected" | null
  reviewed_by: string | null
  reviewed_at: string | null
  review_note: string | null
  created_at: string
  order: { id: string; display_id: number; email: string; total: number; currency_code: string; created_at: string; status: string } | null
}
type ReviewPage = { reviews: Assessment[]; count: number; limit: number; offset: number }
type BlocklistEntry = { id: string; type: string; value: string; reason: string | null; created_by: string | null; created_at: string }
type RulesDocument = {
  rule_set: RuleSet & { version: number; created_by: string | null; created_at: string }
  versions: { version: number; created_by: string | null; created_at: string }[]
}
type AdminOrder = {
  id: string
  status: string
  payment_status: string
  payment_collections: { payments: { id: string; captured_at: string | null; canceled_at: string | null }[] }[]
}
type FraudEvent = { name: string; data: Record<string, unknown> }

medusaIntegrationTestRunner({
  testSuite: ({ api: rawApi, getContainer, utils }) => {
    const api = rawApi as Api
    let f: StoreFixture
    const events: FraudEvent[] = []

    beforeAll(async () => {
      f = await seedStore(getContainer(), api)
      await utils.waitWorkflowExecutions()
      const eventBus = getContainer().resolve(Modules.EVENT_BUS)
      for (const name of ["fraud.assessment.created", "fraud.order.flagged", "fraud.order.rejected"]) {
        eventBus.subscribe(name, async (event) => void events.push({ name, data: event.data as Record<string, unknown> }), {
          subscriberId: `test-${name}`,
        })
      }
    })
    beforeEach(() => {
      events.length = 0
    })

    const admin = () => f.admin.headers
    const shirt = () => f.product.variants[0]
    const guest = (name = "guest"): Buyer => ({ email: `${name}-${uniqueSuffix()}@shopper.test` })
    const reserved = async () => (await levelAtLocation(api, f, shirt().inventoryItemId))!.reserved_quantity

    /** A cart ready to complete (one shirt, shipping, a system-provider payment session); billing elsewhere when asked. */
    async function readyCart(buyer: Buyer, billingCountry?: string): Promise<string> {
      const headers = shopperHeaders(f, buyer)
      const cart = await prepareCart(api, f, buyer, [{ variantId: shirt().id, quantity: 1 }])
      if (billingCountry) {
        await ok(api.post(`/store/carts/${cart.id}`, { billing_address: shippingAddress(billingCountry) }, headers))
      }
      const { payment_collection } = await ok<{ payment_collection: { id: string } }>(
        api.post("/store/payment-collections", { cart_id: cart.id }, headers)
      )
      await ok(api.post(`/store/payment-collections/${payment_collection.id}/payment-sessions`, { provider_id: SYSTEM_PAYMENT_PROVIDER }, headers))
      return cart.id
    }

    /** `POST /store/carts/:id/complete`; `baseURL` to connect to another address of the server. */
    const complete = (cartId: string, buyer: Buyer, baseURL?: string) =>
      attempt<{ type: string; order?: StoreOrder }>(
        api.post(`/store/carts/${cartId}/complete`, {}, { ...shopperHeaders(f, buyer), ...(baseURL ? { baseURL } : {}) })
      )

    async function placeOrder(buyer: Buyer, billingCountry?: string): Promise<{ cartId: string; order: StoreOrder }> {
      const cartId = await readyCart(buyer, billingCountry)
      const completed = await complete(cartId, buyer)
      expect({ status: completed.status, type: completed.data.type }).toEqual({ status: 200, type: "order" })
      return { cartId, order: completed.data.order! }
    }

    /** A refused checkout: the generic 400, whatever fired. */
    function expectRejected(result: HttpResult) {
      expect(result.status).toBe(400)
      expect(result.data.message).toBe(REJECTED_MESSAGE)
    }

    const assessmentsOf = async (key: "order_id" | "cart_id", id: string) =>
      (await ok<{ assessments: Assessment[] }>(api.get(`/admin/fraud/assessments?${key}=${id}`, admin()))).assessments
    const reviews = async (status = "pending") =>
      ok<ReviewPage>(api.get(`/admin/fraud/reviews?status=${status}&limit=100`, admin()))
    const adminOrder = async (id: string) =>
      (
        await ok<{ order: AdminOrder }>(
          api.get(
            `/admin/orders/${id}?fields=id,status,payment_status,payment_collections.payments.id,payment_collections.payments.captured_at,payment_collections.payments.canceled_at`,
            admin()
          )
        )
      ).order
    const orderCount = async () => (await ok<{ count: number }>(api.get("/admin/orders?limit=1&fields=id", admin()))).count

    /** The cart as Medusa keeps it: completion time and what happened to its payment. */
    async function cartState(cartId: string) {
      const { data } = await getContainer()
        .resolve(ContainerRegistrationKeys.QUERY)
        .graph({
          entity: "cart",
          fields: ["id", "completed_at", "payment_collection.payment_sessions.status", "payment_collection.payments.id", "payment_collection.payments.captured_at"],
          filters: { id: cartId },
        })
      const cart = data[0] as {
        completed_at: string | null
        payment_collection: { payment_sessions: { status: string }[]; payments: { id: string; captured_at: string | null }[] }
      }
      return {
        completed: !!cart.completed_at,
        sessions: cart.payment_collection.payment_sessions.map((s) => s.status),
        payments: cart.payment_collection.payments.length,
      }
    }

    /** The defaults with some rules replaced (by id) or added; thresholds kept unless given. */
    function rulesWith(changes: RuleConfig[], thresholds: Partial<Pick<RuleSet, "review_threshold" | "reject_threshold">> = {}): RuleSet {
      const byId = new Map(changes.map((rule) => [rule.id, rule]))
      const rules = DEFAULT_RULE_SET.rules.map((rule) => byId.get(rule.id) ?? rule)
      const added = changes.filter((rule) => !DEFAULT_RULE_SET.rules.some((existing) => existing.id === rule.id))
      return { ...DEFAULT_RULE_SET, ...thresholds, rules: [...rules, ...added] }
    }
    const saveRules = (ruleSet: RuleSet) => ok<RulesDocument>(api.post("/admin/fraud/rules", ruleSet, admin()))
    /** Every checkout shipping to Germany (the fixture's country) scores `score` for "high-risk country". */
    const germanyScores = (score: number) =>
      saveRules(rulesWith([{ id: "high_risk_country", type: "high_risk_country", enabled: true, score, countries: ["DE"] }]))

    /** Subscribers run after the request answered: wait (bounded) for an event. */
    async function eventually(check: () => boolean) {
      for (let i = 0; i < 40 && !check(); i++) {
        await utils.waitWorkflowExecutions()
        await new Promise((resolve) => setTimeout(resolve, 100))
      }
    }

    describe("fraud scoring at checkout", () => {
      // First test of the file: nothing has loaded the rules yet, so they are the defaults, version 1.
      it("a normal customer's order is placed and approved, with its score, reasons and the default rules' version", async () => {
        const shopper = await signUp(api, f.storefront.publishableKey)
        const { cartId, order } = await placeOrder(shopper, "fr")

        const [assessment] = await assessmentsOf("order_id", order.id)
        expect(assessment).toMatchObject({
          cart_id: cartId,
          order_id: order.id,
          email: shopper.email,
          decision: "approve",
          score: 15,
          reasons: [{ rule_id: "country_mismatch", type: "country_mismatch", score: 15, reason: "Billing country FR differs from shipping country DE." }],
          rule_set_version: 1,
          review_status: null,
          amount: order.total * 100,
          currency_code: "eur",
          order: { id: order.id, display_id: order.display_id, status: "pending" },
        })
        expect(assessment.ip).toMatch(/^(::ffff:)?127\.0\.0\.1$|^::1$/)
        expect(await assessmentsOf("cart_id", cartId)).toEqual([expect.objectContaining({ id: assessment.id })])
        expect((await reviews("all")).reviews).toEqual([])

        const rules = await ok<RulesDocument>(api.get("/admin/fraud/rules", admin()))
        expect(rules.rule_set).toMatchObject({ ...DEFAULT_RULE_SET, version: 1, created_by: null })
        expect(rules.versions).toEqual([expect.objectContaining({ version: 1, created_by: null })])

        await eventually(() => events.some((e) => e.name === "fraud.assessment.created"))
        expect(events).toContainEqual({
          name: "fraud.assessment.created",
          data: { id: assessment.id, cart_id: cartId, decision: "approve", score: 15 },
        })
      })

      it("a burst of checkouts by one e-mail goes to review, then is refused with nothing ordered, reserved or captured", async () => {
        // Third checkout in 10 minutes: 50 (review); fourth: 50 + 40 = 90 (reject).
        await saveRules(
          rulesWith([
            { id: "email_burst", type: "velocity", enabled: true, score: 50, key: "email", window_minutes: 10, max_attempts: 2 },
            { id: "email_hourly", type: "velocity", enabled: true, score: 40, key: "email", window_minutes: 60, max_attempts: 3 },
          ])
        )
        const buyer = guest("burst")
        const first = await placeOrder(buyer)
        const second = await placeOrder(buyer)
        for (const { order } of [first, second]) {
          expect((await assessmentsOf("order_id", order.id))[0]).toMatchObject({ decision: "approve", score: 0 })
        }

        const flagged = await placeOrder(buyer)
        const [review] = await assessmentsOf("order_id", flagged.order.id)
        expect(review).toMatchObject({ decision: "review", score: 50, review_status: "pending", rule_set_version: 2 })
        expect(review.reasons).toEqual([
          expect.objectContaining({ rule_id: "email_burst", score: 50, reason: "3 checkout attempts by this email in 10 minutes (more than 2)." }),
        ])
        const placed = await adminOrder(flagged.order.id)
        expect(placed.payment_status).toBe("authorized")
        expect(placed.payment_collections[0].payments).toEqual([expect.objectContaining({ captured_at: null })])
        const queue = await reviews()
        expect(queue.count).toBe(1)
        expect(queue.reviews).toEqual([
          expect.objectContaining({
            id: review.id,
            order: expect.objectContaining({ id: flagged.order.id, display_id: flagged.order.display_id, email: buyer.email, total: flagged.order.total, currency_code: "eur" }),
          }),
        ])
        await eventually(() => events.some((e) => e.name === "fraud.order.flagged"))
        expect(events).toContainEqual({ name: "fraud.order.flagged", data: { id: review.id, order_id: flagged.order.id, score: 50, decision: "review", reasons: expect.arrayContaining([expect.any(String)]) } })

        const ordersBefore = await orderCount()
        const reservedBefore = await reserved()
        const cartId = await readyCart(buyer)
        expectRejected(await complete(cartId, buyer))

        expect(await orderCount()).toBe(ordersBefore)
        expect(await reserved()).toBe(reservedBefore)
        expect(await cartState(cartId)).toEqual({ completed: false, sessions: ["pending"], payments: 0 })
        const [refused] = await assessmentsOf("cart_id", cartId)
        expect(refused).toMatchObject({ decision: "reject", score: 90, order_id: null, review_status: null, order: null })
        expect(refused.reasons.map((r) => r.rule_id)).toEqual(["email_burst", "email_hourly"])
        await eventually(() => events.some((e) => e.name === "fraud.order.rejected"))
        expect(events).toContainEqual({
          name: "fraud.order.rejected",
          data: { id: refused.id, cart_id: cartId, decision: "reject", score: 90, order_id: null },
        })
      })

      it("a blocklisted e-mail is refused before anything is reserved, authorized or captured", async () => {
        const buyer = guest("blocked")
        const listed = await ok<{ blocklist_entry: BlocklistEntry; created: boolean }>(
          api.post("/admin/fraud/blocklist", { type: "email", value: `  ${buyer.email.toUpperCase()} `, reason: "chargebacks" }, admin())
        )
        expect(listed).toMatchObject({ created: true, blocklist_entry: { type: "email", value: buyer.email, reason: "chargebacks", created_by: f.admin.user.id } })

        const reservedBefore = await reserved()
        const cartId = await readyCart(buyer)
        expectRejected(await complete(cartId, buyer))

        expect(await reserved()).toBe(reservedBefore)
        expect(await cartState(cartId)).toEqual({ completed: false, sessions: ["pending"], payments: 0 })
        const [refused] = await assessmentsOf("cart_id", cartId)
        expect(refused).toMatchObject({ decision: "reject", score: 100, order_id: null })
        expect(refused.reasons).toEqual([expect.objectContaining({ rule_id: "blocklist", reason: `On the blocklist: email ${buyer.email}.` })])

        // Someone else still checks out.
        await placeOrder(guest("other"))
      })
    })

    describe("the review queue", () => {
      it("approving a review captures the authorized payment and records who decided; a second decision is a 409", async () => {
        await germanyScores(60)
        const buyer = guest("approve")
        const { order } = await placeOrder(buyer)
        expect((await adminOrder(order.id)).payment_status).toBe("authorized")

        const approved = await attempt<{ assessment: Assessment }>(
          api.post(`/admin/fraud/reviews/${order.id}/approve`, { note: "Called the customer" }, admin())
        )
        expect(approved.status).toBe(200)
        expect(approved.data.assessment).toMatchObject({
          order_id: order.id,
          decision: "review",
          review_status: "approved",
          reviewed_by: f.admin.user.id,
          review_note: "Called the customer",
          order: { id: order.id, status: "pending" },
        })
        expect(Date.now() - new Date(approved.data.assessment.reviewed_at!).getTime()).toBeLessThan(60_000)

        const captured = await adminOrder(order.id)
        expect(captured.payment_status).toBe("captured")
        expect(captured.payment_collections[0].payments).toEqual([expect.objectContaining({ captured_at: expect.any(String) })])
        expect((await reviews()).reviews).toEqual([])
        expect((await reviews("approved")).reviews.map((r) => r.order_id)).toEqual([order.id])

        for (const decision of ["approve", "reject"]) {
          const again = await attempt(api.post(`/admin/fraud/reviews/${order.id}/${decision}`, {}, admin()))
          expect(again.status).toBe(409)
          expect(again.data.message).toBe(`The review of order ${order.id} was already approved by ${f.admin.user.id}.`)
        }
        expect((await adminOrder(order.id)).status).toBe("pending")

        const unknown = await attempt(api.post("/admin/fraud/reviews/order_01UNKNOWN0000000000000000/approve", {}, admin()))
        expect(unknown.status).toBe(404)
        expect(unknown.data.message).toMatch(/No fraud review for order/)
      })

      it("rejecting a review cancels the order, releases its stock, voids the payment and blocklists the e-mail for the next checkout", async () => {
        await germanyScores(60)
        const buyer = guest("reject")
        const reservedBefore = await reserved()
        const { order } = await placeOrder(buyer)
        expect(await reserved()).toBe(reservedBefore + 1)
        const [review] = await assessmentsOf("order_id", order.id)

        const badBody = await attempt(api.post(`/admin/fraud/reviews/${order.id}/reject`, { blocklist: ["email", "phone"] }, admin()))
        expectClientError(badBody, "reject with an unknown blocklist type")
        expect(badBody.data.message).toContain("blocklist[1] must be one of email, ip, card_fingerprint, address")

        const rejected = await attempt<{ assessment: Assessment }>(
          api.post(`/admin/fraud/reviews/${order.id}/reject`, { note: "Stolen card", blocklist: ["email"] }, admin())
        )
        expect(rejected.status).toBe(200)
        expect(rejected.data.assessment).toMatchObject({
          id: review.id,
          review_status: "rejected",
          reviewed_by: f.admin.user.id,
          review_note: "Stolen card",
          order: { id: order.id, status: "canceled" },
        })

        const canceled = await adminOrder(order.id)
        expect(canceled.status).toBe("canceled")
        expect(canceled.payment_collections[0].payments).toEqual([expect.objectContaining({ captured_at: null, canceled_at: expect.any(String) })])
        expect(await reserved()).toBe(reservedBefore)
        expect((await reviews("rejected")).reviews.map((r) => r.id)).toEqual([review.id])

        const { blocklist } = await ok<{ blocklist: BlocklistEntry[] }>(api.get("/admin/fraud/blocklist", admin()))
        expect(blocklist).toEqual([
          expect.objectContaining({ type: "email", value: buyer.email, created_by: f.admin.user.id, reason: `Review of order ${order.id} rejected.` }),
        ])
        await eventually(() => events.some((e) => e.name === "fraud.order.rejected"))
        expect(events).toContainEqual({ name: "fraud.order.rejected", data: { id: review.id, order_id: order.id } })

        const next = await readyCart(buyer)
        expectRejected(await complete(next, buyer))
        expect(await reserved()).toBe(reservedBefore)
      })

      it("a rejection that cannot cancel the order (already fulfilled) changes nothing: still pending, nothing blocklisted", async () => {
        await germanyScores(60)
        const buyer = guest("fulfilled")
        const { order } = await placeOrder(buyer)
        const { order: detailed } = await ok<{ order: { items: { id: string; quantity: number }[] } }>(
          api.get(`/admin/orders/${order.id}?fields=*items`, admin())
        )
        const items = detailed.items.map((i) => ({ id: i.id, quantity: i.quantity }))
        await ok(api.post(`/admin/orders/${order.id}/fulfillments`, { items, location_id: f.shipping.stockLocation.id }, admin()))

        const refused = await attempt(api.post(`/admin/fraud/reviews/${order.id}/reject`, { blocklist: ["email"] }, admin()))
        expectClientError(refused, "rejecting a fulfilled order")
        expect(refused.data.message).toContain("fulfillments must be canceled")
        expect((await assessmentsOf("order_id", order.id))[0]).toMatchObject({ review_status: "pending", reviewed_by: null, reviewed_at: null })
        expect((await ok<{ count: number }>(api.get("/admin/fraud/blocklist", admin()))).count).toBe(0)
        expect((await adminOrder(order.id)).status).not.toBe("canceled")
        expect(events.filter((e) => e.name === "fraud.order.rejected")).toEqual([])
      })

      it("the review list pages newest first and refuses an unknown status", async () => {
        await germanyScores(60)
        const orders: string[] = []
        for (let i = 0; i < 3; i++) orders.push((await placeOrder(guest(`page${i}`))).order.id)

        const firstPage = await ok<ReviewPage>(api.get("/admin/fraud/reviews?limit=2", admin()))
        expect(firstPage).toMatchObject({ count: 3, limit: 2, offset: 0 })
        expect(firstPage.reviews.map((r) => r.order_id)).toEqual([orders[2], orders[1]])
        const secondPage = await ok<ReviewPage>(api.get("/admin/fraud/reviews?limit=2&offset=2", admin()))
        expect(secondPage.reviews.map((r) => r.order_id)).toEqual([orders[0]])

        expectClientError(await attempt(api.get("/admin/fraud/reviews?status=maybe", admin())), "GET reviews?status=maybe")
        expectClientError(await attempt(api.get("/admin/fraud/assessments", admin())), "GET assessments without order_id or cart_id")
      })
    })

    describe("rules", () => {
      it("rules edited in the admin apply from the next checkout, each edit a new version", async () => {
        const germanyRejected = await germanyScores(95)
        expect(germanyRejected.rule_set).toMatchObject({ version: 2, created_by: f.admin.user.id })
        expect(germanyRejected.rule_set.rules.find((r) => r.id === "high_risk_country")).toEqual({
          id: "high_risk_country",
          type: "high_risk_country",
          enabled: true,
          score: 95,
          countries: ["de"],
        })
        const buyer = guest("rules")
        const cartId = await readyCart(buyer)
        expectRejected(await complete(cartId, buyer))
        expect((await assessmentsOf("cart_id", cartId))[0]).toMatchObject({ decision: "reject", score: 95, rule_set_version: 2 })

        // Sending back what GET answered (version, created_by… included) saves it again.
        const current = await ok<RulesDocument>(api.get("/admin/fraud/rules", admin()))
        const relaxed = await saveRules({
          ...current.rule_set,
          rules: current.rule_set.rules.map((rule) => (rule.id === "high_risk_country" ? { ...rule, enabled: false } : rule)),
        })
        expect(relaxed.rule_set.version).toBe(3)
        expect(relaxed.versions.map((v) => [v.version, v.created_by])).toEqual([
          [3, f.admin.user.id],
          [2, f.admin.user.id],
          [1, null],
        ])
        const { order } = await placeOrder(guest("rules-after"))
        expect((await assessmentsOf("order_id", order.id))[0]).toMatchObject({ decision: "approve", rule_set_version: 3 })
      })

      it("bad rule sets are refused with a message naming each problem, and nothing is saved", async () => {
        const velocity = DEFAULT_RULE_SET.rules.find((rule) => rule.type === "velocity")!
        const cases: [label: string, body: unknown, expected: string[]][] = [
          ["a negative score", rulesWith([{ id: "blocklist", type: "blocklist", enabled: true, score: -5 }]), ["rules[0].score must not be negative (got -5)."]],
          ["review threshold at the reject threshold", rulesWith([], { review_threshold: 90, reject_threshold: 90 }), ["review_threshold (90) must be below reject_threshold (90)."]],
          ["review threshold above the reject threshold", rulesWith([], { review_threshold: 95, reject_threshold: 90 }), ["review_threshold (95) must be below reject_threshold (90)."]],
          [
            "an unknown rule type",
            { ...DEFAULT_RULE_SET, rules: [DEFAULT_RULE_SET.rules[0], { id: "crystal_ball", type: "crystal_ball", enabled: true, score: 10 }] },
            ['rules[1].type must be one of blocklist, disposable_email', '(got "crystal_ball")'],
          ],
          ["a duplicate rule id", { ...DEFAULT_RULE_SET, rules: [...DEFAULT_RULE_SET.rules, { ...velocity }] }, [`Rule id "${velocity.id}" is used twice.`]],
          [
            "a zero window, a three-letter country and a 100th percentile",
            {
              ...DEFAULT_RULE_SET,
              rules: [
                { ...velocity, window_minutes: 0 },
                { id: "hrc", type: "high_risk_country", enabled: true, score: 30, countries: ["deu"] },
                { id: "p", type: "amount_vs_store", enabled: true, score: 20, percentile: 100, min_samples: 50 },
              ],
            },
            ["rules[0].window_minutes must be at least 1 minutes (got 0).", "rules[1].countries[0] must be a 2-letter country code", "rules[2].percentile must be at most 99.9 (got 100)."],
          ],
          ["a misspelt parameter", { ...DEFAULT_RULE_SET, rules: [{ ...velocity, max_attempt: 3 }] }, ["max_attempt"]],
        ]
        const before = (await ok<RulesDocument>(api.get("/admin/fraud/rules", admin()))).versions
        for (const [label, body, expected] of cases) {
          const result = await attempt(api.post("/admin/fraud/rules", body, admin()))
          expectClientError(result, `POST /admin/fraud/rules with ${label}`)
          expect({ label, status: result.status }).toEqual({ label, status: 400 })
          for (const text of expected) expect({ label, message: result.data.message }).toEqual({ label, message: expect.stringContaining(text) })
        }
        expect((await ok<RulesDocument>(api.get("/admin/fraud/rules", admin()))).versions).toEqual(before)
      })
    })

    describe("blocklist", () => {
      it("lists, finds and removes values; a duplicate answers the existing entry; bad values are refused", async () => {
        const added = await attempt<{ blocklist_entry: BlocklistEntry; created: boolean }>(
          api.post("/admin/fraud/blocklist", { type: "ip", value: "203.0.113.0/24", reason: "botnet" }, admin())
        )
        expect(added.status).toBe(200)
        expect(added.data).toMatchObject({ created: true, blocklist_entry: { type: "ip", value: "203.0.113.0/24", reason: "botnet" } })
        const again = await attempt<{ blocklist_entry: BlocklistEntry; created: boolean }>(
          api.post("/admin/fraud/blocklist", { type: "ip", value: " 203.0.113.0/24 " }, admin())
        )
        expect(again.status).toBe(200)
        expect(again.data).toEqual({ created: false, blocklist_entry: added.data.blocklist_entry })
        await ok(api.post("/admin/fraud/blocklist", { type: "address", value: "DE|10115|Hauptstraße 5" }, admin()))
        await ok(api.post("/admin/fraud/blocklist", { type: "card_fingerprint", value: "fp_abc" }, admin()))
        const mapped = await ok<{ blocklist_entry: BlocklistEntry }>(api.post("/admin/fraud/blocklist", { type: "ip", value: "::ffff:198.51.100.7" }, admin()))
        expect(mapped.blocklist_entry.value).toBe("198.51.100.7")

        const list = (query: string) => ok<{ blocklist: BlocklistEntry[]; count: number }>(api.get(`/admin/fraud/blocklist?${query}`, admin()))
        expect((await list("")).count).toBe(4)
        expect((await list("type=ip")).blocklist.map((e) => e.value).sort()).toEqual(["198.51.100.7", "203.0.113.0/24"])
        expect((await list("q=HAUPTSTRASSE")).blocklist).toEqual([expect.objectContaining({ type: "address", value: "de|10115|hauptstrasse 5" })])
        expect((await list("q=%25")).count).toBe(0)
        expect((await list("limit=1&offset=1")).blocklist).toHaveLength(1)

        const bad: [string, unknown, string][] = [
          ["an IP out of range", { type: "ip", value: "300.1.1.1" }, "value must be valid for type ip"],
          ["a CIDR prefix too long", { type: "ip", value: "10.0.0.0/33" }, "value must be valid for type ip"],
          ["an e-mail without @", { type: "email", value: "not-an-email" }, "value must be valid for type email"],
          ["an empty value", { type: "email", value: "  " }, "value must not be empty"],
          ["an unknown type", { type: "phone", value: "+49 30 123" }, "type must be one of email, ip, card_fingerprint, address"],
          ["no value", { type: "email" }, "value is required"],
        ]
        for (const [label, body, text] of bad) {
          const result = await attempt(api.post("/admin/fraud/blocklist", body, admin()))
          expectClientError(result, `POST /admin/fraud/blocklist with ${label}`)
          expect({ label, message: result.data.message }).toEqual({ label, message: expect.stringContaining(text) })
        }
        expectClientError(await attempt(api.get("/admin/fraud/blocklist?type=phone", admin())), "GET blocklist?type=phone")

        const removed = await attempt(api.delete(`/admin/fraud/blocklist/${added.data.blocklist_entry.id}`, admin()))
        expect(removed).toEqual({ status: 200, data: { id: added.data.blocklist_entry.id, object: "fraud_blocklist_entry", deleted: true } })
        expect((await list("type=ip")).blocklist.map((e) => e.value)).toEqual(["198.51.100.7"])
        expect((await attempt(api.delete(`/admin/fraud/blocklist/${added.data.blocklist_entry.id}`, admin()))).status).toBe(404)
        // Listed again after removal: a fresh entry.
        const relisted = await ok<{ blocklist_entry: BlocklistEntry; created: boolean }>(
          api.post("/admin/fraud/blocklist", { type: "ip", value: "203.0.113.0/24" }, admin())
        )
        expect(relisted.created).toBe(true)
        expect(relisted.blocklist_entry.id).not.toBe(added.data.blocklist_entry.id)
      })

      it("a checkout from 127.0.0.1 is refused while 127.0.0.0/8 is blocklisted, and goes through once it is removed", async () => {
        const loopback = (api.defaults.baseURL ?? "").replace("//localhost", "//127.0.0.1")
        expect(loopback).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
        const { blocklist_entry } = await ok<{ blocklist_entry: BlocklistEntry }>(
          api.post("/admin/fraud/blocklist", { type: "ip", value: "127.0.0.0/8" }, admin())
        )

        const buyer = guest("loopback")
        const reservedBefore = await reserved()
        const cartId = await readyCart(buyer)
        expectRejected(await complete(cartId, buyer, loopback))
        expect(await reserved()).toBe(reservedBefore)
        const [refused] = await assessmentsOf("cart_id", cartId)
        expect(refused.ip).toMatch(/^(::ffff:)?127\.0\.0\.1$/)
        expect(refused).toMatchObject({ decision: "reject", reasons: [expect.objectContaining({ reason: "On the blocklist: ip 127.0.0.0/8." })] })

        await ok(api.delete(`/admin/fraud/blocklist/${blocklist_entry.id}`, admin()))
        const completed = await complete(cartId, buyer, loopback)
        expect({ status: completed.status, type: completed.data.type }).toEqual({ status: 200, type: "order" })
        expect(await reserved()).toBe(reservedBefore + 1)
      })
    })

    describe("access", () => {
      it("every fraud route needs an admin: 401 without a token", async () => {
        const routes: [string, string][] = [
          ["get", "/admin/fraud/reviews"],
          ["get", "/admin/fraud/assessments?order_id=order_1"],
          ["post", "/admin/fraud/reviews/order_1/approve"],
          ["post", "/admin/fraud/reviews/order_1/reject"],
          ["get", "/admin/fraud/rules"],
          ["post", "/admin/fraud/rules"],
          ["get", "/admin/fraud/blocklist"],
          ["post", "/admin/fraud/blocklist"],
          ["delete", "/admin/fraud/blocklist/fbl_1"],
        ]
        for (const [method, url] of routes) {
          const result = await attempt(method === "get" || method === "delete" ? api[method](url) : api.post(url, {}))
          expect({ route: `${method.toUpperCase()} ${url}`, status: result.status }).toEqual({ route: `${method.toUpperCase()} ${url}`, status: 401 })
        }
        const shopper = await signUp(api, f.storefront.publishableKey)
        const asCustomer = await attempt(api.get("/admin/fraud/reviews", { headers: { authorization: `Bearer ${shopper.token}` } }))
        expect(asCustomer.status).toBe(401)
      })
    })
  },
})
