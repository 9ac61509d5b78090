import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { checkoutFlowSuite } from "../../helpers/checkout-flow"

jest.setTimeout(120_000)

// The default set-up: in-process event bus, workflow engine and cache, PostgreSQL advisory locks.
// checkout-redis.spec.ts runs the same flow with REDIS_URL set. (Jest gives each test file its
// own copy of process.env, so this does not reach other files.)
delete process.env.REDIS_URL

medusaIntegrationTestRunner({
  testSuite: checkoutFlowSuite({
    title: "storefront checkout (in-memory infrastructure)",
    extraTests: ({ options }) => {
      it("runs on the in-process event bus, not Redis", () => {
        expect(options.getContainer().resolve(Modules.EVENT_BUS).constructor.name).toBe("LocalEventBusService")
      })
    },
  }),
})
