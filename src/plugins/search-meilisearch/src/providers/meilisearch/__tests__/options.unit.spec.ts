import { MedusaError } from "@medusajs/framework/utils"
import { meilisearchSearchProvider } from "../../../config"
import { validateMeilisearchSearchOptions } from "../options"

describe("provider options", () => {
  it("applies the defaults", () => {
    expect(validateMeilisearchSearchOptions({ host: "http://localhost:7700", apiKey: "key" })).toEqual({
      host: "http://localhost:7700",
      apiKey: "key",
      batchSize: 1000,
      taskTimeoutMs: 120_000,
      taskPollIntervalMs: 50,
      requestTimeoutMs: 30_000,
    })
  })

  it("names every problem in one sentence each", () => {
    let error: unknown
    try {
      validateMeilisearchSearchOptions({
        host: "localhost:7700",
        apiKey: "",
        batchSize: 0,
        taskTimeoutMs: 1.5,
        indexSettings: { filterableAttributes: ["title"], faceting: { maxValuesPerFacet: -1 } } as any,
      })
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(MedusaError)
    expect((error as Error).message).toBe(
      "Meilisearch search provider: `host` must be an http(s) URL such as http://localhost:7700; " +
        "`apiKey` (MEILISEARCH_API_KEY) must be a non-empty string when given; " +
        "`batchSize` must be a whole number from 1 to 100000; " +
        "`taskTimeoutMs` must be a whole number from 1 to 86400000; " +
        "`indexSettings.filterableAttributes` cannot be set: the provider derives it from the index definition's fields (searchable, filterable, facetable, sortable, retrievable, settings.distinct_attribute); " +
        "`indexSettings.faceting.maxValuesPerFacet` must be a positive whole number."
    )
  })

  it("requires a host", () => {
    expect(() => validateMeilisearchSearchOptions({})).toThrow("`host` (MEILISEARCH_HOST) is required")
    expect(() => validateMeilisearchSearchOptions({ host: "https://user:pass@ms.example.com" })).toThrow("must not carry credentials")
  })
})

describe("meilisearchSearchProvider()", () => {
  it("gives the Search Module's provider entry", () => {
    expect(meilisearchSearchProvider({ host: "https://ms.example.com", apiKey: "key", indexSettings: { synonyms: { tee: ["t-shirt"] } } })).toEqual({
      resolve: "@emporium/medusa-search-meilisearch/providers/meilisearch",
      id: "meilisearch",
      options: {
        host: "https://ms.example.com",
        apiKey: "key",
        batchSize: 1000,
        taskTimeoutMs: 120_000,
        taskPollIntervalMs: 50,
        requestTimeoutMs: 30_000,
        indexSettings: { synonyms: { tee: ["t-shirt"] } },
      },
    })
  })

  it("fails at configuration time on bad options", () => {
    expect(() => meilisearchSearchProvider({ host: "" })).toThrow(/`host` \(MEILISEARCH_HOST\) is required/)
  })
})
