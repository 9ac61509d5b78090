import type { SearchTypes } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { startMeilisearchFake, type MeilisearchFake } from "../../../../../../../test-utils/meilisearch-fake"
import { COUNT_ATTRIBUTE } from "../plan"
import { prepareIndex } from "../settings"
import MeilisearchSearchProviderService from "../service"
import { productDefinition } from "./fixtures"

// The provider, through the real `meilisearch` client, against a protocol-level fake of
// Meilisearch's HTTP API (test-utils/meilisearch-fake, written from Meilisearch's API
// reference). Not Meilisearch itself.
describe("Meilisearch provider (against the Meilisearch API fake)", () => {
  const MASTER_KEY = "provider-master-key"
  let fake: MeilisearchFake

  beforeAll(async () => {
    fake = await startMeilisearchFake({ masterKey: MASTER_KEY })
  })
  afterAll(async () => {
    await fake.close()
  })
  beforeEach(() => {
    fake.reset()
    fake.setTaskDelay(1)
  })

  const provider = (options: Record<string, unknown> = {}) =>
    new MeilisearchSearchProviderService({}, { host: fake.url, apiKey: MASTER_KEY, taskPollIntervalMs: 2, taskTimeoutMs: 5000, ...options })

  const definition = productDefinition({ definition_hash: "h1", physical_name: "product_v1" })

  const products: SearchTypes.SearchDocument[] = [
    { id: "prod_1", title: "Blue cotton shirt", status: "published", handle: "blue-shirt", categories: ["shirts"], price: { eur: 25 }, in_stock: true, rating: 4, created_at: "2026-01-10T00:00:00.000Z" },
    { id: "prod_2", title: "Red cotton shirt", status: "published", handle: 'x" OR status = "draft', categories: ["shirts", "sale"], price: { eur: 60 }, in_stock: false, rating: 5, created_at: "2026-02-10T00:00:00.000Z" },
    { id: "prod_3", title: "Wool coat", status: "published", handle: "wool-coat", categories: ["coats"], price: { eur: 180 }, in_stock: true, rating: 3, created_at: "2026-03-10T00:00:00.000Z" },
    { id: "prod_4", title: "Secret draft shirt", status: "draft", handle: "draft-shirt", categories: ["shirts"], price: { eur: 10 }, in_stock: true, rating: 1, created_at: "2026-04-10T00:00:00.000Z" },
    { id: "prod_5", title: "Linen shirt", status: "published", handle: "linen\\shirt", categories: ["shirts"], price: { eur: 45 }, in_stock: true, rating: 4, created_at: "2026-05-10T00:00:00.000Z" },
  ]

  async function seeded(options: Record<string, unknown> = {}) {
    const p = provider(options)
    await p.upsertIndex({ index: definition })
    await p.upsertDocuments({ index: "product_v1", definition, documents: products })
    return p
  }

  const searchInput = (overrides: Partial<SearchTypes.ProviderSearchQuery> = {}): SearchTypes.ProviderSearchQuery => ({
    index: definition,
    attributes_to_retrieve: ["id", "title", "handle", "price.eur", "created_at"],
    pagination: { skip: 0, take: 20 },
    search_options: {},
    ...overrides,
  })

  async function failure(promise: Promise<unknown>): Promise<MedusaError & Record<string, any>> {
    try {
      await promise
    } catch (error) {
      return error as MedusaError & Record<string, any>
    }
    throw new Error("expected the call to fail")
  }

  describe("indexes", () => {
    it("creates the index with the definition's primary key and settings, and converges when run again", async () => {
      const p = provider()
      const task = await p.upsertIndex({ index: definition })
      expect(task).toMatchObject({ index: "product_v1", status: "succeeded" })
      const expected = prepareIndex(definition).settings
      expect(fake.settings("product_v1")).toMatchObject({
        searchableAttributes: expected.searchableAttributes,
        filterableAttributes: expected.filterableAttributes,
        sortableAttributes: expect.arrayContaining(expected.sortableAttributes),
        displayedAttributes: expected.displayedAttributes,
        rankingRules: expected.rankingRules,
      })
      await expect(p.upsertIndex({ index: definition })).resolves.toMatchObject({ status: "succeeded" })
      expect(fake.requests.filter((r) => r.method === "POST" && r.path === "/indexes")).toHaveLength(1)
    })

    it("throws what Meilisearch cannot hold before calling it", async () => {
      const p = provider()
      const error = await failure(p.upsertIndex({ index: productDefinition({ fields: { id: { type: "keyword" }, summary: { type: "vector", dimensions: 4, embed: true } } }) }))
      expect(error.type).toBe(MedusaError.Types.INVALID_DATA)
      expect(fake.requests).toHaveLength(0)
    })

    it("surfaces a failed settings task with Meilisearch's code and message", async () => {
      const p = provider()
      fake.failNextTask({ type: "settingsUpdate" }, { code: "invalid_settings_ranking_rules", message: "Bad ranking rule." })
      const error = await failure(p.upsertIndex({ index: definition }))
      expect(error.type).toBe(MedusaError.Types.INVALID_DATA)
      expect(error.message).toMatch(/task \d+ \(settingsUpdate\) on index "product_v1" failed .*Bad ranking rule\. \(invalid_settings_ranking_rules\)/)
    })

    it("deletes indexes, a missing one included; lists them with their document counts", async () => {
      const p = await seeded()
      expect(await p.listIndexes()).toEqual([expect.objectContaining({ name: "product_v1", provider: "meilisearch", document_count: products.length })])
      await expect(p.deleteIndex({ index: "product_v1" })).resolves.toMatchObject({ status: "succeeded" })
      await expect(p.deleteIndex({ index: "product_v1" })).resolves.toMatchObject({ status: "succeeded" })
      expect(await p.listIndexes()).toEqual([])
    })

    it("clears an index", async () => {
      const p = await seeded()
      await p.clearIndex({ index: "product_v1" })
      expect(fake.documents("product_v1")).toEqual([])
    })
  })

  describe("documents", () => {
    it("writes in batches, waits for every task, and stores only declared fields", async () => {
      const p = provider({ batchSize: 2 })
      await p.upsertIndex({ index: definition })
      const task = await p.upsertDocuments({ index: "product_v1", definition, documents: [...products, { id: "prod_6", title: "Extra", secret: "no" } as any] })
      expect(fake.requests.filter((r) => r.method === "POST" && r.path === "/indexes/product_v1/documents")).toHaveLength(3)
      expect(task).toMatchObject({ index: "product_v1", status: "succeeded", id: expect.any(String) })
      const stored = fake.documents("product_v1")
      expect(stored).toHaveLength(6)
      expect(stored.find((d) => d.id === "prod_6")).toEqual({ id: "prod_6", title: "Extra", [COUNT_ATTRIBUTE]: 1 })
      expect(stored.find((d) => d.id === "prod_1")).toMatchObject({ created_at: Date.parse("2026-01-10T00:00:00.000Z"), price: { eur: 25 } })
    })

    it("throws on a failed write task, naming the index, the task, the code and the message", async () => {
      const p = provider({ batchSize: 2 })
      await p.upsertIndex({ index: definition })
      fake.failNextTask({ type: "documentAdditionOrUpdate", indexUid: "product_v1" }, { code: "internal", message: "Disk full." })
      const error = await failure(p.upsertDocuments({ index: "product_v1", definition, documents: products }))
      expect(error.type).toBe(MedusaError.Types.UNEXPECTED_STATE)
      expect(error.message).toMatch(/Meilisearch task \d+ \(documentAdditionOrUpdate\) on index "product_v1" failed while writing 5 document\(s\) to index "product_v1": Disk full\. \(internal\)/)
    })

    it("never lets a write create an index with default settings", async () => {
      const p = provider()
      const error = await failure(p.upsertDocuments({ index: "product_v9", definition, documents: products }))
      expect(error.type).toBe(MedusaError.Types.NOT_FOUND)
      expect(fake.requests.some((r) => r.path === "/indexes/product_v9/documents")).toBe(false)
    })

    it("deletes by id in batches, and by filter otherwise", async () => {
      const p = await seeded({ batchSize: 2 })
      await p.deleteDocuments({ index: "product_v1", filters: { id: ["prod_1", "prod_2", "prod_3"] } })
      expect(fake.requests.filter((r) => r.path === "/indexes/product_v1/documents/delete-batch").map((r) => r.body)).toEqual([["prod_1", "prod_2"], ["prod_3"]])
      await p.deleteDocuments({ index: "product_v1", filters: { status: "draft" } })
      expect(fake.requests.find((r) => r.path === "/indexes/product_v1/documents/delete")?.body).toEqual({ filter: 'status = "draft"' })
      expect(fake.documents("product_v1").map((d) => d.id)).toEqual(["prod_5"])
    })

    it("compiles a delete's filter against Meilisearch's own settings when this process has not seen the definition", async () => {
      await seeded()
      const fresh = provider()
      await fresh.deleteDocuments({ index: "product_v1", filters: { handle: 'x" OR status = "draft' } })
      expect(fake.documents("product_v1").map((d) => d.id).sort()).toEqual(["prod_1", "prod_3", "prod_4", "prod_5"])
      const error = await failure(fresh.deleteDocuments({ index: "product_v1", filters: { title: "Wool coat" } }))
      expect(error.type).toBe(MedusaError.Types.INVALID_DATA)
    })
  })

  describe("search", () => {
    it("filters, sorts, paginates and projects", async () => {
      const p = await seeded()
      const result = await p.search(searchInput({ filters: { status: "published", "price.eur": { $lt: 100 } }, pagination: { skip: 0, take: 2, order: { "price.eur": "DESC" } } }))
      expect(result.hits.map((hit) => hit.id)).toEqual(["prod_2", "prod_5"])
      expect(result.hits[0].document).toEqual({ id: "prod_2", title: "Red cotton shirt", handle: 'x" OR status = "draft', price: { eur: 60 }, created_at: "2026-02-10T00:00:00.000Z" })
      expect(result.metadata).toMatchObject({ skip: 0, take: 2, count: 3 })
    })

    it("a hostile value matches exactly the document holding it", async () => {
      const p = await seeded()
      const hostile = await p.search(searchInput({ filters: { handle: 'x" OR status = "draft' } }))
      expect(hostile.hits.map((hit) => hit.id)).toEqual(["prod_2"])
      const backslash = await p.search(searchInput({ filters: { handle: "linen\\shirt" } }))
      expect(backslash.hits.map((hit) => hit.id)).toEqual(["prod_5"])
      const injection = await p.search(searchInput({ filters: { handle: "nope\" OR handle != \"" } }))
      expect(injection.hits).toEqual([])
    })

    it("text query, value/range/stats facets and an exact count in one multi-search request", async () => {
      const p = await seeded()
      const before = fake.requests.length
      const result = await p.search(
        searchInput({
          q: "shirt",
          filters: { status: "published" },
          search_options: {
            count: "exact",
            facets: [
              "categories",
              { field: "price.eur", type: "range", ranges: [{ to: 50 }, { from: 50 }] },
              { field: "price.eur", type: "stats" },
            ],
          },
        })
      )
      const calls = fake.requests.slice(before)
      expect(calls.map((r) => `${r.method} ${r.path}`)).toEqual(["POST /multi-search"])
      expect(result.hits.map((hit) => hit.id).sort()).toEqual(["prod_1", "prod_2", "prod_5"])
      expect(result.metadata.count).toBe(3)
      expect(result.facets?.categories).toEqual({ type: "value", values: [{ value: "shirts", count: 3 }, { value: "sale", count: 1 }] })
    })

    it("range facet counts", async () => {
      const p = await seeded()
      const result = await p.search(searchInput({ search_options: { facets: [{ field: "price.eur", type: "range", ranges: [{ to: 50 }, { from: 50, to: 100 }, { from: 100 }] }] } }))
      expect(result.facets?.["price.eur"]).toEqual({
        type: "range",
        ranges: [
          { key: "*-50", from: undefined, to: 50, count: 3 },
          { key: "50-100", from: 50, to: 100, count: 1 },
          { key: "100-*", from: 100, to: undefined, count: 1 },
        ],
      })
    })

    it("stats facets", async () => {
      const p = await seeded()
      const result = await p.search(searchInput({ filters: { status: "published" }, search_options: { facets: [{ field: "price.eur", type: "stats" }] } }))
      expect(result.facets?.["price.eur"]).toEqual({ type: "stats", min: 25, max: 180, count: 4 })
    })

    it("searchMany is one round trip, results in order", async () => {
      const p = await seeded()
      const before = fake.requests.length
      const [published, drafts] = await p.searchMany([searchInput({ filters: { status: "published" } }), searchInput({ filters: { status: "draft" } })])
      expect(fake.requests.slice(before).map((r) => r.path)).toEqual(["/multi-search"])
      expect(published.hits).toHaveLength(4)
      expect(drafts.hits.map((hit) => hit.id)).toEqual(["prod_4"])
    })

    it("a Meilisearch refusal is a 400 with Meilisearch's message", async () => {
      const p = await seeded()
      const error = await failure(p.search(searchInput({ search_options: { provider_options: { meilisearch: { cropLength: "long" } } } })))
      expect(error.type).toBe(MedusaError.Types.INVALID_DATA)
      expect(error.message).toMatch(/Meilisearch refused the request while searching "product_v1"/)
    })

    it("a missing index is NOT_FOUND, so the Search Module re-resolves the active version", async () => {
      const p = provider()
      const error = await failure(p.search(searchInput()))
      expect(error.type).toBe(MedusaError.Types.NOT_FOUND)
    })
  })

  describe("the connection", () => {
    it("a wrong API key is a server-side error that says so", async () => {
      const p = provider({ apiKey: "wrong" })
      const error = await failure(p.listIndexes())
      expect(error.type).toBe(MedusaError.Types.UNEXPECTED_STATE)
      expect(error.message).toMatch(/refused the API key/)
      expect(error.message).not.toContain("wrong")
    })

    it("an unreachable Meilisearch names the host", async () => {
      const p = new MeilisearchSearchProviderService({}, { host: "http://127.0.0.1:9", requestTimeoutMs: 2000 })
      const error = await failure(p.listIndexes())
      expect(error.type).toBe(MedusaError.Types.UNEXPECTED_STATE)
      expect(error.message).toMatch(/Cannot reach Meilisearch at http:\/\/127\.0\.0\.1:9 while listing indexes/)
    })

    it("waitForTask reports a failed task, and times out with an error", async () => {
      const p = await seeded()
      fake.failNextTask({ type: "documentDeletion" }, { code: "internal", message: "Boom." })
      fake.setTaskDelay(50)
      const client = await (p as any).client()
      const enqueued = await client.index("product_v1").deleteDocuments(["prod_1"])
      const failed = await p.waitForTask({ id: String(enqueued.taskUid), index: "product_v1", status: "enqueued" })
      expect(failed).toMatchObject({ id: String(enqueued.taskUid), index: "product_v1", status: "failed", error: { code: "internal", message: expect.stringContaining("Boom.") } })

      fake.setTaskDelay(500)
      const slow = await client.index("product_v1").deleteDocuments(["prod_2"])
      const error = await failure(p.waitForTask({ id: String(slow.taskUid), status: "enqueued" }, { timeout_ms: 20 }))
      expect(error.type).toBe(MedusaError.Types.UNEXPECTED_STATE)
      expect(error.message).toMatch(/did not finish in time/)
    })
  })
})
