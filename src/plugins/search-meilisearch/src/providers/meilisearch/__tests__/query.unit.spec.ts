import type { SearchTypes } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { toMeilisearchDocument } from "../documents"
import { COUNT_ATTRIBUTE } from "../plan"
import { buildResult, planSearch, type MeilisearchSearchResponse } from "../query"
import { prepareIndex } from "../settings"
import { productDefinition, productFields } from "./fixtures"

const definition = productDefinition({ physical_name: "product_v3" })
const prepared = prepareIndex(definition)

function query(overrides: Partial<SearchTypes.ProviderSearchQuery> = {}): SearchTypes.ProviderSearchQuery {
  return {
    index: definition,
    attributes_to_retrieve: ["id", "title", "price.eur", "created_at"],
    pagination: { skip: 0, take: 20 },
    search_options: {},
    ...overrides,
  }
}

function rejects(run: () => unknown, message: RegExp, type = MedusaError.Types.INVALID_DATA) {
  let error: unknown
  try {
    run()
  } catch (caught) {
    error = caught
  }
  expect(error).toBeInstanceOf(MedusaError)
  expect((error as MedusaError).type).toBe(type)
  expect((error as Error).message).toMatch(message)
}

describe("the main query", () => {
  it("a placeholder search: index, filter, pagination, projection", () => {
    const plan = planSearch(query({ filters: { status: "published" }, pagination: { skip: 40, take: 20 } }), prepared)
    expect(plan.queries).toEqual([
      {
        indexUid: "product_v3",
        filter: 'status = "published"',
        attributesToRetrieve: ["id", "title", "price.eur", "created_at"],
        offset: 40,
        limit: 20,
      },
    ])
  })

  it("match strategies: all → complete words, last → prefix on the last word, any → frequency", () => {
    expect(planSearch(query({ q: "blue shi" }), prepared).queries[0]).toMatchObject({ q: "blue shi ", matchingStrategy: "all" })
    expect(planSearch(query({ q: "blue shi", search_options: { match_strategy: "all" } }), prepared).queries[0]).toMatchObject({ q: "blue shi ", matchingStrategy: "all" })
    expect(planSearch(query({ q: "blue shi", search_options: { match_strategy: "last" } }), prepared).queries[0]).toMatchObject({ q: "blue shi", matchingStrategy: "all" })
    expect(planSearch(query({ q: "blue shirt", search_options: { match_strategy: "any" } }), prepared).queries[0]).toMatchObject({ q: "blue shirt ", matchingStrategy: "frequency" })
    // Whitespace only is no text query.
    expect(planSearch(query({ q: "   " }), prepared).queries[0].q).toBeUndefined()
  })

  it("sort: fields first, relevance only as the last tie-breaker", () => {
    expect(planSearch(query({ pagination: { order: { "price.eur": "ASC", created_at: "DESC" } } }), prepared).queries[0].sort).toEqual(["price.eur:asc", "created_at:desc"])
    expect(planSearch(query({ pagination: { order: { rating: "DESC", _score: "DESC" } } }), prepared).queries[0].sort).toEqual(["rating:desc"])
    expect(planSearch(query({ pagination: { order: { _score: "DESC" } } }), prepared).queries[0].sort).toBeUndefined()
    rejects(() => planSearch(query({ pagination: { order: { _score: "DESC", rating: "ASC" } } }), prepared), /_score must come last/)
    rejects(() => planSearch(query({ pagination: { order: { _score: "ASC" } } }), prepared), /ascending relevance/)
    rejects(() => planSearch(query({ pagination: { order: { handle: "ASC" } } }), prepared), /"handle" is not sortable/)
    rejects(() => planSearch(query({ pagination: { order: { nope: "ASC" } } }), prepared), /Unknown field "nope"/)
  })

  it("scores, thresholds, distinct, locales, attributes to search on", () => {
    const main = planSearch(
      query({
        q: "shirt",
        search_options: { include_score: true, min_score: 0.4, distinct: "handle", locales: ["en"], attributes_to_search_on: ["title", "skus"] },
      }),
      prepared
    ).queries[0]
    expect(main).toMatchObject({ showRankingScore: true, rankingScoreThreshold: 0.4, distinct: "handle", locales: ["en"], attributesToSearchOn: ["title", "skus"] })
    rejects(() => planSearch(query({ search_options: { min_score: 3 } }), prepared), /between 0 and 1/)
    rejects(() => planSearch(query({ search_options: { distinct: "thumbnail" } }), prepared), /filterable attribute/)
    rejects(() => planSearch(query({ q: "x", search_options: { attributes_to_search_on: ["handle"] } }), prepared), /"handle" is not searchable/)
  })

  it("highlighting: named fields and tags, snippets as crops, nothing without a text query", () => {
    const main = planSearch(query({ q: "shirt", search_options: { highlight: { fields: ["title"], pre_tag: "<b>", post_tag: "</b>", snippet: { length: 12 } } } }), prepared).queries[0]
    expect(main).toMatchObject({ attributesToHighlight: ["title"], highlightPreTag: "<b>", highlightPostTag: "</b>", attributesToCrop: ["title"], cropLength: 12 })
    expect(main.attributesToRetrieve).toContain("title")
    // `true`: every searched field Meilisearch can return (internal_note is not retrievable).
    expect(planSearch(query({ q: "shirt", search_options: { highlight: true } }), prepared).queries[0]).toMatchObject({
      attributesToHighlight: ["title", "skus", "categories", "subtitle", "description"],
      highlightPreTag: "<mark>",
      highlightPostTag: "</mark>",
    })
    expect(planSearch(query({ search_options: { highlight: true } }), prepared).queries[0].attributesToHighlight).toBeUndefined()
    rejects(() => planSearch(query({ q: "x", search_options: { highlight: { fields: ["handle"] } } }), prepared), /not searchable/)
  })

  it("typo_tolerance: false only where the index already matches exactly", () => {
    rejects(() => planSearch(query({ q: "shirt", search_options: { typo_tolerance: false } }), prepared), /cannot turn typo tolerance off for a single query/)
    expect(() => planSearch(query({ search_options: { typo_tolerance: false } }), prepared)).not.toThrow()
    const exact = prepareIndex(productDefinition({ settings: { typo_tolerance: { enabled: false } } }))
    expect(() => planSearch(query({ q: "shirt", search_options: { typo_tolerance: false } }), exact)).not.toThrow()
    const skus = prepareIndex(productDefinition({ settings: { typo_tolerance: { disabled_on_attributes: ["skus"] } } }))
    expect(() => planSearch(query({ q: "SKU-1", search_options: { typo_tolerance: false, attributes_to_search_on: ["skus"] } }), skus)).not.toThrow()
  })

  it("provider_options.meilisearch pass through, except what the provider computes", () => {
    expect(planSearch(query({ search_options: { provider_options: { meilisearch: { showRankingScoreDetails: true } } } }), prepared).queries[0].showRankingScoreDetails).toBe(true)
    rejects(() => planSearch(query({ search_options: { provider_options: { meilisearch: { filter: "status = draft" } } } }), prepared), /provider_options\.meilisearch\.filter cannot be set/)
  })

  it("refuses cursors and bad pagination", () => {
    rejects(() => planSearch(query({ pagination: { cursor: "abc" } }), prepared), /cursor/)
    rejects(() => planSearch(query({ pagination: { skip: -1, take: 10 } }), prepared), /pagination.skip/)
  })

  it("vector search: an embedding, or text Meilisearch embeds", () => {
    const withVectors = productDefinition({
      fields: {
        ...productFields,
        embedding: { type: "vector", dimensions: 3 },
        summary: { type: "vector", dimensions: 4, embed: true, provider_options: { meilisearch: { embedder: "openai" } } },
      },
      settings: { provider_options: { meilisearch: { embedders: { openai: { source: "openAi" } } } } },
    })
    const vectors = prepareIndex(withVectors)
    expect(planSearch(query({ index: withVectors, search_options: { vector: { field: "embedding", value: [1, 2, 3] } } }), vectors).queries[0]).toMatchObject({
      vector: [1, 2, 3],
      hybrid: { embedder: "embedding", semanticRatio: 1 },
    })
    expect(planSearch(query({ index: withVectors, q: "warm coat", search_options: { vector: { field: "summary", query: "warm coat" } } }), vectors).queries[0]).toMatchObject({
      q: "warm coat ",
      hybrid: { embedder: "openai", semanticRatio: 0.5 },
    })
    rejects(() => planSearch(query({ index: withVectors, search_options: { vector: { field: "embedding", value: [1, 2] } } }), vectors), /expected 3/)
    rejects(() => planSearch(query({ index: withVectors, q: "a", search_options: { vector: { field: "summary", query: "b" } } }), vectors), /must equal q/)
    rejects(() => planSearch(query({ index: withVectors, search_options: { vector: { field: "embedding", query: "b" } } }), vectors), /declare "embed"/)
    rejects(() => planSearch(query({ search_options: { vector: { value: [1] } } }), prepared), /needs a vector field/)
  })
})

describe("counts", () => {
  const respond = (plan: ReturnType<typeof planSearch>, responses: Partial<MeilisearchSearchResponse>[]) =>
    buildResult(plan, responses.map((response) => ({ hits: [], ...response })))

  it("estimated: estimatedTotalHits", () => {
    const plan = planSearch(query(), prepared)
    expect(respond(plan, [{ estimatedTotalHits: 1000 }]).metadata.count).toBe(1000)
  })

  it("none: null", () => {
    const plan = planSearch(query({ search_options: { count: "none" } }), prepared)
    expect(respond(plan, [{ estimatedTotalHits: 5 }]).metadata.count).toBeNull()
  })

  it("exact: the count facet, uncapped, any skip", () => {
    const plan = planSearch(query({ pagination: { skip: 5, take: 20 }, search_options: { count: "exact" } }), prepared)
    expect(plan.queries).toHaveLength(1)
    expect(plan.queries[0]).toMatchObject({ offset: 5, limit: 20, facets: [COUNT_ATTRIBUTE] })
    expect(respond(plan, [{ estimatedTotalHits: 1000, facetDistribution: { [COUNT_ATTRIBUTE]: { "1": 25_000 } } }]).metadata.count).toBe(25_000)
  })

  it("exact with distinct: page mode when skip is a multiple of take, else a companion count query", () => {
    const paged = planSearch(query({ pagination: { skip: 40, take: 20 }, search_options: { count: "exact", distinct: "handle" } }), prepared)
    expect(paged.queries).toHaveLength(1)
    expect(paged.queries[0]).toMatchObject({ page: 3, hitsPerPage: 20, distinct: "handle" })
    expect(paged.queries[0].offset).toBeUndefined()
    expect(respond(paged, [{ totalHits: 57 }]).metadata.count).toBe(57)

    const split = planSearch(query({ pagination: { skip: 5, take: 20 }, search_options: { count: "exact", distinct: "handle" } }), prepared)
    expect(split.queries).toHaveLength(2)
    expect(split.queries[0]).toMatchObject({ offset: 5, limit: 20 })
    expect(split.queries[1]).toMatchObject({ page: 1, hitsPerPage: 0, distinct: "handle" })
    expect(respond(split, [{}, { totalHits: 57 }]).metadata.count).toBe(57)

    // Meilisearch stops counting at maxTotalHits: refused rather than reported as exact.
    rejects(() => respond(paged, [{ totalHits: 1000 }]), /maxTotalHits \(1000\)/, MedusaError.Types.NOT_ALLOWED)
  })
})

describe("facets", () => {
  it("value facets: most frequent first, limit, alphabetical on request, value query", () => {
    const plan = planSearch(
      query({ search_options: { facets: ["status", { field: "categories", sort: "alpha", limit: 2 }, { field: "in_stock", query: "TR" }] } }),
      prepared
    )
    expect(plan.queries[0].facets).toEqual(["status", "categories", "in_stock"])
    const result = buildResult(plan, [
      {
        hits: [],
        facetDistribution: {
          status: { draft: 3, published: 10, proposed: 3 },
          categories: { shoes: 9, coats: 1, bags: 4 },
          in_stock: { true: 7, false: 2 },
        },
      },
    ])
    expect(result.facets).toEqual({
      status: { type: "value", values: [{ value: "published", count: 10 }, { value: "draft", count: 3 }, { value: "proposed", count: 3 }] },
      categories: { type: "value", values: [{ value: "bags", count: 4 }, { value: "coats", count: 1 }] },
      in_stock: { type: "value", values: [{ value: "true", count: 7 }] },
    })
  })

  it("range facets: one companion count query per range, the range added to the filter", () => {
    const from = "2026-01-01T00:00:00.000Z"
    const plan = planSearch(
      query({
        q: "coat",
        filters: { status: "published" },
        search_options: {
          facets: [
            { field: "price.eur", type: "range", ranges: [{ to: 50 }, { key: "mid", from: 50, to: 100 }, { from: 100 }] },
            { field: "created_at", type: "range", ranges: [{ from }] },
          ],
        },
      }),
      prepared
    )
    expect(plan.queries).toHaveLength(5)
    const companion = { indexUid: "product_v3", q: "coat ", matchingStrategy: "all", limit: 0, offset: 0, facets: [COUNT_ATTRIBUTE] }
    expect(plan.queries[1]).toEqual({ ...companion, filter: 'status = "published" AND price.eur < "50"' })
    expect(plan.queries[2]).toEqual({ ...companion, filter: 'status = "published" AND price.eur >= "50" AND price.eur < "100"' })
    expect(plan.queries[3]).toEqual({ ...companion, filter: 'status = "published" AND price.eur >= "100"' })
    expect(plan.queries[4]).toEqual({ ...companion, filter: `status = "published" AND created_at >= "${Date.parse(from)}"` })
    // The main query itself asks for no facet.
    expect(plan.queries[0].facets).toBeUndefined()

    const count = (n: number) => ({ hits: [], facetDistribution: { [COUNT_ATTRIBUTE]: { "1": n } } })
    const result = buildResult(plan, [{ hits: [] }, count(12), count(30), count(0), count(4)])
    expect(result.facets).toEqual({
      "price.eur": {
        type: "range",
        ranges: [
          { key: "*-50", from: undefined, to: 50, count: 12 },
          { key: "mid", from: 50, to: 100, count: 30 },
          { key: "100-*", from: 100, to: undefined, count: 0 },
        ],
      },
      created_at: { type: "range", ranges: [{ key: `${from}-*`, from, to: undefined, count: 4 }] },
    })
  })

  it("stats facets: min and max from facetStats, the count from a companion query", () => {
    const plan = planSearch(query({ search_options: { facets: [{ field: "price.eur", type: "stats" }] } }), prepared)
    expect(plan.queries[0].facets).toEqual(["price.eur"])
    expect(plan.queries[1]).toMatchObject({ filter: "price.eur EXISTS", limit: 0, facets: [COUNT_ATTRIBUTE] })
    const result = buildResult(plan, [
      { hits: [], facetStats: { "price.eur": { min: 4.5, max: 120 } } },
      { hits: [], facetDistribution: { [COUNT_ATTRIBUTE]: { "1": 17 } } },
    ])
    expect(result.facets).toEqual({ "price.eur": { type: "stats", min: 4.5, max: 120, count: 17 } })
  })

  it("refuses facets the definition does not allow, or more values than the index returns", () => {
    rejects(() => planSearch(query({ search_options: { facets: ["handle"] } }), prepared), /does not support "value" facets/)
    rejects(() => planSearch(query({ search_options: { facets: [{ field: "status", type: "range", ranges: [] }] } }), prepared), /does not support "range" facets/)
    rejects(() => planSearch(query({ search_options: { facets: [{ field: "status", limit: 500 }] } }), prepared), /at most 100/)
    rejects(() => planSearch(query({ search_options: { facets: [{ field: "price.eur", type: "range", ranges: [{ from: "cheap" }] }] } }), prepared), /not a number/)
  })
})

describe("hits", () => {
  it("id, document narrowed to the requested fields, dates back to ISO, score and highlights", () => {
    const created = "2026-03-04T05:06:07.000Z"
    const stored = toMeilisearchDocument(
      { id: "prod_1", title: "Blue shirt", price: { eur: 19.5, usd: 21 }, created_at: created, internal_note: "secret", status: "published" },
      prepared.plan
    )
    const plan = planSearch(query({ q: "shirt", search_options: { include_score: true, highlight: { fields: ["title"] } } }), prepared)
    const result = buildResult(plan, [
      {
        hits: [{ ...stored, _rankingScore: 0.93, _formatted: { title: "Blue <mark>shirt</mark>", subtitle: "nothing matched" } }],
        estimatedTotalHits: 1,
        processingTimeMs: 3,
      },
    ])
    expect(result).toEqual({
      hits: [
        {
          id: "prod_1",
          score: 0.93,
          document: { id: "prod_1", title: "Blue shirt", price: { eur: 19.5 }, created_at: created },
          highlights: { title: ["Blue <mark>shirt</mark>"] },
        },
      ],
      metadata: { skip: 0, take: 20, count: 1, query: "shirt", processing_time_ms: 3 },
    })
  })
})
