import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/postgresql"
import type { Context } from "@medusajs/framework/types"
import { InjectManager, InjectTransactionManager, MedusaContext, MedusaError, MedusaService } from "@medusajs/framework/utils"
import disposableDomains from "disposable-email-domains"
import Redis from "ioredis"
import FraudAssessment from "./models/fraud-assessment"
import FraudAttempt from "./models/fraud-attempt"
import FraudBlocklistEntry, { type BlocklistType } from "./models/fraud-blocklist-entry"
import FraudRuleSet from "./models/fraud-rule-set"
import { isPublicIp, normalizeBlocklistValue } from "./normalize"
import { DEFAULT_RULE_SET } from "./rules/defaults"
import { scoreCheckout } from "./rules/score"
import type { CheckoutFacts, RuleConfig, RuleSet, Scored } from "./rules/types"
import { ruleSetProblems } from "./rules/validate"
import { PostgresVelocityStore, RedisVelocityStore, velocityCountKey, type VelocityRequest } from "./velocity"
import { velocityFactKey } from "./rules/velocity-window"

/** Module options (src/config/medusa.ts). */
export type FraudModuleOptions = {
  /** Score checkouts (default true). False keeps the module, its data and admin, and scores nothing. */
  scoring?: boolean
  /** Velocity windows in Redis (shared by every process) when set; PostgreSQL otherwise. */
  redis_url?: string
  namespace?: string
  /** Stripe keys: registers Radar's risk score as the "stripe_radar" signal (payments-stripe plugin). */
  stripe_radar?: { apiKey: string; apiBaseUrl?: string }
}

export const ASSESSMENT_CREATED_EVENT = "fraud.assessment.created"
export const ORDER_FLAGGED_EVENT = "fraud.order.flagged"
export const ORDER_REJECTED_EVENT = "fraud.order.rejected"

/** What the checkout hook knows; the module adds history, distribution, velocity and blocklist. */
export type CheckoutInput = Omit<CheckoutFacts, "velocity" | "history" | "store" | "blocklisted" | "disposable_email">

export type VersionedRuleSet = RuleSet & { version: number; created_by: string | null; created_at: Date | string }

const DISPOSABLE = new Set<string>(disposableDomains as string[])
const STORE_DISTRIBUTION_TTL_MS = 10 * 60_000

export default class FraudModuleService extends MedusaService({ FraudRuleSet, FraudAssessment, FraudBlocklistEntry, FraudAttempt }) {
  private readonly redis_: Redis | null
  private readonly scoring_: boolean
  private readonly namespace_: string
  private ruleSet_: { value: VersionedRuleSet; at: number } | null = null
  private readonly distribution_ = new Map<string, { at: number; value: CheckoutFacts["store"] }>()

  constructor(container: Record<string, unknown>, options: FraudModuleOptions = {}) {
    // eslint-disable-next-line prefer-rest-params
    super(...arguments)
    this.scoring_ = options.scoring ?? true
    this.redis_ = options.redis_url ? new Redis(options.redis_url, { lazyConnect: true, maxRetriesPerRequest: 2 }) : null
    this.namespace_ = `${options.namespace ?? "emporium:fraud"}:velocity`
  }

  async __hooks_onApplicationShutdown(): Promise<void> {
    await this.redis_?.quit().catch(() => undefined)
  }

  /** Whether checkouts are scored (module option `scoring`, env EMPORIUM_FRAUD). */
  isScoring(): boolean {
    return this.scoring_
  }

  /**
   * The rule set in force: the highest version, version 1 being the defaults. Checkouts may read
   * a copy up to 5 s old; `fresh` reads the database, for the admin, whose list of versions must
   * agree with it (another process may have saved, or installed the defaults, since).
   */
  async currentRuleSet({ fresh = false }: { fresh?: boolean } = {}): Promise<VersionedRuleSet> {
    if (!fresh && this.ruleSet_ && Date.now() - this.ruleSet_.at < 5000) return this.ruleSet_.value
    const [latest] = await this.listFraudRuleSets({}, { order: { version: "DESC" }, take: 1 })
    const value = latest ? toRuleSet(latest) : await this.installDefaults_()
    this.ruleSet_ = { value, at: Date.now() }
    return value
  }

  @InjectManager()
  protected async installDefaults_(@MedusaContext() context: Context = {}): Promise<VersionedRuleSet> {
    const manager = context.manager as SqlEntityManager
    // Two processes may both find no rules: the fixed id and unique version let one insert win.
    await manager.execute(
      `INSERT INTO fraud_rule_set (id, version, review_threshold, reject_threshold, rules)
       VALUES ('frs_defaults', 1, ?, ?, ?::jsonb)
       ON CONFLICT DO NOTHING`,
      [DEFAULT_RULE_SET.review_threshold, DEFAULT_RULE_SET.reject_threshold, JSON.stringify(DEFAULT_RULE_SET.rules)]
    )
    const [latest] = await this.listFraudRuleSets({}, { order: { version: "DESC" }, take: 1 }, context)
    return toRuleSet(latest)
  }

  /** Saves a new version (never edits one); the next checkout uses it. */
  async saveRuleSet(ruleSet: RuleSet, actorId: string | null): Promise<VersionedRuleSet> {
    const problems = ruleSetProblems(ruleSet)
    if (problems.length) throw new MedusaError(MedusaError.Types.INVALID_DATA, problems.join(" "))
    // Number from the database, not this process's cache: another process may have saved since.
    const current = await this.currentRuleSet({ fresh: true })
    const [saved] = await this.createFraudRuleSets([
      {
        version: current.version + 1,
        review_threshold: ruleSet.review_threshold,
        reject_threshold: ruleSet.reject_threshold,
        rules: ruleSet.rules as unknown as Record<string, unknown>,
        created_by: actorId,
      },
    ])
    this.ruleSet_ = null
    return toRuleSet(saved)
  }

  /**
   * Scores a checkout and stores the assessment. Records the attempt for velocity first, so a
   * burst counts every try, rejected ones included.
   */
  async assessCheckout(input: CheckoutInput, now = new Date()): Promise<{ assessment_id: string; rule_set_version: number } & Scored> {
    const ruleSet = await this.currentRuleSet()
    const facts = await this.completeFacts_(input, ruleSet, now)
    const scored = scoreCheckout(ruleSet, facts)
    const [assessment] = await this.createFraudAssessments([
      {
        cart_id: input.cart_id,
        customer_id: input.customer_id,
        email: input.email,
        ip: input.ip,
        address_key: input.address_key,
        card_fingerprint: input.card_fingerprint,
        amount: input.amount,
        currency_code: input.currency_code,
        score: scored.score,
        decision: scored.decision,
        reasons: scored.reasons as unknown as Record<string, unknown>,
        rule_set_version: ruleSet.version,
      },
    ])
    return { assessment_id: assessment.id, rule_set_version: ruleSet.version, ...scored }
  }

  /** The order a checkout became: reviews enter the queue. Returns the assessment, if any. */
  async attachOrder(cartId: string, orderId: string) {
    const [assessment] = await this.listFraudAssessments({ cart_id: cartId, order_id: null }, { order: { created_at: "DESC" }, take: 1 })
    if (!assessment) return null
    const [updated] = await this.updateFraudAssessments([
      { id: assessment.id, order_id: orderId, review_status: assessment.decision === "review" ? "pending" : null },
    ])
    return updated
  }

  /** Records a merchant's decision on a pending review; 409-worthy when it was already decided. */
  async decideReview(orderId: string, decision: "approved" | "rejected", actorId: string, note?: string | null) {
    const [assessment] = await this.listFraudAssessments({ order_id: orderId }, { order: { created_at: "DESC" }, take: 1 })
    if (!assessment || assessment.review_status === null) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `No fraud review for order ${orderId}.`)
    }
    if (assessment.review_status !== "pending") {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `The review of order ${orderId} was already ${assessment.review_status}.`)
    }
    const [updated] = await this.updateFraudAssessments([
      { id: assessment.id, review_status: decision, reviewed_by: actorId, reviewed_at: new Date(), review_note: note ?? null },
    ])
    return updated
  }

  async addToBlocklist(entries: { type: BlocklistType; value: string; reason?: string | null }[], actorId: string | null) {
    const rows = entries.map((entry) => ({ ...entry, value: normalizeBlocklistValue(entry.type, entry.value) }))
    const existing = await this.listFraudBlocklistEntries({ $or: rows.map((row) => ({ type: row.type, value: row.value })) })
    const known = new Set(existing.map((entry) => `${entry.type}|${entry.value}`))
    const fresh = rows.filter((row, index) => !known.has(`${row.type}|${row.value}`) && rows.findIndex((other) => other.type === row.type && other.value === row.value) === index)
    const created = fresh.length ? await this.createFraudBlocklistEntries(fresh.map((row) => ({ ...row, reason: row.reason ?? null, created_by: actorId }))) : []
    return [...existing, ...created]
  }

  @InjectManager()
  protected async completeFacts_(input: CheckoutInput, ruleSet: RuleSet, now: Date, @MedusaContext() context: Context = {}): Promise<CheckoutFacts> {
    const manager = context.manager as SqlEntityManager
    const [velocity, history, store, blocklisted] = await Promise.all([
      this.velocity_(input, ruleSet.rules, now, manager),
      this.history_(input, manager),
      this.storeDistribution_(input.currency_code, ruleSet.rules, manager),
      this.blocklisted_(input, manager),
    ])
    const domain = input.email?.split("@")[1]?.toLowerCase()
    return { ...input, velocity, history, store, blocklisted, disposable_email: !!domain && DISPOSABLE.has(domain) }
  }

  private async velocity_(input: CheckoutInput, rules: RuleConfig[], now: Date, manager: SqlEntityManager): Promise<CheckoutFacts["velocity"]> {
    const values: Record<string, string | null> = {
      email: input.email?.toLowerCase() ?? null,
      customer: input.customer_id,
      // A private or loopback address is the storefront's server or a proxy, shared by every shopper.
      ip: isPublicIp(input.ip) ? input.ip : null,
      card_fingerprint: input.card_fingerprint,
      address: input.address_key,
    }
    const requests = new Map<string, VelocityRequest>()
    const ruleKeys: { rule: Extract<RuleConfig, { type: "velocity" }>; key: string }[] = []
    for (const rule of rules) {
      if (rule.type !== "velocity" || !rule.enabled || !values[rule.key]) continue
      const key = `${rule.key}:${values[rule.key]}`
      const request = requests.get(key) ?? { key, windows_minutes: [] }
      if (!request.windows_minutes.includes(rule.window_minutes)) request.windows_minutes.push(rule.window_minutes)
      requests.set(key, request)
      ruleKeys.push({ rule, key })
    }
    const store = this.redis_ ? new RedisVelocityStore(this.redis_, this.namespace_) : new PostgresVelocityStore(() => manager)
    const counts = await store.recordAndCount(input.cart_id, [...requests.values()], now)
    return Object.fromEntries(ruleKeys.map(({ rule, key }) => [velocityFactKey(rule), counts[velocityCountKey(key, rule.window_minutes)] ?? 0]))
  }

  /** Earlier orders of this customer (or e-mail) in this currency that were not rejected. */
  private async history_(input: CheckoutInput, manager: SqlEntityManager): Promise<CheckoutFacts["history"]> {
    if (!input.customer_id && !input.email) return { orders: 0, average_amount: null }
    const [row] = await manager.execute(
      `SELECT count(*)::int AS orders, avg(amount)::float AS average
         FROM fraud_assessment
        WHERE deleted_at IS NULL AND order_id IS NOT NULL AND currency_code = ?
          AND (review_status IS NULL OR review_status <> 'rejected')
          AND (customer_id = ? OR lower(email) = ?)`,
      [input.currency_code, input.customer_id ?? "", input.email?.toLowerCase() ?? ""]
    )
    return { orders: Number(row.orders), average_amount: row.average === null ? null : Number(row.average) }
  }

  /** Order amounts in this currency over 90 days, as percentiles; computed at most every 10 minutes. */
  private async storeDistribution_(currency: string, rules: RuleConfig[], manager: SqlEntityManager): Promise<CheckoutFacts["store"]> {
    const percentiles = [...new Set(rules.flatMap((rule) => (rule.type === "amount_vs_store" && rule.enabled ? [rule.percentile] : [])))]
    if (!percentiles.length) return { samples: 0, percentiles: {} }
    const cacheKey = `${currency}|${percentiles.join(",")}`
    const cached = this.distribution_.get(cacheKey)
    if (cached && Date.now() - cached.at < STORE_DISTRIBUTION_TTL_MS) return cached.value
    const [row] = await manager.execute(
      `SELECT count(*)::int AS samples,
              percentile_cont(?::float8[]) WITHIN GROUP (ORDER BY amount) AS values
         FROM fraud_assessment
        WHERE deleted_at IS NULL AND order_id IS NOT NULL AND currency_code = ? AND created_at > now() - interval '90 days'`,
      [`{${percentiles.map((p) => p / 100).join(",")}}`, currency]
    )
    const values: number[] = row.values ?? []
    const value = { samples: Number(row.samples), percentiles: Object.fromEntries(percentiles.map((p, i) => [String(p), Number(values[i])])) }
    this.distribution_.set(cacheKey, { at: Date.now(), value })
    return value
  }

  private async blocklisted_(input: CheckoutInput, manager: SqlEntityManager): Promise<CheckoutFacts["blocklisted"]> {
    const ip = input.ip?.replace(/^::ffff:/, "") ?? null
    return manager.execute(
      `SELECT type, value FROM fraud_blocklist_entry
        WHERE deleted_at IS NULL AND (
              (type = 'email' AND value = ?)
           OR (type = 'card_fingerprint' AND value = ?)
           OR (type = 'address' AND value = ?)
           OR (type = 'ip' AND ?::inet IS NOT NULL AND ?::inet <<= value::inet))
        ORDER BY type, value`,
      [input.email?.toLowerCase() ?? null, input.card_fingerprint, input.address_key, ip, ip]
    )
  }

  /** Velocity rows older than a day are no longer in any window. */
  @InjectTransactionManager()
  async pruneAttempts(@MedusaContext() context: Context = {}): Promise<number> {
    const deleted = await (context.transactionManager as SqlEntityManager).execute(
      "DELETE FROM fraud_attempt WHERE occurred_at < now() - interval '1 day' RETURNING id"
    )
    return deleted.length
  }
}

function toRuleSet(row: { version: number; review_threshold: number; reject_threshold: number; rules: unknown; created_by?: string | null; created_at: Date | string }): VersionedRuleSet {
  return {
    version: row.version,
    review_threshold: row.review_threshold,
    reject_threshold: row.reject_threshold,
    rules: row.rules as RuleConfig[],
    created_by: row.created_by ?? null,
    created_at: row.created_at,
  }
}
