import type { ICachingModuleService, IEventBusModuleService, Logger } from "@medusajs/framework/types"
import { LocalGeneration, RedisGeneration, type CatalogGeneration, type GenerationScope } from "./generation"
import { invalidationScope, publicCacheControl } from "./policy"

export type StoreCacheModuleOptions = {
  /** Off: every read goes to Medusa, and no caching headers are added. Default on. */
  enabled?: boolean
  /** Shares the generation between processes. Unset: one process, a counter in memory. */
  redis_url?: string
  /** Keeps one database's entries apart from another's on a shared Redis. */
  namespace?: string
  /** How long an entry may stay in the Caching Module (seconds). Correctness does not depend on it. */
  ttl_seconds?: number
  /** `max-age` a CDN or browser may keep an anonymous answer (seconds). */
  max_age_seconds?: number
  /** `stale-while-revalidate` (seconds). */
  stale_while_revalidate_seconds?: number
  /**
   * Caching Module providers to read from in order and write to, e.g. ["cache-memory",
   * "caching-redis"] for a per-process first level in front of a shared Redis. Unset: the
   * Caching Module's default provider.
   */
  caching_providers?: string[]
}

/** One cached answer: the serialised JSON body and its strong ETag. */
export type CachedAnswer = { etag: string; body: string }

/** What the dashboard shows; counters are this process's since it started. */
export type StoreCacheStats = {
  enabled: boolean
  /** True when the generation (and answers) are shared through Redis by every process. */
  shared: boolean
  generation: string | null
  max_age_seconds: number
  /** The process these counters belong to (with several processes, each counts its own). */
  pid: number
  since: string
  hits: number
  misses: number
  bypasses: number
  invalidations: number
  last_invalidation: { at: string; reason: string } | null
}

type Interceptor = (message: { name: string }) => Promise<void> | void
/** Medusa's event buses (local and Redis) call interceptors with every event they emit. */
type InterceptableEventBus = IEventBusModuleService & { addInterceptor?: (fn: Interceptor) => void }

type InjectedDependencies = {
  logger: Logger
  event_bus: InterceptableEventBus
  caching?: ICachingModuleService
}

/**
 * The store read cache: whole answers of anonymous catalogue reads, kept in Medusa's Caching
 * Module (in memory, or Redis when configured) under the catalogue's current generation.
 * Every event that may change the catalogue bumps the generation, in whichever process
 * emitted it; see policy.ts for which events and which routes.
 */
/** What an invalidation of a narrower scope empties, as the admin widget says it. */
const SCOPE_NOTES = { stock: "answers showing stock", recommendations: "recommendation lists" } as const

export default class StoreCacheModuleService {
  protected readonly logger_: Logger
  protected readonly eventBus_: InterceptableEventBus
  protected readonly caching_?: ICachingModuleService
  protected readonly generation_: CatalogGeneration
  protected readonly options_: Required<Omit<StoreCacheModuleOptions, "redis_url" | "caching_providers">>
  protected readonly providers_?: string[]
  /** `Cache-Control` of every anonymous catalogue answer (fixed by the options, built once). */
  readonly publicCacheControl: string
  protected readonly interceptor_ = (message: { name: string }) => this.onEvent(message.name)
  protected readonly shared_: boolean
  protected readonly counters_ = { hits: 0, misses: 0, bypasses: 0, invalidations: 0 }
  protected readonly since_ = new Date()
  protected lastInvalidation_: { at: string; reason: string } | null = null

  __hooks = {
    onApplicationStart: async () => this.onApplicationStart(),
    onApplicationShutdown: async () => this.generation_.close(),
  }

  constructor(container: InjectedDependencies, options: StoreCacheModuleOptions = {}) {
    this.logger_ = container.logger
    this.eventBus_ = container.event_bus
    try {
      this.caching_ = container.caching
    } catch {
      this.caching_ = undefined
    }
    const namespace = options.namespace ?? "emporium:store-cache"
    this.options_ = {
      enabled: options.enabled ?? true,
      namespace,
      ttl_seconds: options.ttl_seconds ?? 600,
      max_age_seconds: options.max_age_seconds ?? 5,
      stale_while_revalidate_seconds: options.stale_while_revalidate_seconds ?? 30,
    }
    this.publicCacheControl = publicCacheControl(this.options_.max_age_seconds, this.options_.stale_while_revalidate_seconds)
    this.providers_ = options.caching_providers
    this.shared_ = !!options.redis_url
    this.generation_ = options.redis_url ? new RedisGeneration(options.redis_url, namespace) : new LocalGeneration()
  }

  protected async onApplicationStart(): Promise<void> {
    if (!this.isEnabled()) return
    if (!this.eventBus_.addInterceptor) {
      this.logger_.warn("[store-cache] the event bus cannot be intercepted; the store read cache stays off")
      this.options_.enabled = false
      return
    }
    this.eventBus_.addInterceptor(this.interceptor_)
    // Whatever changed while no process was listening (a migration, a script run before
    // start) must not be answered from entries made before it.
    await this.invalidate("start").catch(() => undefined)
  }

  isEnabled(): boolean {
    return this.options_.enabled && !!this.caching_
  }

  /**
   * The generation to read and store under: the catalogue's, and the stock's too for an answer
   * that shows stock. Read it before computing an answer: an answer must be filed under the
   * generation that preceded its data. Undefined when the shared generation cannot be read
   * (Redis down): the request then bypasses the cache.
   */
  async currentGeneration(readsStock = false, readsRecommendations = false): Promise<string | undefined> {
    try {
      const { catalog, stock, recommendations } = await this.generation_.current()
      const base = readsStock ? `${catalog}.${stock}` : catalog
      return readsRecommendations ? `${base}.r${recommendations}` : base
    } catch (error) {
      this.logger_.warn(`[store-cache] cannot read the catalogue generation, serving uncached: ${(error as Error).message}`)
      return undefined
    }
  }

  async lookup(generation: string, key: string): Promise<CachedAnswer | undefined> {
    const found = await this.caching_!.get({ key: this.entryKey(generation, key), providers: this.providers_ })
    const answer = found && typeof found === "object" && "etag" in found ? (found as CachedAnswer) : undefined
    this.counters_[answer ? "hits" : "misses"]++
    return answer
  }

  async store(generation: string, key: string, answer: CachedAnswer): Promise<void> {
    await this.caching_!.set({
      key: this.entryKey(generation, key),
      data: answer as unknown as object,
      ttl: this.options_.ttl_seconds,
      // Explicit (empty) tags: the Caching Module must not compute entity tags from our body,
      // which it would otherwise do on every set; the generation does the invalidating.
      tags: [],
      // Medusa's automatic, entity-tag invalidation must not touch these entries either.
      options: { autoInvalidate: false },
      providers: this.providers_,
    })
  }

  /**
   * Parts of answers other routes assemble (a recommendation list's products), filed under a
   * generation like whole answers and never counted as hits or misses of the read cache.
   * Undefined for each key not found.
   */
  async lookupParts<T>(generation: string, keys: string[]): Promise<(T | undefined)[]> {
    return Promise.all(
      keys.map(async (key) => {
        const found = await this.caching_!.get({ key: this.entryKey(generation, `part:${key}`), providers: this.providers_ })
        return (found ?? undefined) as T | undefined
      })
    )
  }

  async storeParts(generation: string, parts: { key: string; data: object }[]): Promise<void> {
    await Promise.all(
      parts.map(({ key, data }) =>
        this.caching_!.set({
          key: this.entryKey(generation, `part:${key}`),
          data,
          ttl: this.options_.ttl_seconds,
          tags: [],
          options: { autoInvalidate: false },
          providers: this.providers_,
        })
      )
    )
  }

  /** A request that carried credentials and went to Medusa untouched. */
  noteBypass(): void {
    this.counters_.bypasses++
  }

  async stats(): Promise<StoreCacheStats> {
    return {
      enabled: this.isEnabled(),
      shared: this.shared_,
      generation: (await this.currentGeneration(true)) ?? null,
      max_age_seconds: this.options_.max_age_seconds,
      pid: process.pid,
      since: this.since_.toISOString(),
      ...this.counters_,
      last_invalidation: this.lastInvalidation_,
    }
  }

  /**
   * Makes cached answers unreachable: every answer (scope "catalog", the default), or only those
   * that show stock (scope "stock").
   */
  async invalidate(reason: string, scope: GenerationScope = "catalog"): Promise<void> {
    this.counters_.invalidations++
    this.lastInvalidation_ = { at: new Date().toISOString(), reason: scope === "catalog" ? reason : `${reason} (${SCOPE_NOTES[scope]})` }
    await this.generation_.bump(scope)
    this.logger_.debug?.(`[store-cache] ${scope} generation bumped (${reason})`)
  }

  protected async onEvent(eventName: string): Promise<void> {
    const scope = invalidationScope(eventName)
    if (!scope) return
    await this.invalidate(eventName, scope).catch((error: Error) =>
      this.logger_.error(`[store-cache] could not invalidate after ${eventName}: ${error.message}`)
    )
  }

  protected entryKey(generation: string, key: string): string {
    return `${this.options_.namespace}:${generation}:${key}`
  }
}
