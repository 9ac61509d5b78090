import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import Redis from "ioredis"
import { DEFAULT_REDIS_URL, probeRedisSync, redactRedisUrl, redisRequired } from "../../../../integration-tests/helpers/redis"
import { FRAUD_MODULE } from ".."
import { addressKey } from "../normalize"
import { DEFAULT_RULE_SET } from "../rules/defaults"
import type { RuleConfig, RuleSet } from "../rules/types"
import type FraudModuleService from "../service"
import type { CheckoutInput } from "../service"
import { RedisVelocityStore } from "../velocity"

jest.setTimeout(60_000)

const redisUrl = process.env.REDIS_URL || process.env.TEST_REDIS_URL || DEFAULT_REDIS_URL
const probe = probeRedisSync(redisUrl)
if (!probe.reachable && !redisRequired()) {
  console.warn(`Skipping the Redis cases of fraud.spec: ${redactRedisUrl(redisUrl)} did not answer PING (${probe.reason}).`)
}
const describeRedis = probe.reachable || redisRequired() ? describe : describe.skip

/** The runner's `service` is a proxy that loses `this` state (the rule-set cache); call the module itself. */
function boundService(medusaApp: { modules: Record<string, unknown> }): FraudModuleService {
  return new Proxy({} as FraudModuleService, {
    get: (_, prop) => {
      const instance = medusaApp.modules[FRAUD_MODULE] as Record<string | symbol, unknown>
      const value = instance[prop]
      return typeof value === "function" ? value.bind(instance) : value
    },
  })
}

let carts = 0
/** A checkout nobody has anything against; each call is a new cart. */
const checkout = (overrides: Partial<CheckoutInput> = {}): CheckoutInput => ({
  cart_id: `cart_${++carts}`,
  email: "ada@example.com",
  customer_id: null,
  ip: null,
  card_fingerprint: null,
  address_key: null,
  shipping_country: "de",
  billing_country: "de",
  amount: 4000,
  currency_code: "eur",
  failed_payments: 0,
  external: {},
  ...overrides,
})

const ruleSet = (...rules: RuleConfig[]): RuleSet => ({ review_threshold: 50, reject_threshold: 90, rules })
const minutesAgo = (now: Date, minutes: number) => new Date(now.getTime() - minutes * 60_000)

moduleIntegrationTestRunner<FraudModuleService>({
  moduleName: FRAUD_MODULE,
  resolve: "./src/modules/fraud",
  pathToMigrations: "./src/modules/fraud/migrations",
  testSuite: ({ medusaApp, MikroOrmWrapper }) => {
    const service = boundService(medusaApp)

    describe("rule sets", () => {
      it("installs the defaults as version 1 on the first read, once, however many reads race", async () => {
        const read = await Promise.all(Array.from({ length: 5 }, () => service.currentRuleSet()))
        expect(read.map((set) => set.version)).toEqual([1, 1, 1, 1, 1])
        expect(read[0]).toMatchObject({
          review_threshold: DEFAULT_RULE_SET.review_threshold,
          reject_threshold: DEFAULT_RULE_SET.reject_threshold,
          rules: DEFAULT_RULE_SET.rules,
          created_by: null,
        })
        const rows = await service.listFraudRuleSets({})
        expect(rows.map((row) => row.version)).toEqual([1])
        // Reads after the first install nothing more.
        expect((await service.currentRuleSet()).version).toBe(1)
        expect(await service.listFraudRuleSets({})).toHaveLength(1)
      })

      it("saves every edit as the next version, in force at once, and refuses an unsound set", async () => {
        const edited = { ...DEFAULT_RULE_SET, review_threshold: 40 }
        const saved = await service.saveRuleSet(edited, "user_1")
        expect(saved).toMatchObject({ version: 2, review_threshold: 40, created_by: "user_1" })
        expect(await service.currentRuleSet()).toMatchObject({ version: 2, review_threshold: 40 })

        const third = await service.saveRuleSet({ ...edited, reject_threshold: 80 }, "user_2")
        expect(third.version).toBe(3)

        const broken: RuleSet = {
          review_threshold: 90,
          reject_threshold: 90,
          rules: [
            { id: "x", type: "blocklist", enabled: true, score: 100 },
            { id: "x", type: "country_mismatch", enabled: true, score: -1 },
          ],
        }
        await expect(service.saveRuleSet(broken, "user_3")).rejects.toMatchObject({
          type: "invalid_data",
          message:
            'review_threshold (90) must be below reject_threshold (90). Rule id "x" is used twice. Rule "x": score must not be negative (got -1).',
        })
        expect((await service.listFraudRuleSets({}, { order: { version: "ASC" } })).map((row) => row.version)).toEqual([1, 2, 3])
        expect((await service.currentRuleSet()).version).toBe(3)
      })

      it("a fresh read sees what another process saved; a checkout may go on with its copy for up to 5 s", async () => {
        expect((await service.currentRuleSet()).version).toBe(1)
        // Another process saving: a row written without going through this instance's cache.
        await service.createFraudRuleSets([
          { version: 2, review_threshold: 45, reject_threshold: DEFAULT_RULE_SET.reject_threshold, rules: DEFAULT_RULE_SET.rules as unknown as Record<string, unknown>, created_by: "user_elsewhere" },
        ])
        expect((await service.currentRuleSet()).version).toBe(1)
        expect(await service.currentRuleSet({ fresh: true })).toMatchObject({ version: 2, review_threshold: 45, created_by: "user_elsewhere" })
        // And a save numbers itself after it, not after the stale copy.
        expect((await service.saveRuleSet(DEFAULT_RULE_SET, "user_1")).version).toBe(3)
      })
    })

    describe("assessCheckout", () => {
      it("stores the assessment with its score, decision, reasons and rule version", async () => {
        const now = new Date()
        const result = await service.assessCheckout(checkout({ cart_id: "cart_store", billing_country: "fr" }), now)
        expect(result).toMatchObject({
          rule_set_version: 1,
          score: 15,
          decision: "approve",
          reasons: [{ rule_id: "country_mismatch", type: "country_mismatch", score: 15, reason: "Billing country FR differs from shipping country DE." }],
        })
        const stored = await service.retrieveFraudAssessment(result.assessment_id)
        expect(stored).toMatchObject({ cart_id: "cart_store", amount: 4000, currency_code: "eur", score: 15, decision: "approve", rule_set_version: 1, order_id: null })
      })

      it("counts velocity in PostgreSQL windows: the 4th attempt fires a max-3 rule, older attempts do not count", async () => {
        await service.saveRuleSet(
          ruleSet({ id: "burst", type: "velocity", enabled: true, score: 30, key: "email", window_minutes: 10, max_attempts: 3 }),
          null
        )
        const now = new Date()
        // Three attempts 11 minutes ago: outside the 10-minute window of the attempts below.
        for (let i = 0; i < 3; i++) {
          await service.assessCheckout(checkout({ email: "burst@example.com" }), minutesAgo(now, 11))
        }
        const scores: number[] = []
        // Differently spelled, the same e-mail.
        for (const email of ["burst@example.com", "Burst@Example.com", "BURST@example.com"]) {
          scores.push((await service.assessCheckout(checkout({ email }), now)).score)
        }
        expect(scores).toEqual([0, 0, 0])
        const fourth = await service.assessCheckout(checkout({ email: "burst@example.com" }), now)
        expect(fourth).toMatchObject({
          score: 30,
          decision: "approve",
          reasons: [{ rule_id: "burst", score: 30, reason: "4 checkout attempts by this email in 10 minutes (more than 3)." }],
        })
        // Another shopper is not affected.
        expect((await service.assessCheckout(checkout({ email: "other@example.com" }), now)).score).toBe(0)
        const [{ count }] = await MikroOrmWrapper.forkManager().execute(
          "SELECT count(*)::int AS count FROM fraud_attempt WHERE key = 'email:burst@example.com'"
        )
        expect(count).toBe(7)
      })

      it("counts a public IP for velocity, never a private or loopback one", async () => {
        await service.saveRuleSet(
          ruleSet({ id: "ip", type: "velocity", enabled: true, score: 30, key: "ip", window_minutes: 10, max_attempts: 1 }),
          null
        )
        const now = new Date()
        for (const ip of ["10.0.0.5", "10.0.0.5", "127.0.0.1", "::ffff:192.168.0.1", "::ffff:192.168.0.1"]) {
          expect((await service.assessCheckout(checkout({ ip }), now)).score).toBe(0)
        }
        expect((await service.assessCheckout(checkout({ ip: "198.51.100.9" }), now)).score).toBe(0)
        expect((await service.assessCheckout(checkout({ ip: "198.51.100.9" }), now)).reasons.map((r) => r.reason)).toEqual([
          "2 checkout attempts by this ip in 10 minutes (more than 1).",
        ])
      })

      it("matches the blocklist by normalised e-mail, by an IP inside a CIDR range, by address key and by card", async () => {
        const entries = await service.addToBlocklist(
          [
            { type: "email", value: "  Fraud@Example.COM " },
            { type: "ip", value: "203.0.113.0/24" },
            { type: "address", value: "DE|10115|Hauptstraße 5" },
            { type: "card_fingerprint", value: "fp_Stolen" },
          ],
          "user_1"
        )
        expect(entries.map((entry) => `${entry.type} ${entry.value}`).sort()).toEqual([
          "address de|10115|hauptstrasse 5",
          "card_fingerprint fp_Stolen",
          "email fraud@example.com",
          "ip 203.0.113.0/24",
        ])
        // Listing the same values again (other spellings) adds nothing.
        await service.addToBlocklist([{ type: "email", value: "FRAUD@example.com" }, { type: "ip", value: "203.0.113.0/024" }], "user_2")
        expect(await service.listFraudBlocklistEntries({})).toHaveLength(4)

        const reasonsOf = async (input: Partial<CheckoutInput>) => (await service.assessCheckout(checkout(input))).reasons.filter((r) => r.type === "blocklist")

        const byEmail = await service.assessCheckout(checkout({ email: "Fraud@example.com" }))
        expect(byEmail).toMatchObject({ score: 100, decision: "reject" })
        expect(byEmail.reasons.filter((r) => r.type === "blocklist")).toEqual([
          { rule_id: "blocklist", type: "blocklist", score: 100, reason: "On the blocklist: email fraud@example.com." },
        ])

        expect((await reasonsOf({ ip: "203.0.113.77" }))[0]?.reason).toBe("On the blocklist: ip 203.0.113.0/24.")
        expect((await reasonsOf({ ip: "::ffff:203.0.113.1" }))[0]?.reason).toBe("On the blocklist: ip 203.0.113.0/24.")
        expect(await reasonsOf({ ip: "203.0.114.1" })).toEqual([])
        expect(await reasonsOf({ ip: "2001:db8::1" })).toEqual([])

        const key = addressKey({ country_code: "de", postal_code: "10115", address_1: "HAUPTSTRASSE 5." })
        expect((await reasonsOf({ address_key: key }))[0]?.reason).toBe("On the blocklist: address de|10115|hauptstrasse 5.")
        expect((await reasonsOf({ card_fingerprint: "fp_Stolen" }))[0]?.reason).toBe("On the blocklist: card_fingerprint fp_Stolen.")
        expect(await reasonsOf({ card_fingerprint: "fp_stolen" })).toEqual([])

        expect((await reasonsOf({ email: "fraud@example.com", ip: "203.0.113.5", card_fingerprint: "fp_Stolen" }))[0]?.reason).toBe(
          "On the blocklist: card_fingerprint fp_Stolen, email fraud@example.com, ip 203.0.113.0/24."
        )
        expect(await reasonsOf({ email: "ada@example.com", ip: "198.51.100.1", address_key: "de|10115|hauptstrasse 6" })).toEqual([])
      })

      it("learns a customer's history from earlier assessments that became orders", async () => {
        await service.saveRuleSet(
          ruleSet(
            { id: "avh", type: "amount_vs_history", enabled: true, score: 20, multiplier: 5, min_orders: 2 },
            { id: "first", type: "first_order_high_value", enabled: true, score: 25, over: { eur: 50_000 } }
          ),
          null
        )
        const order = async (input: Partial<CheckoutInput>, orderId: string | null) => {
          const assessed = await service.assessCheckout(checkout(input))
          const { cart_id } = await service.retrieveFraudAssessment(assessed.assessment_id)
          if (orderId) await service.attachOrder(cart_id, orderId)
          return assessed
        }
        // First order over €500: no history yet.
        expect((await order({ email: "grace@example.com", amount: 60_000 }, null)).reasons.map((r) => r.rule_id)).toEqual(["first"])

        await order({ email: "grace@example.com", amount: 1000 }, "order_1")
        // One order: fewer than min_orders, but no longer a first order.
        expect((await order({ email: "grace@example.com", amount: 60_000 }, null)).reasons).toEqual([])

        // By customer id too, whatever e-mail the second order used.
        await order({ email: "other@example.com", customer_id: "cus_grace", amount: 3000 }, "order_2")
        // Orders in another currency do not count towards the EUR average.
        await order({ email: "grace@example.com", currency_code: "usd", amount: 100 }, "order_3")

        const big = await order({ email: "GRACE@example.com", customer_id: "cus_grace", amount: 10_001 }, null)
        expect(big.reasons).toEqual([
          { rule_id: "avh", type: "amount_vs_history", score: 20, reason: "100.01 EUR is over 5× this customer's average order (20 EUR)." },
        ])
        expect((await order({ email: "grace@example.com", customer_id: "cus_grace", amount: 10_000 }, null)).reasons).toEqual([])
      })

      it("compares with the store's percentile once it has min_samples orders in the currency", async () => {
        await service.saveRuleSet(
          ruleSet({ id: "avs", type: "amount_vs_store", enabled: true, score: 20, percentile: 50, min_samples: 4 }),
          null
        )
        const placed = (amount: number, currency_code: string, i: number) => ({
          cart_id: `cart_hist_${currency_code}_${i}`,
          order_id: `order_hist_${currency_code}_${i}`,
          email: `buyer${i}@example.com`,
          amount,
          currency_code,
          score: 0,
          decision: "approve" as const,
          reasons: [] as unknown as Record<string, unknown>,
          rule_set_version: 1,
        })
        await service.createFraudAssessments([
          ...[1000, 2000, 3000, 4000].map((amount, i) => placed(amount, "eur", i)),
          // Three in USD: one fewer than min_samples.
          ...[1000, 2000, 3000].map((amount, i) => placed(amount, "usd", i)),
          // Not an order (no order_id): not part of the distribution.
          { ...placed(1_000_000, "eur", 9), order_id: null },
        ])

        expect((await service.assessCheckout(checkout({ amount: 2500 }))).reasons).toEqual([])
        expect((await service.assessCheckout(checkout({ amount: 2501 }))).reasons).toEqual([
          { rule_id: "avs", type: "amount_vs_store", score: 20, reason: "25.01 EUR is above the store's 50th percentile order (25 EUR)." },
        ])
        expect((await service.assessCheckout(checkout({ amount: 1_000_000, currency_code: "usd" }))).reasons).toEqual([])
      })
    })

    describeRedis("velocity in Redis (RedisVelocityStore)", () => {
      // Two stores on two connections stand for two Medusa processes.
      const namespace = `emporium-test:${process.pid}-${Date.now().toString(36)}:fraud:velocity`
      let redisA: Redis
      let redisB: Redis

      beforeEach(() => {
        redisA = new Redis(redisUrl, { maxRetriesPerRequest: 2 })
        redisB = new Redis(redisUrl, { maxRetriesPerRequest: 2 })
      })
      afterEach(async () => {
        const keys = await redisA.keys(`${namespace}:*`)
        if (keys.length) await redisA.del(...keys)
        await Promise.all([redisA.quit(), redisB.quit()])
      })

      it("counts attempts of every process together, per window, and forgets those past the longest window", async () => {
        const a = new RedisVelocityStore(redisA, namespace)
        const b = new RedisVelocityStore(redisB, namespace)
        const now = new Date()
        const request = [{ key: "email:ada@example.com", windows_minutes: [10, 60] }]

        expect(await a.recordAndCount("cart_1", request, minutesAgo(now, 90))).toEqual({ "email:ada@example.com|10": 1, "email:ada@example.com|60": 1 })
        expect(await b.recordAndCount("cart_2", request, minutesAgo(now, 30))).toEqual({ "email:ada@example.com|10": 1, "email:ada@example.com|60": 1 })
        expect(await a.recordAndCount("cart_3", request, now)).toEqual({ "email:ada@example.com|10": 1, "email:ada@example.com|60": 2 })
        // The same cart twice at the same millisecond still counts as two attempts.
        expect(await b.recordAndCount("cart_3", request, now)).toEqual({ "email:ada@example.com|10": 2, "email:ada@example.com|60": 3 })
        expect(await a.recordAndCount("cart_4", [...request, { key: "ip:198.51.100.9", windows_minutes: [10] }], now)).toEqual({
          "email:ada@example.com|10": 3,
          "email:ada@example.com|60": 4,
          "ip:198.51.100.9|10": 1,
        })

        // The attempt 90 minutes ago was pruned; the key expires after the longest window.
        const key = `${namespace}:email:ada@example.com`
        expect(await redisA.zcard(key)).toBe(4)
        const ttl = await redisA.pttl(key)
        expect(ttl).toBeGreaterThan(59 * 60_000)
        expect(ttl).toBeLessThanOrEqual(60 * 60_000)
      })
    })
  },
})
