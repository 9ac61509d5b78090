import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/postgresql"
import type { Context, IEventBusModuleService, Logger } from "@medusajs/framework/types"
import { InjectManager, InjectTransactionManager, MedusaContext, MedusaError, MedusaService } from "@medusajs/framework/utils"
import { EventBuffer } from "../analytics/event-buffer"
import { onProductEventsWritten } from "../analytics/written-events"
import { applyRules, type Candidate, type Rule } from "./candidates"
import { DEFAULT_SETTINGS, MODEL_STEPS, RecommendationEngine, type EngineSettings, type ModelStep, type ProductProfile, type RunSql } from "./engine"
import RecommendationBuild from "./models/recommendation-build"
import RecommendationPair from "./models/recommendation-pair"
import RecommendationProduct from "./models/recommendation-product"
import RecommendationProductStat from "./models/recommendation-product-stat"
import RecommendationRule, { type RecommendationList } from "./models/recommendation-rule"
import RecommendationSessionItem from "./models/recommendation-session-item"
import RecommendationSignal from "./models/recommendation-signal"
import RecommendationTerm from "./models/recommendation-term"
import { signalsFromAnalytics, toSignalRow, type SignalInput, type SignalRow, type SignalWeights } from "./signals"

/** Module options (`medusa-config.ts` → src/config/medusa.ts). Every field has a default. */
export type RecommendationModuleOptions = {
  /** Half-life of trending popularity, in hours. Default 72: a view three days old counts half. */
  trending_half_life_hours?: number
  /** Half-life of a visitor's own history in personalized lists, in hours. Default 720 (30 days). */
  history_half_life_hours?: number
  /** Two views are "also viewed" when at most this far apart in one session. Default 4. */
  also_viewed_window_hours?: number
  /** Co-occurrences a pair needs before it is recommended. Default 1; raise it for a large store. */
  min_support?: number
  /** Added to a pair's support in the denominator that damps rare pairs. Default 2. */
  shrinkage?: number
  /** Neighbours kept per product and model by the full rebuild. Default 100. */
  top_k?: number
  /** Latest interactions of a visitor that personalized lists read. Default 50. */
  history_size?: number
  /** Weight of each kind of interaction. Default view 1, wishlist 2, cart 3, review 4, purchase 5. */
  weights?: Partial<SignalWeights>
  /** Views settle this long before cached lists are refreshed; a purchase refreshes at once. Default 5000 ms. */
  refresh_after_ms?: number
}

/** Event the store read cache listens to: cached recommendation answers are stale. */
export const RECOMMENDATIONS_UPDATED_EVENT = "recommendation.updated"

/**
 * The full rebuild: the order import (when asked for) and the catalogue copy, run by the caller
 * because they read other modules, then the models.
 */
export const BUILD_STEPS = ["orders", "catalogue", ...MODEL_STEPS] as const
export type BuildStep = (typeof BUILD_STEPS)[number]

export type RecommendInput = {
  product_id?: string
  category_ids?: string[]
  customer_id?: string | null
  anonymous_id?: string | null
  limit: number
}

type InjectedDependencies = { logger: Logger; event_bus?: IEventBusModuleService }

/** A build still "running" after this long was abandoned by a process that died. */
const STALE_BUILD_MS = 60 * 60 * 1000

export default class RecommendationModuleService extends MedusaService({
  RecommendationSignal,
  RecommendationProductStat,
  RecommendationPair,
  RecommendationSessionItem,
  RecommendationProduct,
  RecommendationTerm,
  RecommendationRule,
  RecommendationBuild,
}) {
  readonly engine: RecommendationEngine
  protected readonly logger_: Logger
  protected readonly eventBus_?: IEventBusModuleService
  protected readonly refreshAfterMs_: number
  protected readonly buffer_: EventBuffer<SignalRow>
  protected readonly stopListening_: () => void
  protected refreshTimer_: NodeJS.Timeout | null = null

  constructor(container: InjectedDependencies, options: RecommendationModuleOptions = {}) {
    // eslint-disable-next-line prefer-rest-params
    super(...arguments)
    this.logger_ = container.logger
    try {
      this.eventBus_ = container.event_bus
    } catch {
      this.eventBus_ = undefined
    }
    const { weights, refresh_after_ms, ...tuning } = options
    const settings: EngineSettings = {
      ...DEFAULT_SETTINGS,
      ...Object.fromEntries(Object.entries(tuning).filter(([, v]) => v !== undefined)),
      weights: { ...DEFAULT_SETTINGS.weights, ...weights },
    }
    this.engine = new RecommendationEngine(settings)
    this.refreshAfterMs_ = refresh_after_ms ?? 5000
    this.buffer_ = new EventBuffer<SignalRow>({
      write: async (rows) => {
        await this.writeSignals(rows)
      },
      batchSize: 1000,
      flushAfterMs: 200,
      onError: (error, pending) =>
        this.logger_.warn(`recommendations: writing signals failed, ${pending} kept for the next try: ${(error as Error).message}`),
      onDrop: (dropped) => this.logger_.warn(`recommendations: signal buffer full, dropped the ${dropped} oldest`),
    })
    // Views reach the models through the analytics store: one ingestion path (see README).
    this.stopListening_ = onProductEventsWritten((events) => this.record(signalsFromAnalytics(events)))
  }

  __hooks = {
    onApplicationPrepareShutdown: async () => {
      this.stopListening_()
      await this.buffer_.flush()
    },
    onApplicationShutdown: async () => {
      if (this.refreshTimer_) clearTimeout(this.refreshTimer_)
    },
  }

  /** Buffers signals; they are written within 200 ms. */
  record(signals: SignalInput[]): void {
    const now = new Date()
    this.buffer_.push(signals.map((s) => toSignalRow(s, this.engine.settings.weights, now)))
  }

  /** Writes signals now, after everything buffered before them: purchases, which must show at once. */
  async recordNow(signals: SignalInput[]): Promise<{ inserted: number }> {
    await this.buffer_.flush()
    const now = new Date()
    return this.writeSignals(signals.map((s) => toSignalRow(s, this.engine.settings.weights, now)))
  }

  /** Writes every signal this process has buffered. */
  async flush(): Promise<void> {
    await this.buffer_.flush()
  }

  @InjectManager()
  protected async writeSignals(rows: SignalRow[], @MedusaContext() sharedContext: Context<SqlEntityManager> = {}): Promise<{ inserted: number }> {
    const { inserted, purchases } = await this.engine.writeSignals(this.runner(sharedContext.manager!), rows)
    if (inserted) this.noteChange(purchases ? "purchase" : "interactions")
    return { inserted }
  }

  /**
   * Tells the store read cache that cached lists are stale (through the event bus, so with Redis
   * every process hears it). A purchase or a rebuild does it at once; views are coalesced, so a
   * busy store refreshes its cached lists every `refresh_after_ms`, not on every view.
   */
  noteChange(reason: "purchase" | "interactions" | "rebuild" | "catalogue" | "rules"): void {
    if (reason !== "interactions") {
      if (this.refreshTimer_) clearTimeout(this.refreshTimer_)
      this.refreshTimer_ = null
      void this.emitUpdated(reason)
      return
    }
    if (this.refreshTimer_) return
    this.refreshTimer_ = setTimeout(() => {
      this.refreshTimer_ = null
      void this.emitUpdated(reason)
    }, this.refreshAfterMs_)
    this.refreshTimer_.unref()
  }

  protected async emitUpdated(reason: string): Promise<void> {
    try {
      await this.eventBus_?.emit({ name: RECOMMENDATIONS_UPDATED_EVENT, data: { reason } })
    } catch (error) {
      this.logger_.warn(`recommendations: could not announce an update: ${(error as Error).message}`)
    }
  }

  // ---------------------------------------------------------------- catalogue

  /** Stores what similarity and per-category trending know of these products. */
  @InjectTransactionManager()
  async upsertProducts(products: ProductProfile[], @MedusaContext() sharedContext: Context<SqlEntityManager> = {}): Promise<void> {
    await this.engine.upsertProducts(this.runner(sharedContext.transactionManager!), products)
  }

  @InjectTransactionManager()
  async removeProducts(productIds: string[], @MedusaContext() sharedContext: Context<SqlEntityManager> = {}): Promise<void> {
    await this.engine.removeProducts(this.runner(sharedContext.transactionManager!), productIds)
  }

  /** Product ids that have a profile (to find the ones the catalogue no longer has). */
  @InjectManager()
  async profiledProductIds(@MedusaContext() sharedContext: Context<SqlEntityManager> = {}): Promise<string[]> {
    const rows = await sharedContext.manager!.execute("SELECT product_id FROM recommendation_product WHERE deleted_at IS NULL")
    return rows.map((r) => r.product_id as string)
  }

  // ---------------------------------------------------------------- reads

  /** Candidates of one list, best first, with the merchant's pins and exclusions applied. */
  async recommend(list: RecommendationList, input: RecommendInput): Promise<Candidate[]> {
    const [raw, rules] = await Promise.all([this.candidates(list, input), this.rulesFor(list, input.product_id)])
    return applyRules(raw, rules, input.product_id)
  }

  /** The list as the models rank it, without the merchant's rules (the admin shows both). */
  @InjectManager()
  async candidates(list: RecommendationList, input: RecommendInput, @MedusaContext() sharedContext: Context<SqlEntityManager> = {}): Promise<Candidate[]> {
    const run = this.runner(sharedContext.manager!)
    switch (list) {
      case "bought_together":
      case "also_viewed":
        return this.engine.neighbours(run, list, input.product_id!, input.limit)
      case "similar":
        return this.engine.similar(run, input.product_id!, input.limit)
      case "trending":
        return this.engine.trending(run, input.category_ids, input.limit)
      case "personalized":
        return this.engine.personalized(run, input.customer_id ?? null, input.anonymous_id ?? null, input.limit)
    }
  }

  /** Rules of a list: the list-wide ones, and for a product page that product's own. */
  async rulesFor(list: RecommendationList, anchorProductId?: string): Promise<Rule[]> {
    const anchors = anchorProductId ? [{ anchor_product_id: null }, { anchor_product_id: anchorProductId }] : [{ anchor_product_id: null }]
    return (await this.listRecommendationRules({ list, $or: anchors }, { order: { position: "ASC" } })) as Rule[]
  }

  // ---------------------------------------------------------------- rebuild

  /** Opens a build record; refuses while another runs (one abandoned by a dead process is failed first). */
  async startBuild(trigger: string, options: { import_orders?: boolean } = {}): Promise<{ id: string }> {
    const firstStep: BuildStep = options.import_orders ? "orders" : "catalogue"
    const running = await this.listRecommendationBuilds({ status: "running" })
    for (const build of running) {
      if (Date.now() - new Date(build.started_at).getTime() > STALE_BUILD_MS) {
        await this.updateRecommendationBuilds({ id: build.id, status: "failed", error: "abandoned", finished_at: new Date() })
      } else {
        throw new MedusaError(MedusaError.Types.CONFLICT, `a rebuild is already running (${build.id}, step ${build.step ?? "starting"})`)
      }
    }
    try {
      return await this.createRecommendationBuilds({
        trigger,
        status: "running",
        step: firstStep,
        steps_done: BUILD_STEPS.indexOf(firstStep),
        steps_total: BUILD_STEPS.length,
        started_at: new Date(),
      })
    } catch (error) {
      // Another process opened one between the check and the insert (the index on running builds).
      if (/unique|duplicate|already exists/i.test((error as Error).message)) {
        throw new MedusaError(MedusaError.Types.CONFLICT, "a rebuild is already running")
      }
      throw error
    }
  }

  async noteBuildProgress(buildId: string, step: BuildStep): Promise<void> {
    await this.updateRecommendationBuilds({ id: buildId, step, steps_done: BUILD_STEPS.indexOf(step) })
  }

  /** Rebuilds every model from the signals; the catalogue step has run before, in the caller. */
  async rebuildModels(buildId: string): Promise<Record<string, number>> {
    await this.flush()
    for (const step of MODEL_STEPS) {
      await this.noteBuildProgress(buildId, step)
      await this.rebuildStepLocked(step)
    }
    const counts = await this.counts()
    await this.updateRecommendationBuilds({
      id: buildId,
      status: "succeeded",
      step: null,
      steps_done: BUILD_STEPS.length,
      finished_at: new Date(),
      counts,
    })
    this.noteChange("rebuild")
    return counts
  }

  async failBuild(buildId: string, error: Error): Promise<void> {
    await this.updateRecommendationBuilds({ id: buildId, status: "failed", error: error.message.slice(0, 2000), finished_at: new Date() })
  }

  /**
   * One rebuild step in one transaction, the tables it replaces locked against writers (readers
   * keep reading the old rows until it commits). An incremental write waits for the step, then
   * adds on top of the rebuilt table: nothing is lost or counted twice.
   */
  @InjectTransactionManager()
  protected async rebuildStepLocked(step: ModelStep, @MedusaContext() sharedContext: Context<SqlEntityManager> = {}): Promise<void> {
    const manager = sharedContext.transactionManager!
    await manager.execute(`LOCK TABLE ${this.engine.stepTables(step).join(", ")} IN EXCLUSIVE MODE`)
    await this.engine.rebuildStep(this.runner(manager), step)
  }

  @InjectManager()
  async counts(@MedusaContext() sharedContext: Context<SqlEntityManager> = {}): Promise<Record<string, number>> {
    return this.engine.counts(this.runner(sharedContext.manager!))
  }

  /** When the newest signal happened: how fresh the models' input is. */
  @InjectManager()
  async lastSignalAt(@MedusaContext() sharedContext: Context<SqlEntityManager> = {}): Promise<string | null> {
    const [row] = await sharedContext.manager!.execute("SELECT max(occurred_at) AS at FROM recommendation_signal WHERE deleted_at IS NULL")
    return row?.at ? new Date(row.at as string).toISOString() : null
  }

  protected runner(manager: SqlEntityManager): RunSql {
    return async <T>(sql: string, params: unknown[]) => (await manager.execute(sql, params)) as T[]
  }
}
