import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { storeCacheSuite } from "../../helpers/store-cache-suite"

jest.setTimeout(180_000)
delete process.env.REDIS_URL

medusaIntegrationTestRunner({ testSuite: storeCacheSuite() })
