import { Modules } from "@medusajs/framework/utils"
import { STORE_CACHE_MODULE } from "../../../src/modules/store-cache"
import StoreCacheModuleService from "../../../src/modules/store-cache/service"
import { requestKey } from "../../../src/modules/store-cache/policy"
import { storeCacheSuite } from "../../helpers/store-cache-suite"
import { redisIntegrationTestRunner } from "../../helpers/redis-runner"

jest.setTimeout(180_000)

const title = "store read cache with Redis (generation and answers shared through Redis)"

redisIntegrationTestRunner(title, (options, run) => {
  storeCacheSuite()(options)

  // After the suite: its beforeAll seeds the store the runner snapshots for every later test.
  describe("another process on the same Redis", () => {
    /** What a second server process holds: its own Redis connection and no memory of this one's. */
    function secondProcess(): StoreCacheModuleService {
      const container = options.getContainer()
      const configured = (container.resolve("configModule").modules as Record<string, { options?: Record<string, unknown> }>)[STORE_CACHE_MODULE]
      return new StoreCacheModuleService(
        { logger: container.resolve("logger"), event_bus: container.resolve(Modules.EVENT_BUS), caching: container.resolve(Modules.CACHING) },
        { ...configured.options, caching_providers: ["caching-redis"] }
      )
    }

    it("reads the generation this process bumped, and finds the answers this process stored in Redis", async () => {
      const other = secondProcess()
      try {
        const url = "/store/regions"
        const here = options.getContainer().resolve<StoreCacheModuleService>(STORE_CACHE_MODULE)
        const before = await other.currentGeneration()
        expect(await here.currentGeneration()).toBe(before)

        await here.invalidate("test: a write in this process")
        const after = await other.currentGeneration()
        expect(Number(after)).toBeGreaterThan(Number(before))

        const key = requestKey({ method: "GET", path: url, query: "", header: () => undefined })
        await here.store(after!, key, { etag: '"e1"', body: '{"regions":[]}' })
        expect(await other.lookup(after!, key)).toEqual({ etag: '"e1"', body: '{"regions":[]}' })
        await here.invalidate("test: another write")
        expect(await other.lookup((await other.currentGeneration())!, key)).toBeUndefined()
      } finally {
        await other.__hooks.onApplicationShutdown()
      }
    })

    it("runs on the Redis event bus and keeps its keys under this run's prefix", () => {
      expect(options.getContainer().resolve(Modules.EVENT_BUS).constructor.name).toBe("RedisEventBusService")
      expect(run.keyPrefix).toMatch(/^emporium-test:/)
    })
  })
})
