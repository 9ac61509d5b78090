import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { Api } from "../../helpers/http"
import { searchProviderContract } from "../../helpers/search-contract"

jest.setTimeout(300_000)
delete process.env.REDIS_URL
delete process.env.MEILISEARCH_HOST

/** The search provider contract on Medusa's Postgres provider, the embedded default, on the real database. */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    describe("search provider contract: Medusa's Postgres provider (real PostgreSQL)", () => {
      searchProviderContract({ api: api as Api, getContainer }, "search-postgres")
    })
  },
})
