import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/postgresql"
import { generateEntityId } from "@medusajs/framework/utils"
import type Redis from "ioredis"

/** A key to count ("email:ada@example.com") and the windows its rules look at. */
export type VelocityRequest = { key: string; windows_minutes: number[] }

/**
 * Sliding-window counters of checkout attempts. Each call records this attempt under every key
 * and returns, per key and window, how many attempts fall inside it (this one included).
 */
export interface VelocityStore {
  recordAndCount(cartId: string, requests: VelocityRequest[], now: Date): Promise<Record<string, number>>
}

const countKey = (key: string, minutes: number) => `${key}|${minutes}`
export { countKey as velocityCountKey }

/** Redis sorted sets scored by time: shared by every process, pruned on each write. */
export class RedisVelocityStore implements VelocityStore {
  constructor(private readonly redis: Redis, private readonly namespace: string) {}

  async recordAndCount(cartId: string, requests: VelocityRequest[], now: Date): Promise<Record<string, number>> {
    const at = now.getTime()
    const pipeline = this.redis.multi()
    for (const request of requests) {
      const key = `${this.namespace}:${request.key}`
      const longest = Math.max(...request.windows_minutes)
      pipeline.zadd(key, at, `${at}:${cartId}:${Math.random().toString(36).slice(2, 8)}`)
      pipeline.zremrangebyscore(key, 0, at - longest * 60_000)
      pipeline.pexpire(key, longest * 60_000)
      for (const minutes of request.windows_minutes) {
        pipeline.zcount(key, at - minutes * 60_000, "+inf")
      }
    }
    const replies = (await pipeline.exec()) ?? []
    const counts: Record<string, number> = {}
    let index = 0
    for (const request of requests) {
      index += 3
      for (const minutes of request.windows_minutes) {
        counts[countKey(request.key, minutes)] = Number(replies[index++]?.[1] ?? 0)
      }
    }
    return counts
  }
}

/** The same in PostgreSQL (fraud_attempt), for the embedded setup without Redis. */
export class PostgresVelocityStore implements VelocityStore {
  constructor(private readonly manager: () => SqlEntityManager) {}

  async recordAndCount(cartId: string, requests: VelocityRequest[], now: Date): Promise<Record<string, number>> {
    if (!requests.length) return {}
    const manager = this.manager()
    const rows = requests.map((request) => ({ id: generateEntityId(undefined, "fat"), key: request.key }))
    await manager.execute(
      `INSERT INTO fraud_attempt (id, key, cart_id, occurred_at)
       SELECT r.id, r.key, ?, ? FROM jsonb_to_recordset(?::jsonb) AS r(id text, key text)`,
      [cartId, now, JSON.stringify(rows)]
    )
    const windows = requests.flatMap((request) => request.windows_minutes.map((minutes) => ({ key: request.key, minutes })))
    const counted = await manager.execute(
      `SELECT w.key, w.minutes, count(a.id)::int AS count
         FROM jsonb_to_recordset(?::jsonb) AS w(key text, minutes int)
         LEFT JOIN fraud_attempt a
           ON a.key = w.key AND a.deleted_at IS NULL AND a.occurred_at > ?::timestamptz - make_interval(mins => w.minutes)
        GROUP BY w.key, w.minutes`,
      [JSON.stringify(windows), now]
    )
    return Object.fromEntries(counted.map((row: any) => [countKey(row.key, row.minutes), Number(row.count)]))
  }
}
