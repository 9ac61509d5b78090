import { medusaIntegrationTestRunner, type MedusaSuiteOptions } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import {
  DEFAULT_REDIS_URL,
  deleteRedisKeys,
  isolateRedisModules,
  probeRedisSync,
  redactRedisUrl,
  redisRequired,
} from "./redis"

export type RedisRun = { redisUrl: string; keyPrefix: string }

/**
 * Runs `testSuite` on a Medusa app whose event bus, workflow engine, cache and locking are the
 * Redis modules, under a key prefix of its own that is deleted afterwards. Without a reachable
 * Redis the suite fails when Redis is required (REQUIRE_REDIS=1 or CI=true), else it is skipped
 * with a warning that says so.
 *
 * Must be called at the top of a spec file: REDIS_URL has to be set before the runner loads
 * medusa-config.ts. An existing REDIS_URL wins; `npm test` (scripts/test.js) removes it and
 * passes its choice as TEST_REDIS_URL.
 */
export function redisIntegrationTestRunner(
  title: string,
  testSuite: (options: MedusaSuiteOptions, run: RedisRun) => void
): void {
  const redisUrl = (process.env.REDIS_URL ||= process.env.TEST_REDIS_URL || DEFAULT_REDIS_URL)
  const shownUrl = redactRedisUrl(redisUrl)
  const keyPrefix = `emporium-test:${process.pid}-${Date.now().toString(36)}`
  const probe = probeRedisSync(redisUrl)

  if (!probe.reachable && redisRequired()) {
    describe(title, () => {
      it("needs a Redis server", () => {
        throw new Error(
          `Redis at ${shownUrl} did not answer PING (${probe.reason}); REQUIRE_REDIS=1 or CI=true makes that a failure.`
        )
      })
    })
    return
  }
  if (!probe.reachable) {
    console.warn(
      `Skipping "${title}": Redis at ${shownUrl} did not answer PING (${probe.reason}). ` +
        `Start Redis or set REDIS_URL; set REQUIRE_REDIS=1 to make this a failure.`
    )
    describe.skip(title, () => {
      it("needs a Redis server", () => undefined)
    })
    return
  }
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
    testSuite: (options) => testSuite(options, { redisUrl, keyPrefix }),
  })
}
