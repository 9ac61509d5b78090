import { Modules } from "@medusajs/framework/utils"
import { flashSaleSuite } from "../../helpers/flash-sale-suite"
import { redisIntegrationTestRunner } from "../../helpers/redis-runner"

jest.setTimeout(180_000)

const title = "flash sale and bundles at checkout (Redis event bus, workflow engine, cache and locking)"

redisIntegrationTestRunner(title, (options) => {
  flashSaleSuite(title)(options)
  // After the suite: its beforeAll seeds the store the runner snapshots for every later test.
  it("ran on the Redis event bus", () => {
    expect(options.getContainer().resolve(Modules.EVENT_BUS).constructor.name).toBe("RedisEventBusService")
  })
})
