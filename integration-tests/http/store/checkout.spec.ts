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

      it("locks through PostgreSQL so that of 20 owner-less acquirers of one key exactly one holds it", async () => {
        // Medusa's own locking-postgres let every loser of the insert race through (see
        // src/modules/locking-postgres-exclusive): cart completion and payment webhooks lock this way.
        const locking = options.getContainer().resolve(Modules.LOCKING)
        const key = `race-${Date.now()}`
        const results = await Promise.allSettled(Array.from({ length: 20 }, () => locking.acquire(key, { expire: 30 })))
        expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1)
        await locking.release(key)
        // Released, it can be taken again; a lease that ran out is taken over.
        await locking.acquire(key, { expire: 1 })
        await new Promise((r) => setTimeout(r, 1500))
        await expect(locking.acquire(key, { expire: 30 })).resolves.toBeUndefined()
        await locking.release(key)
      })
    },
  }),
})
