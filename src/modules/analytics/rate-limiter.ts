import Redis from "ioredis"

export type RateDecision = { allowed: boolean; count: number; retryAfterSeconds: number }

/** Fixed one-minute windows per client key. */
export interface RateLimiter {
  hit(key: string): Promise<RateDecision>
  close(): Promise<void>
}

const WINDOW_MS = 60_000
/** Clients remembered at most by one process; the oldest window is forgotten first. */
const MAX_CLIENTS = 50_000

/** One process: windows in memory (the embedded default, where there is one process). */
export class MemoryRateLimiter implements RateLimiter {
  private readonly windows = new Map<string, { started: number; count: number }>()

  constructor(private readonly limit: number) {}

  async hit(key: string): Promise<RateDecision> {
    const now = Date.now()
    let window = this.windows.get(key)
    if (!window || now - window.started >= WINDOW_MS) {
      this.windows.delete(key)
      window = { started: now, count: 0 }
      this.windows.set(key, window)
      if (this.windows.size > MAX_CLIENTS) {
        this.windows.delete(this.windows.keys().next().value as string)
      }
    }
    window.count += 1
    return decide(window.count, this.limit, window.started + WINDOW_MS - now)
  }

  async close(): Promise<void> {}
}

/**
 * Several processes (`npm start` with REDIS_URL runs one per core): one counter per client and
 * window in Redis, so the limit holds for the whole engine, not per process. If Redis does not
 * answer, the batch is let through (analytics must never take the storefront down) and this
 * process's own windows apply instead.
 */
export class RedisRateLimiter implements RateLimiter {
  private readonly client: Redis
  private readonly fallback: MemoryRateLimiter

  constructor(redisUrl: string, private readonly namespace: string, private readonly limit: number) {
    this.client = new Redis(redisUrl, { maxRetriesPerRequest: 1, connectionName: "emporium-analytics-rate" })
    this.client.on("error", () => undefined)
    this.fallback = new MemoryRateLimiter(limit)
  }

  key(client: string): string {
    return `${this.namespace}:rate:${client}`
  }

  async hit(client: string): Promise<RateDecision> {
    const key = this.key(client)
    try {
      // INCR then set the window's expiry only when it has none (the first hit of the window).
      const results = await this.client.multi().incr(key).pexpire(key, WINDOW_MS, "NX").pttl(key).exec()
      const count = Number(results?.[0]?.[1])
      const ttl = Number(results?.[2]?.[1])
      if (!Number.isFinite(count)) {
        throw new Error("no answer from Redis")
      }
      return decide(count, this.limit, ttl > 0 ? ttl : WINDOW_MS)
    } catch {
      return this.fallback.hit(client)
    }
  }

  async close(): Promise<void> {
    this.client.disconnect()
  }
}

function decide(count: number, limit: number, msLeft: number): RateDecision {
  return { allowed: count <= limit, count, retryAfterSeconds: Math.max(1, Math.ceil(msLeft / 1000)) }
}
