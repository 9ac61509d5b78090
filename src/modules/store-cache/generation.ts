import Redis from "ioredis"

/**
 * The catalogue's generations: numbers that grow whenever something a catalogue answer shows
 * may have changed. Cached answers are stored under the generations that were current *before*
 * their data was read, so an answer computed while a write was landing can never be served
 * after the write's invalidation: readers look under the new numbers and miss.
 *
 * Three counters: `catalog` (products, prices, categories, regions… everything), `stock`
 * (inventory levels and reservations) and `recommendations` (the recommendation models). Only
 * answers that show stock depend on `stock`, so an order — which reserves stock — leaves the
 * category menu and stock-less product reads cached; only recommendation lists depend on
 * `recommendations`.
 */
export type GenerationScope = "catalog" | "stock" | "recommendations"
export type Generations = Record<GenerationScope, string>

export interface CatalogGeneration {
  current(): Promise<Generations>
  bump(scope: GenerationScope): Promise<void>
  close(): Promise<void>
}

/** One process: counters in memory. */
export class LocalGeneration implements CatalogGeneration {
  private readonly values: Record<GenerationScope, number> = { catalog: 0, stock: 0, recommendations: 0 }
  async current(): Promise<Generations> {
    return {
      catalog: String(this.values.catalog),
      stock: String(this.values.stock),
      recommendations: String(this.values.recommendations),
    }
  }
  async bump(scope: GenerationScope): Promise<void> {
    this.values[scope]++
  }
  async close(): Promise<void> {}
}

/**
 * Several processes (cluster workers, several hosts): counters in Redis that every process
 * reads (one MGET) on each cacheable request, so a write seen by one process is seen by all.
 */
export class RedisGeneration implements CatalogGeneration {
  private readonly client: Redis
  private readonly keys: Record<GenerationScope, string>

  constructor(redisUrl: string, namespace: string) {
    this.client = new Redis(redisUrl, {
      lazyConnect: false,
      maxRetriesPerRequest: 2,
      connectionName: "emporium-store-cache",
    })
    // A Redis outage must not take the store down: reads then bypass the cache (see current()).
    this.client.on("error", () => undefined)
    this.keys = {
      catalog: `${namespace}:generation`,
      stock: `${namespace}:generation:stock`,
      recommendations: `${namespace}:generation:recommendations`,
    }
  }

  /** Throws when Redis does not answer; the caller then serves uncached. */
  async current(): Promise<Generations> {
    const [catalog, stock, recommendations] = await this.client.mget(this.keys.catalog, this.keys.stock, this.keys.recommendations)
    return { catalog: catalog ?? "0", stock: stock ?? "0", recommendations: recommendations ?? "0" }
  }

  async bump(scope: GenerationScope): Promise<void> {
    await this.client.incr(this.keys[scope])
  }

  async close(): Promise<void> {
    await this.client.quit().catch(() => this.client.disconnect())
  }
}
