/**
 * `npm start` with Redis, as production runs it: one Medusa process per core behind
 * `medusa start --cluster`, sharing the store read cache through Redis. A price changed through
 * one process must show in every process's next answer, and Ctrl-C must stop them all. With a
 * dedicated background worker (Medusa's worker mode), search indexing happens in the worker only
 * and must still fill the index on first start and follow catalogue changes.
 * Requires Redis (REQUIRE_REDIS=1, set by CI, makes its absence a failure) and two cores.
 */
import fs from "fs"
import http from "http"
import os from "os"
import path from "path"
import { DEFAULT_REDIS_URL, deleteRedisKeys, probeRedisSync, redactRedisUrl, redisRequired } from "../helpers/redis"
import { freePort, startEngine, stopEngine, type Started } from "../helpers/npm-start"

jest.setTimeout(10 * 60_000)

const ADMIN = { email: "cluster-admin@emporium.test", password: "cluster-test-password-1" }
const redisUrl = process.env.REDIS_URL || process.env.TEST_REDIS_URL || DEFAULT_REDIS_URL
const probe = probeRedisSync(redisUrl)
const title = "npm start with REDIS_URL: one process per core, one store read cache"

type Answer = { status: number; headers: http.IncomingHttpHeaders; body: any }

/** A request on a connection of its own, so the cluster's round robin spreads them over its processes. */
function freshRequest(port: number, method: string, pathAndQuery: string, headers: Record<string, string> = {}, body?: unknown): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body)
    const req = http.request(
      { host: "127.0.0.1", port, method, path: pathAndQuery, agent: false, headers: { ...headers, ...(payload ? { "content-type": "application/json" } : {}) } },
      (res) => {
        let text = ""
        res.on("data", (chunk) => (text += chunk))
        res.on("end", () => {
          // A non-JSON answer (an HTML 404 page) is returned as text, for the assertion to show.
          let body: unknown = text || undefined
          try {
            body = text ? JSON.parse(text) : undefined
          } catch {
            // kept as text
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body })
        })
      }
    )
    req.on("error", reject)
    req.end(payload)
  })
}

if (!probe.reachable && !redisRequired()) {
  console.warn(`Skipping "${title}": Redis at ${redactRedisUrl(redisUrl)} did not answer (${probe.reason}); set REQUIRE_REDIS=1 to make this a failure.`)
}
;(probe.reachable || redisRequired() ? describe : describe.skip)(title, () => {
  const prefix = `emporium-e2e-${process.pid}-${Date.now().toString(36)}:`
  let engine: Started | undefined
  let port: number
  /** The first test's store (data directory, Redis prefix), which the second starts again. */
  let sharedEnv: Record<string, string | undefined> | undefined

  afterAll(async () => {
    if (engine && engine.child.exitCode === null) await stopEngine(engine)
    if (probe.reachable) await deleteRedisKeys(redisUrl, prefix)
  })

  it("serves from two processes, shows a price change in both at once, and stops them all on Ctrl-C without losing an analytics event", async () => {
    if (!probe.reachable) throw new Error(`Redis at ${redactRedisUrl(redisUrl)} did not answer PING (${probe.reason})`)
    expect(os.cpus().length).toBeGreaterThanOrEqual(2)
    port = await freePort()
    const env = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      PORT: String(port),
      EMBEDDED_PG_PORT: String(await freePort()),
      EMPORIUM_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), "emporium-cluster-")),
      REDIS_URL: redisUrl,
      REDIS_PREFIX: prefix,
      EMPORIUM_PROCESSES: "2",
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
    }
    sharedEnv = env
    engine = await startEngine(env)
    expect(engine.output()).toContain("processes: 2")
    const key = engine.output().match(/Publishable key (pk_\w+)/)![1]
    const store = { "x-publishable-api-key": key }
    const { body: auth } = await freshRequest(port, "POST", "/auth/user/emailpass", {}, ADMIN)
    const admin = { authorization: `Bearer ${auth.token}` }

    // Which processes answer: each reports its own pid with its cache counters. The banner comes
    // when the first process listens; the second may still be booting, so ask for up to a minute.
    const pids = new Set<number>()
    for (const deadline = Date.now() + 60_000; pids.size < 2 && Date.now() < deadline; ) {
      pids.add((await freshRequest(port, "GET", "/admin/store-cache", admin)).body.store_cache.pid)
      if (pids.size < 2) await new Promise((r) => setTimeout(r, 100))
    }
    expect(pids.size).toBe(2)

    const { body: regions } = await freshRequest(port, "GET", "/store/regions", store)
    const europe = regions.regions.find((r: { currency_code: string }) => r.currency_code === "eur")
    const { body: listed } = await freshRequest(port, "GET", "/admin/products?limit=1&order=title&fields=id,title,variants.id", admin)
    const product = listed.products[0]
    const variantId = product.variants[0].id
    const url = `/store/products/${product.id}?region_id=${europe.id}&fields=*variants.calculated_price`
    const priceIn = (answer: Answer) =>
      answer.body.product.variants.find((v: { id: string }) => v.id === variantId).calculated_price.calculated_amount

    // Both processes have the product cached (first answers fill memory and Redis).
    const before: Answer[] = []
    for (let i = 0; i < 12; i++) before.push(await freshRequest(port, "GET", url, store))
    expect(before.map((a) => a.headers["x-emporium-cache"])).toContain("hit")
    const oldPrice = priceIn(before[0])

    const newPrice = Math.round((oldPrice + 7.5) * 100) / 100
    const changed = await freshRequest(port, "POST", `/admin/products/${product.id}/variants/${variantId}`, admin, {
      prices: [{ currency_code: "eur", amount: newPrice }],
    })
    expect(changed.status).toBe(200)

    const after = await Promise.all(Array.from({ length: 12 }, () => freshRequest(port, "GET", url, store)))
    expect(after.map(priceIn)).toEqual(Array(12).fill(newPrice))

    // Analytics events are buffered in each process for up to a second: send 1,000 spread over
    // both processes and press Ctrl-C at once. A graceful stop must write every one of them.
    const batch = Array.from({ length: 50 }, (_, i) => ({ anonymous_id: `shutdown-${i}`, name: "page_view", properties: { path: "/shutdown" } }))
    const accepted = await Promise.all(
      Array.from({ length: 20 }, () => freshRequest(port, "POST", "/store/analytics/events", store, { events: batch }))
    )
    expect(accepted.map((a) => a.status)).toEqual(Array(20).fill(202))

    const exitCode = await stopEngine(engine)
    expect(exitCode).toBe(130)
    for (const pid of pids) {
      expect(() => process.kill(pid, 0)).toThrow()
    }

    // Second start on the same data: the events are there.
    engine = await startEngine(env)
    const { body: again } = await freshRequest(port, "POST", "/auth/user/emailpass", {}, ADMIN)
    const { body: funnel } = await freshRequest(port, "GET", "/admin/analytics/funnel", { authorization: `Bearer ${again.token}` })
    expect(funnel.events).toContainEqual({ name: "page_view", count: 1000 })
    expect(await stopEngine(engine)).toBe(130)
  })

  it("serves search from one HTTP server with the catalogue indexed, and a dedicated background worker indexes a new product", async () => {
    if (!probe.reachable) throw new Error(`Redis at ${redactRedisUrl(redisUrl)} did not answer PING (${probe.reason})`)
    // The first test's store, now with one HTTP server and a worker: the demo seed's events are
    // worked off by then (a first start queues thousands, which Medusa's Redis event bus works
    // one at a time), so a new product's event is not stuck behind them.
    port = await freePort()
    const base = sharedEnv ?? {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      EMBEDDED_PG_PORT: String(await freePort()),
      EMPORIUM_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), "emporium-worker-")),
      REDIS_URL: redisUrl,
      REDIS_PREFIX: prefix,
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
    }
    const env = { ...base, PORT: String(port), EMPORIUM_PROCESSES: "2", EMPORIUM_DEDICATED_WORKER: "true" }
    engine = await startEngine(env)
    expect(engine.output()).toContain("1 HTTP server, 1 background worker")
    const key = engine.output().match(/Publishable key (pk_\w+)/)![1]
    const store = { "x-publishable-api-key": key }
    const { body: auth } = await freshRequest(port, "POST", "/auth/user/emailpass", {}, ADMIN)
    const admin = { authorization: `Bearer ${auth.token}` }

    // Every published product of the storefront's channel, as Medusa lists them, is searchable.
    // Every answer comes from the HTTP server: the worker listens on a loopback port of its own.
    const statuses = await Promise.all(Array.from({ length: 6 }, () => freshRequest(port, "GET", "/store/products?limit=1&fields=id", store)))
    expect(statuses.map((a) => a.status)).toEqual(Array(6).fill(200))
    const { body: listed } = await freshRequest(port, "GET", "/store/products?limit=1&fields=id", store)
    const searchCount = async () => (await freshRequest(port, "GET", "/store/search/products?limit=1", store)).body?.count
    let indexed: number | undefined
    for (const deadline = Date.now() + 120_000; Date.now() < deadline; ) {
      indexed = await searchCount()
      if (indexed === listed.count) break
      await new Promise((r) => setTimeout(r, 500))
    }
    expect({ indexed, listed: listed.count }).toEqual({ indexed: listed.count, listed: listed.count })
    expect(listed.count).toBeGreaterThan(0)

    // A product created through the HTTP server reaches the index through the worker.
    const { body: sample } = await freshRequest(port, "GET", "/admin/products?limit=1&fields=id,sales_channels.id,shipping_profile.id", admin)
    const created = await freshRequest(port, "POST", "/admin/products", admin, {
      title: "Zeppelin weather station",
      status: "published",
      sales_channels: [{ id: sample.products[0].sales_channels[0].id }],
      options: [{ title: "Default", values: ["Default"] }],
      variants: [{ title: "Default", manage_inventory: false, options: { Default: "Default" }, prices: [{ currency_code: "eur", amount: 99 }] }],
    })
    expect(created.status).toBe(200)
    let hits: { id: string }[] = []
    for (const deadline = Date.now() + 180_000; Date.now() < deadline && !hits.length; ) {
      hits = (await freshRequest(port, "GET", "/store/search/products?q=zeppelin", store)).body?.products ?? []
      if (!hits.length) await new Promise((r) => setTimeout(r, 300))
    }
    expect(hits.map((h) => h.id)).toEqual([created.body.product.id])
    expect(await stopEngine(engine)).toBe(130)
  })
})
