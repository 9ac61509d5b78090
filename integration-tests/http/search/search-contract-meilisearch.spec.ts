import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { startMeilisearchFake, type MeilisearchFake } from "../../../test-utils/meilisearch-fake"
import type { Api } from "../../helpers/http"
import { CONTRACT_DOCUMENTS, searchProviderContract } from "../../helpers/search-contract"

jest.setTimeout(300_000)
delete process.env.REDIS_URL

/**
 * The search provider contract on the search-meilisearch plugin's provider, against a
 * protocol-level FAKE of Meilisearch's HTTP API (test-utils/meilisearch-fake, written from
 * Meilisearch's public API reference): no Meilisearch binary can be installed here. The app
 * loads the plugin from its build, as it would from npm, because MEILISEARCH_HOST is set. The fake
 * runs with a master key, so every answer here also shows the key went along.
 */
let fake: MeilisearchFake
const MASTER_KEY = "contract-master-key"

beforeAll(async () => {
  fake = await startMeilisearchFake({ masterKey: MASTER_KEY })
  process.env.MEILISEARCH_HOST = fake.url
  process.env.MEILISEARCH_API_KEY = MASTER_KEY
})
afterAll(async () => {
  delete process.env.MEILISEARCH_HOST
  delete process.env.MEILISEARCH_API_KEY
  await fake?.close()
})

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    describe("search provider contract: search-meilisearch plugin (Meilisearch protocol fake)", () => {
      searchProviderContract({ api: api as Api, getContainer }, "meilisearch")

      const search = () => getContainer().resolve<any>(Modules.SEARCH)
      const physicalIndex = () => {
        const uids = [...new Set(fake.requests.map((r) => /^\/indexes\/([^/]+)\/documents/.exec(r.path)?.[1]).filter(Boolean))]
        return uids[uids.length - 1] as string
      }

      it("declares the index's searchable, filterable and sortable attributes on Meilisearch, title first", async () => {
        const settings = fake.settings(physicalIndex()) as Record<string, string[]>
        expect(settings.searchableAttributes[0]).toBe("title")
        expect(settings.filterableAttributes).toEqual(expect.arrayContaining(["status", "sales_channel_ids", "categories", "price.eur", "in_stock"]))
        expect(settings.sortableAttributes).toEqual(expect.arrayContaining(["title", "price.eur", "created_at"]))
      })

      it("waits for Meilisearch to apply a write before answering, so a search right after sees it", async () => {
        fake.setTaskDelay(300)
        try {
          await search().upsertDocuments({ index: "product", documents: [{ ...CONTRACT_DOCUMENTS[0], title: "Hammered copper kettle" }] })
          const result = await search().search({ entity: "product", filters: { q: "hammered" } })
          expect(result.hits.map((h: { id: string }) => h.id)).toEqual(["p_kettle"])
        } finally {
          fake.setTaskDelay(5)
        }
      })

      it("surfaces a failed Meilisearch task as an error naming the index and Meilisearch's code, and writes nothing", async () => {
        fake.failNextTask({ type: "documentAdditionOrUpdate" }, { code: "invalid_document_fields", message: "The document has an invalid field." })
        await expect(
          search().upsertDocuments({ index: "product", documents: [{ ...CONTRACT_DOCUMENTS[1], title: "Never written mug" }] })
        ).rejects.toThrow(/invalid_document_fields/)
        const result = await search().search({ entity: "product", filters: { q: "never written" } })
        expect(result.hits).toEqual([])
      })
    })
  },
})
