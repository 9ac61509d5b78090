import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/postgresql"
import type { Context, Logger } from "@medusajs/framework/types"
import { generateEntityId, InjectManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import { EventBuffer } from "./event-buffer"
import { toEventRow, type EventRow, type TrackInput } from "./events"
import AnalyticsCart from "./models/analytics-cart"
import AnalyticsEvent from "./models/analytics-event"
import AnalyticsEventDaily from "./models/analytics-event-daily"
import AnalyticsOrder from "./models/analytics-order"
import AnalyticsOrderLine from "./models/analytics-order-line"
import AnalyticsRefund from "./models/analytics-refund"
import AnalyticsRegistration from "./models/analytics-registration"
import AnalyticsSession from "./models/analytics-session"
import { customersReport } from "./reports/customers"
import { funnelReport } from "./reports/funnel"
import { topCategories, topProducts } from "./reports/products"
import { salesReport } from "./reports/sales"
import type { ReportQuery, RunSql } from "./reports/types"
import { MemoryRateLimiter, RedisRateLimiter, type RateDecision, type RateLimiter } from "./rate-limiter"
import { registerAnalyticsSink } from "./sink"
import { WRITE_EVENTS_SQL } from "./sql/write-events"
import { emitProductEventsWritten, type WrittenProductEvent } from "./written-events"
import {
  INSERT_REFUNDS_SQL,
  INSERT_REGISTRATIONS_SQL,
  UPSERT_CARTS_SQL,
  UPSERT_ORDER_LINES_SQL,
  UPSERT_ORDERS_SQL,
} from "./sql/write-facts"

/** Module options (`medusa-config.ts` → src/config/medusa.ts). */
export type AnalyticsModuleOptions = {
  /** Storefront batches one client IP may send per minute; 0 = no limit. Default 120. */
  rate_limit_per_minute?: number
  /** With Redis, the rate limit's windows are shared by every process (otherwise kept per process). */
  redis_url?: string
  /** Prefix of this module's Redis keys. Default `emporium:analytics`. */
  namespace?: string
  /** Events per INSERT, and the buffer size that triggers a flush. Default 500. */
  batch_size?: number
  /** Longest time (ms) an event waits in memory before it is written. Default 1000. */
  flush_after_ms?: number
}

export type OrderFact = {
  order_id: string
  placed_at: Date | string
  canceled_at: Date | string | null
  currency_code: string
  region_id: string | null
  sales_channel_id: string | null
  customer_id: string | null
  cart_id: string | null
  total: number | string
  subtotal: number | string
  tax_total: number | string
  shipping_total: number | string
  discount_total: number | string
  lines: {
    line_item_id: string
    product_id: string | null
    variant_id: string | null
    product_title: string | null
    category_ids: string[]
    quantity: number
    total: number | string
  }[]
}

export type RefundFact = {
  refund_id: string
  order_id: string | null
  refunded_at: Date | string
  currency_code: string
  region_id: string | null
  sales_channel_id: string | null
  amount: number | string
}

export type CartFact = {
  cart_id: string
  created_at_cart: Date | string
  has_items: boolean
  completed_at: Date | string | null
  currency_code: string | null
  region_id: string | null
  sales_channel_id: string | null
}

/** How long a shutdown waits for the last buffered events to be written. */
const SHUTDOWN_FLUSH_MS = 5000

class EmporiumAnalyticsModuleService extends MedusaService({
  AnalyticsEvent,
  AnalyticsSession,
  AnalyticsEventDaily,
  AnalyticsOrder,
  AnalyticsOrderLine,
  AnalyticsRefund,
  AnalyticsCart,
  AnalyticsRegistration,
}) {
  readonly rateLimitPerMinute: number
  protected readonly limiter_: RateLimiter | null
  protected readonly buffer_: EventBuffer<EventRow>
  protected readonly logger_: Logger

  constructor(container: Record<string, unknown>, options: AnalyticsModuleOptions = {}) {
    // eslint-disable-next-line prefer-rest-params
    super(...arguments)
    this.logger_ = container.logger as Logger
    this.rateLimitPerMinute = options.rate_limit_per_minute ?? 120
    const limit = this.rateLimitPerMinute
    this.limiter_ = !limit
      ? null
      : options.redis_url
        ? new RedisRateLimiter(options.redis_url, options.namespace ?? "emporium:analytics", limit)
        : new MemoryRateLimiter(limit)
    this.buffer_ = new EventBuffer<EventRow>({
      write: (batch) => this.writeEvents(batch),
      batchSize: options.batch_size,
      flushAfterMs: options.flush_after_ms,
      onError: (error, pending) =>
        this.logger_.warn(`analytics: writing events failed, ${pending} kept for the next try: ${(error as Error).message}`),
      onDrop: (dropped) => this.logger_.warn(`analytics: buffer full while the database fails, dropped the ${dropped} oldest events`),
    })
    // Medusa's Analytics Module provider (./providers/emporium) forwards track()/identify() here.
    registerAnalyticsSink(this)
  }

  __hooks = {
    // Before Medusa closes the database connections: a graceful stop writes every buffered event.
    onApplicationPrepareShutdown: async () => this.flushBeforeExit(),
    onApplicationShutdown: async () => {
      await this.flushBeforeExit()
      await this.limiter_?.close()
    },
  }

  /**
   * The last flush, bounded: Medusa shuts modules down in parallel, and a write that waits for a
   * connection from a pool being closed would otherwise hold the whole shutdown for the pool's
   * acquire timeout (a minute). Fifty thousand buffered events take about two seconds.
   */
  protected async flushBeforeExit(): Promise<void> {
    if (!this.buffer_.size) {
      return
    }
    let timer: NodeJS.Timeout | undefined
    const gaveUp = await Promise.race([
      this.flush().then(() => false),
      new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), SHUTDOWN_FLUSH_MS))),
    ])
    clearTimeout(timer)
    if (gaveUp || this.buffer_.size) {
      this.logger_.warn(`analytics: the database did not take the last buffered events within ${SHUTDOWN_FLUSH_MS / 1000} s of shutdown`)
    }
  }

  /** Counts one storefront batch from `client` (its IP); null when there is no limit. */
  async rateLimit(client: string): Promise<RateDecision | null> {
    return this.limiter_ ? this.limiter_.hit(client) : null
  }

  /** Buffers events; they are written within `flush_after_ms`, or at once by `flush()`. */
  track(events: TrackInput | TrackInput[]): number {
    const list = Array.isArray(events) ? events : [events]
    const now = new Date()
    this.buffer_.push(list.map((e) => toEventRow(e, now)))
    return list.length
  }

  /** Writes every event tracked so far (in this process). */
  async flush(): Promise<void> {
    await this.buffer_.flush()
  }

  @InjectManager()
  protected async writeEvents(rows: EventRow[], @MedusaContext() sharedContext: Context<SqlEntityManager> = {}): Promise<void> {
    const [result] = await sharedContext.manager!.execute(WRITE_EVENTS_SQL, [JSON.stringify(rows)])
    emitProductEventsWritten((result?.product_events ?? []) as WrittenProductEvent[], (error) =>
      this.logger_.warn(`analytics: a product-event listener failed: ${(error as Error).message}`)
    )
  }

  /** The session a cart's storefront events belong to, to credit its order to the right funnel. */
  @InjectManager()
  async sessionKeyOfCart(cartId: string, @MedusaContext() sharedContext: Context<SqlEntityManager> = {}): Promise<string | null> {
    await this.flush()
    const rows = await sharedContext.manager!.execute(
      // `deleted_at IS NULL` matches the partial index on cart_id: without it every order scanned the whole table.
      "SELECT session_key FROM analytics_event WHERE cart_id = ? AND deleted_at IS NULL AND session_key IS NOT NULL AND source = 'store' ORDER BY occurred_at LIMIT 1",
      [cartId]
    )
    return (rows[0]?.session_key as string | undefined) ?? null
  }

  @InjectManager()
  async recordOrders(orders: OrderFact[], @MedusaContext() sharedContext: Context<SqlEntityManager> = {}): Promise<void> {
    if (!orders.length) {
      return
    }
    const manager = sharedContext.manager!
    const orderRows = orders.map(({ lines, ...o }) => ({
      ...o,
      id: generateEntityId(undefined, "aord"),
      units: lines.reduce((n, l) => n + l.quantity, 0),
    }))
    const lineRows = orders.flatMap((o) =>
      o.lines.map((l) => ({
        ...l,
        id: generateEntityId(undefined, "aoln"),
        order_id: o.order_id,
        placed_at: o.placed_at,
        canceled: o.canceled_at !== null,
        currency_code: o.currency_code,
        region_id: o.region_id,
        sales_channel_id: o.sales_channel_id,
      }))
    )
    await manager.execute(UPSERT_ORDERS_SQL, [JSON.stringify(orderRows)])
    if (lineRows.length) {
      await manager.execute(UPSERT_ORDER_LINES_SQL, [JSON.stringify(lineRows)])
    }
  }

  @InjectManager()
  async recordRefunds(refunds: RefundFact[], @MedusaContext() sharedContext: Context<SqlEntityManager> = {}): Promise<void> {
    if (refunds.length) {
      const rows = refunds.map((r) => ({ ...r, id: generateEntityId(undefined, "aref") }))
      await sharedContext.manager!.execute(INSERT_REFUNDS_SQL, [JSON.stringify(rows)])
    }
  }

  @InjectManager()
  async recordCarts(carts: CartFact[], @MedusaContext() sharedContext: Context<SqlEntityManager> = {}): Promise<void> {
    if (carts.length) {
      const rows = carts.map((c) => ({ ...c, id: generateEntityId(undefined, "acrt") }))
      await sharedContext.manager!.execute(UPSERT_CARTS_SQL, [JSON.stringify(rows)])
    }
  }

  @InjectManager()
  async recordRegistrations(
    registrations: { customer_id: string; registered_at: Date | string }[],
    @MedusaContext() sharedContext: Context<SqlEntityManager> = {}
  ): Promise<void> {
    if (registrations.length) {
      const rows = registrations.map((r) => ({ ...r, id: generateEntityId(undefined, "areg") }))
      await sharedContext.manager!.execute(INSERT_REGISTRATIONS_SQL, [JSON.stringify(rows)])
    }
  }

  async salesReport(query: ReportQuery) {
    return salesReport(await this.reader(), query)
  }

  async topProducts(query: ReportQuery) {
    return topProducts(await this.reader(), query)
  }

  async topCategories(query: ReportQuery) {
    return topCategories(await this.reader(), query)
  }

  async funnelReport(query: ReportQuery) {
    return funnelReport(await this.reader(), query)
  }

  async customersReport(query: ReportQuery) {
    return customersReport(await this.reader(), query)
  }

  /** Reports read after this process's buffered events are written, so they include them. */
  @InjectManager()
  protected async reader(@MedusaContext() sharedContext: Context<SqlEntityManager> = {}): Promise<RunSql> {
    await this.flush()
    const manager = sharedContext.manager!
    return async <T>(sql: string, params: unknown[]) => (await manager.execute(sql, params)) as T[]
  }
}

export default EmporiumAnalyticsModuleService
