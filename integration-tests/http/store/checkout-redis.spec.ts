import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { placeOrder } from "../../helpers/cart"
import { checkoutFlowSuite } from "../../helpers/checkout-flow"
import { signUp } from "../../helpers/customer"
import {
  DEFAULT_REDIS_URL,
  deleteRedisKeys,
  isolateRedisModules,
  listRedisKeys,
  probeRedisSync,
  redactRedisUrl,
  redisRequired,
} from "../../helpers/redis"

jest.setTimeout(120_000)

// Must be set before the runner loads medusa-config.ts: with REDIS_URL the event bus, workflow
// engine, cache and locking modules are the Redis ones (src/config/medusa.ts). An existing
// REDIS_URL wins; `npm test` (scripts/test.js) removes it and passes its choice as TEST_REDIS_URL.
const redisUrl = (process.env.REDIS_URL ||= process.env.TEST_REDIS_URL || DEFAULT_REDIS_URL)
const shownUrl = redactRedisUrl(redisUrl)
// This run's queues, cache entries and locks live under this prefix (see isolateRedisModules), and
// only these keys are deleted afterwards (no FLUSHDB): other users of the same Redis are left alone.
const keyPrefix = `emporium-test:${process.pid}-${Date.now().toString(36)}`

const probe = probeRedisSync(redisUrl)
const title = "storefront checkout (Redis event bus, workflow engine, cache and locking)"

if (!probe.reachable && redisRequired()) {
  describe(title, () => {
    it("needs a Redis server", () => {
      throw new Error(
        `Redis at ${shownUrl} did not answer PING (${probe.reason}); REQUIRE_REDIS=1 or CI=true makes that a failure.`
      )
    })
  })
} else if (!probe.reachable) {
  console.warn(
    `Skipping "${title}": Redis at ${shownUrl} did not answer PING (${probe.reason}). ` +
      `Start Redis or set REDIS_URL; set REQUIRE_REDIS=1 to make this a failure.`
  )
  describe.skip(title, () => {
    it("needs a Redis server", () => undefined)
  })
} else {
  afterAll(async () => {
    // Runs after the runner has shut the app down (file-level hooks run last).
    await deleteRedisKeys(redisUrl, keyPrefix)
  })

  medusaIntegrationTestRunner({
    hooks: {
      beforeServerStart: async (container) => {
        isolateRedisModules(container.resolve(ContainerRegistrationKeys.CONFIG_MODULE), keyPrefix)
      },
    },
    testSuite: checkoutFlowSuite({
      title,
      extraTests: ({ options, api, fixture }) => {
        it("an order's events and workflows go through Redis, under this run's prefix", async () => {
          const container = options.getContainer()
          expect(container.resolve(Modules.EVENT_BUS).constructor.name).toBe("RedisEventBusService")

          const f = fixture()
          const shopper = await signUp(api, f.storefront.publishableKey)
          await placeOrder(api, f, shopper, [{ variantId: f.product.variants[0].id, quantity: 1 }])

          const keys = await listRedisKeys(redisUrl, keyPrefix)
          expect(keys.some((key) => key.startsWith(`${keyPrefix}:events-queue:`))).toBe(true)
          expect(keys.some((key) => key.startsWith(`${keyPrefix}:workflows-cleaner:`))).toBe(true)
        })
      },
    }),
  })
}
