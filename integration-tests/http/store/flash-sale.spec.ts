import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { flashSaleSuite } from "../../helpers/flash-sale-suite"

jest.setTimeout(180_000)

// In-process event bus and workflow engine, PostgreSQL advisory locks (flash-sale-redis.spec.ts: Redis).
delete process.env.REDIS_URL

medusaIntegrationTestRunner({
  testSuite: flashSaleSuite("flash sale and bundles at checkout (in-memory infrastructure)"),
})
