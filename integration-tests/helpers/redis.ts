import { spawnSync } from "child_process"
import type { ConfigModule } from "@medusajs/framework/types"
import Redis from "ioredis"

export const DEFAULT_REDIS_URL = "redis://127.0.0.1:6379"

export type RedisProbe = { reachable: true } | { reachable: false; reason: string }

/** The URL with any password replaced, for messages. */
export function redactRedisUrl(url: string): string {
  try {
    const parsed = new URL(url)
    if (parsed.password) parsed.password = "***"
    return parsed.toString()
  } catch {
    return "<unparseable REDIS_URL>"
  }
}

// Runs in a child process so the answer is known while Jest is still collecting tests
// (describe vs describe.skip must be chosen synchronously). Sends AUTH when the URL carries
// a password, then PING, and exits 0 only on +PONG.
const PROBE_SCRIPT = `
const net = require("net"), tls = require("tls")
const [url, timeoutMs] = process.argv.slice(1)
const fail = (reason) => { process.stderr.write(String(reason)); process.exit(1) }
let u
try { u = new URL(url) } catch { fail("REDIS_URL is not a URL") }
const host = u.hostname || "127.0.0.1", port = Number(u.port || 6379), secure = u.protocol === "rediss:"
const commands = []
if (u.password) commands.push(["AUTH", ...(u.username ? [decodeURIComponent(u.username)] : []), decodeURIComponent(u.password)])
commands.push(["PING"])
const encode = (args) => "*" + args.length + "\\r\\n" + args.map((a) => "$" + Buffer.byteLength(a) + "\\r\\n" + a + "\\r\\n").join("")
setTimeout(() => fail("no answer within " + timeoutMs + " ms"), Number(timeoutMs))
const socket = secure ? tls.connect({ host, port, servername: host }) : net.connect({ host, port })
socket.on(secure ? "secureConnect" : "connect", () => socket.write(commands.map(encode).join("")))
socket.on("error", (e) => fail(e.code ? e.code + " " + e.message : e.message))
let received = ""
socket.on("data", (chunk) => {
  received += chunk
  const replies = received.split("\\r\\n").filter(Boolean)
  const error = replies.find((r) => r.startsWith("-"))
  if (error) fail("Redis answered " + error.slice(1))
  if (replies.length >= commands.length) {
    if (replies[commands.length - 1] === "+PONG") process.exit(0)
    fail("unexpected answer to PING: " + replies[commands.length - 1])
  }
})
`

/** Connects to Redis and sends PING, synchronously (a short-lived child process). */
export function probeRedisSync(url: string, timeoutMs = 1500): RedisProbe {
  const child = spawnSync(process.execPath, ["-e", PROBE_SCRIPT, url, String(timeoutMs)], {
    encoding: "utf8",
    timeout: timeoutMs + 3000,
    env: { ...process.env, NODE_OPTIONS: "" },
  })
  if (child.status === 0) return { reachable: true }
  return { reachable: false, reason: child.stderr?.trim() || child.error?.message || `probe exited with ${child.status}` }
}

/** REQUIRE_REDIS=1 or CI=true: a missing Redis is a failure, not a reason to skip. */
export function redisRequired(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.REQUIRE_REDIS === "1" || env.REQUIRE_REDIS === "true" || env.CI === "true"
}

type ModuleEntry = { resolve?: string; options?: Record<string, any> }

const asEntry = (value: unknown): ModuleEntry | undefined =>
  value && typeof value === "object" ? (value as ModuleEntry) : undefined

/**
 * Moves the Redis modules' queues (BullMQ prefix), cache entries and locks under `prefix`, so this
 * run neither consumes nor disturbs the jobs, cache entries and locks of anything else on the same
 * Redis (a dev server, a bench run) and can delete exactly its own keys afterwards. Not movable by
 * options, and harmless because their names carry unique ids: the event bus's `staging:<ulid>`
 * and the workflow engine's `dtrx:<workflow>:<transaction id>` keys, which the modules delete.
 * Mutates the loaded config (the object `medusa-config.ts` exported, which every later config
 * load in this Jest module registry returns again). Throws unless all four Redis modules were found.
 */
export function isolateRedisModules(configModule: ConfigModule, prefix: string): void {
  const modules = (configModule.modules ?? {}) as Record<string, unknown>
  const found = new Set<string>()

  for (const value of Object.values(modules)) {
    const entry = asEntry(value)
    const resolve = entry?.resolve ?? ""
    if (!entry) continue

    if (resolve.endsWith("/event-bus-redis")) {
      entry.options ??= {}
      entry.options.queueOptions = { ...entry.options.queueOptions, prefix }
      entry.options.workerOptions = { ...entry.options.workerOptions, prefix }
      found.add("event-bus-redis")
    } else if (resolve.endsWith("/workflow-engine-redis")) {
      entry.options ??= {}
      entry.options.redis ??= {}
      // Shared by the main, scheduled-job and cleaner queues and their workers.
      entry.options.redis.queueOptions = { ...entry.options.redis.queueOptions, prefix }
      entry.options.redis.workerOptions = { ...entry.options.redis.workerOptions, prefix }
      found.add("workflow-engine-redis")
    } else if (resolve.endsWith("/cache-redis")) {
      entry.options = { ...entry.options, namespace: `${prefix}:cache` }
      found.add("cache-redis")
    } else if (resolve.endsWith("/caching")) {
      for (const provider of (entry.options?.providers ?? []) as ModuleEntry[]) {
        if (provider.resolve?.endsWith("/caching-redis")) {
          provider.options = { ...provider.options, prefix: `${prefix}:caching:` }
          found.add("caching-redis")
        }
      }
    } else if (resolve.endsWith("/store-cache")) {
      entry.options = { ...entry.options, namespace: `${prefix}:store-cache` }
      found.add("store-cache")
    } else if (resolve.endsWith("/modules/fraud")) {
      // Velocity windows: one run's checkouts must never count in another's.
      entry.options = { ...entry.options, namespace: `${prefix}:fraud` }
      found.add("fraud")
    } else if (resolve.endsWith("/modules/analytics")) {
      entry.options = { ...entry.options, namespace: `${prefix}:analytics` }
      found.add("analytics")
    } else if (resolve.endsWith("/locking")) {
      for (const provider of (entry.options?.providers ?? []) as ModuleEntry[]) {
        if (provider.resolve?.endsWith("/locking-redis")) {
          provider.options = { ...provider.options, namespace: `${prefix}:lock:` }
          found.add("locking-redis")
        }
      }
    }
  }

  const missing = ["event-bus-redis", "workflow-engine-redis", "cache-redis", "caching-redis", "store-cache", "analytics", "fraud", "locking-redis"].filter(
    (name) => !found.has(name)
  )
  if (missing.length) {
    throw new Error(`REDIS_URL is set but the config has no ${missing.join(", ")} module; Redis is not in use`)
  }
}

/** Keys under `prefix` (SCAN, never KEYS). */
export async function listRedisKeys(url: string, prefix: string): Promise<string[]> {
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 })
  try {
    await client.connect()
    const keys: string[] = []
    let cursor = "0"
    do {
      const [next, batch] = await client.scan(cursor, "MATCH", `${prefix}:*`, "COUNT", 500)
      keys.push(...batch)
      cursor = next
    } while (cursor !== "0")
    return keys
  } finally {
    client.disconnect()
  }
}

/** Deletes this run's keys only; nothing else on the server is touched (no FLUSHDB). */
export async function deleteRedisKeys(url: string, prefix: string): Promise<number> {
  const keys = await listRedisKeys(url, prefix)
  if (!keys.length) return 0
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 })
  try {
    await client.connect()
    for (let i = 0; i < keys.length; i += 500) {
      await client.unlink(...keys.slice(i, i + 500))
    }
    return keys.length
  } finally {
    client.disconnect()
  }
}
