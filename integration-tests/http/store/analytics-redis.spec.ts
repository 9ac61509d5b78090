import Redis from "ioredis"
import { EMPORIUM_ANALYTICS_MODULE } from "../../../src/modules/analytics"
import type EmporiumAnalyticsModuleService from "../../../src/modules/analytics/service"
import { attempt, storeHeaders, type Api } from "../../helpers/http"
import { listRedisKeys } from "../../helpers/redis"
import { redisIntegrationTestRunner } from "../../helpers/redis-runner"
import { seedStore, type StoreFixture } from "../../helpers/store-fixture"

jest.setTimeout(180_000)
process.env.EMPORIUM_ANALYTICS_RATE_LIMIT = "5"

const title = "analytics with Redis (the rate limit shared by every process)"

redisIntegrationTestRunner(title, ({ api: rawApi, getContainer }, run) => {
  const api = rawApi as Api
  let f: StoreFixture

  beforeAll(async () => {
    f = await seedStore(getContainer(), api)
  })

  it("counts a client's batches in Redis, so batches another process took count here too", async () => {
    const batch = { events: [{ anonymous_id: "redis-visitor", name: "page_view", properties: { path: "/" } }] }
    const send = () => attempt(api.post("/store/analytics/events", batch, storeHeaders(f.storefront.publishableKey)))
    expect((await send()).status).toBe(202)
    expect((await send()).status).toBe(202)

    const [key] = await listRedisKeys(run.redisUrl, `${run.keyPrefix}:analytics:rate`)
    expect(key).toBeDefined()
    const redis = new Redis(run.redisUrl)
    try {
      expect(await redis.get(key)).toBe("2")
      expect(await redis.pttl(key)).toBeGreaterThan(0)
      // Another server process answered three batches from the same client in this minute.
      await redis.incrby(key, 3)
    } finally {
      redis.disconnect()
    }
    const refused = await send()
    expect(refused.status).toBe(429)
    expect(refused.data.message).toContain("at most 5 per minute")

    // The two accepted batches are stored; the refused one is not.
    const analytics = getContainer().resolve<EmporiumAnalyticsModuleService>(EMPORIUM_ANALYTICS_MODULE)
    await analytics.flush()
    expect(await analytics.listAnalyticsEvents({ anonymous_id: "redis-visitor" })).toHaveLength(2)
  })
})
