import Redis from "ioredis"

/**
 * The catalogue's generation: a number that grows whenever something a catalogue answer shows
 * may have changed. Cached answers are stored under the generation that was current *before*
 * their data was read, so an answer computed while a write was landing can never be served
 * after the write's invalidation: readers look under the new number and miss.
 */
export interface CatalogGeneration {
  current(): Promise<string>
  bump(): Promise<void>
  close(): Promise<void>
}

/** One process: a counter in memory. */
export class LocalGeneration implements CatalogGeneration {
  private value = 0
  async current(): Promise<string> {
    return String(this.value)
  }
  async bump(): Promise<void> {
    this.value++
  }
  async close(): Promise<void> {}
}

/**
 * Several processes (cluster workers, several hosts): a counter in Redis that every process
 * reads on each cacheable request, so a write seen by one process is seen by all.
 */
export class RedisGeneration implements CatalogGeneration {
  private readonly client: Redis
  private readonly key: string

  constructor(redisUrl: string, namespace: string) {
    this.client = new Redis(redisUrl, {
      lazyConnect: false,
      maxRetriesPerRequest: 2,
      connectionName: "emporium-store-cache",
    })
    // A Redis outage must not take the store down: reads then bypass the cache (see current()).
    this.client.on("error", () => undefined)
    this.key = `${namespace}:generation`
  }

  /** Throws when Redis does not answer; the caller then serves uncached. */
  async current(): Promise<string> {
    return (await this.client.get(this.key)) ?? "0"
  }

  async bump(): Promise<void> {
    await this.client.incr(this.key)
  }

  async close(): Promise<void> {
    await this.client.quit().catch(() => this.client.disconnect())
  }
}
