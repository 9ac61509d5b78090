import { Modules } from "@medusajs/framework/utils"
import { placeOrder } from "../../helpers/cart"
import { checkoutFlowSuite } from "../../helpers/checkout-flow"
import { signUp } from "../../helpers/customer"
import { listRedisKeys } from "../../helpers/redis"
import { redisIntegrationTestRunner } from "../../helpers/redis-runner"

jest.setTimeout(120_000)

const title = "storefront checkout (Redis event bus, workflow engine, cache and locking)"

redisIntegrationTestRunner(title, (options, { redisUrl, keyPrefix }) =>
  checkoutFlowSuite({
    title,
    extraTests: ({ api, fixture }) => {
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
  })(options)
)
