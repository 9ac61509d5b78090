import type { SearchTypes } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { COUNT_ATTRIBUTE } from "../plan"
import { DEFAULT_RANKING_RULES, prepareIndex } from "../settings"
import { productDefinition, productFields } from "./fixtures"

function rejects(run: () => unknown, message: RegExp) {
  let error: unknown
  try {
    run()
  } catch (caught) {
    error = caught
  }
  expect(error).toBeInstanceOf(MedusaError)
  expect((error as MedusaError).type).toBe(MedusaError.Types.INVALID_DATA)
  expect((error as Error).message).toMatch(message)
}

describe("index definition → Meilisearch settings", () => {
  const { settings, maxTotalHits, maxValuesPerFacet } = prepareIndex(productDefinition())

  it("orders searchable attributes by weight, heaviest first, declaration order among equals", () => {
    // title 10, skus 8, categories 6, subtitle 4, internal_note 2, description 1 (searchable: true)
    expect(settings.searchableAttributes).toEqual(["title", "skus", "categories", "subtitle", "internal_note", "description"])
  })

  it("makes filterable what is filterable or facetable, plus the primary key and the count attribute", () => {
    expect(settings.filterableAttributes).toEqual([
      "id",
      "skus",
      "categories",
      "handle",
      "status",
      "price.eur",
      "price.usd",
      "variants.sku",
      "variants.rank",
      "in_stock",
      "rating",
      "created_at",
      "sales_channel_ids",
      COUNT_ATTRIBUTE,
    ])
  })

  it("makes sortable the single-valued sortable fields", () => {
    expect(settings.sortableAttributes).toEqual(["title", "price.eur", "rating", "created_at"])
  })

  it("displays the retrievable fields (never the count attribute), nested paths flattened", () => {
    expect(settings.displayedAttributes).toContain("price.eur")
    expect(settings.displayedAttributes).toContain("variants.sku")
    expect(settings.displayedAttributes).not.toContain("internal_note")
    expect(settings.displayedAttributes).not.toContain(COUNT_ATTRIBUTE)
    expect(settings.displayedAttributes[0]).toBe("id")
  })

  it("puts `sort` first in the ranking rules, resets synonyms and stop words, counts facet values most frequent first", () => {
    expect(settings.rankingRules).toEqual(DEFAULT_RANKING_RULES)
    expect(settings.rankingRules![0]).toBe("sort")
    expect(settings.synonyms).toBeNull()
    expect(settings.stopWords).toBeNull()
    expect(settings.distinctAttribute).toBeNull()
    expect(settings.faceting).toEqual({ sortFacetValuesBy: { "*": "count" } })
    expect(settings.typoTolerance).toBeUndefined()
    expect(settings.embedders).toBeUndefined()
    expect(maxTotalHits).toBe(1000)
    expect(maxValuesPerFacet).toBe(100)
  })

  it("maps typo tolerance and the distinct attribute", () => {
    const { settings, typo } = prepareIndex(
      productDefinition({
        settings: {
          distinct_attribute: "handle",
          typo_tolerance: { enabled: true, min_word_size_for_one_typo: 4, min_word_size_for_two_typos: 8, disabled_on_attributes: ["skus"] },
        },
      })
    )
    expect(settings.distinctAttribute).toBe("handle")
    expect(settings.typoTolerance).toEqual({ enabled: true, minWordSizeForTypos: { oneTypo: 4, twoTypos: 8 }, disableOnAttributes: ["skus"] })
    expect(typo).toEqual({ enabled: true, disabledOn: new Set(["skus"]) })
    expect(prepareIndex(productDefinition({ settings: { typo_tolerance: { enabled: false } } })).settings.typoTolerance).toEqual({ enabled: false })
  })

  it("merges the provider's indexSettings and the index's provider_options.meilisearch, the index winning", () => {
    const { settings, maxTotalHits, maxValuesPerFacet } = prepareIndex(
      productDefinition({
        settings: {
          provider_options: {
            meilisearch: {
              synonyms: { tee: ["t-shirt"] },
              faceting: { maxValuesPerFacet: 50 },
              rankingRules: ["sort", "words", "exactness"],
              typoTolerance: { disableOnNumbers: true },
              proximityPrecision: "byAttribute",
            },
          },
        },
      }),
      { synonyms: { sofa: ["couch"] }, stopWords: ["the"], pagination: { maxTotalHits: 5000 }, faceting: { sortFacetValuesBy: { status: "alpha" } } }
    )
    expect(settings.synonyms).toEqual({ sofa: ["couch"], tee: ["t-shirt"] })
    expect(settings.stopWords).toEqual(["the"])
    expect(settings.rankingRules).toEqual(["sort", "words", "exactness"])
    expect(settings.pagination).toEqual({ maxTotalHits: 5000 })
    expect(settings.faceting).toEqual({ sortFacetValuesBy: { "*": "count", status: "alpha" }, maxValuesPerFacet: 50 })
    expect(settings.typoTolerance).toEqual({ disableOnNumbers: true })
    expect(settings.proximityPrecision).toBe("byAttribute")
    expect(maxTotalHits).toBe(5000)
    expect(maxValuesPerFacet).toBe(50)
  })

  it("gives documents' own embeddings a userProvided embedder", () => {
    const { settings, vectors } = prepareIndex(
      productDefinition({ fields: { ...productFields, embedding: { type: "vector", dimensions: 3, retrievable: true } } })
    )
    expect(settings.embedders).toEqual({ embedding: { source: "userProvided", dimensions: 3 } })
    expect(vectors.get("embedding")).toEqual({ embedder: "embedding", embed: false, dimensions: 3 })
    expect(settings.displayedAttributes).toContain("_vectors")
    expect(settings.filterableAttributes).not.toContain("embedding")
  })

  it("uses the configured embedder of an `embed` vector field, templating the field's text", () => {
    const { settings, vectors } = prepareIndex(
      productDefinition({
        fields: { ...productFields, summary: { type: "vector", dimensions: 1536, embed: true, provider_options: { meilisearch: { embedder: "openai" } } } },
        settings: { provider_options: { meilisearch: { embedders: { openai: { source: "openAi", model: "text-embedding-3-small", apiKey: "sk" } } } } },
      })
    )
    expect(settings.embedders).toEqual({
      openai: { source: "openAi", model: "text-embedding-3-small", apiKey: "sk", documentTemplate: "{{doc.summary}}" },
    })
    expect(vectors.get("summary")).toEqual({ embedder: "openai", embed: true, dimensions: 1536 })
  })
})

describe("what Meilisearch cannot hold is refused at upsertIndex", () => {
  it("a vector field that must be embedded, without an embedder", () => {
    rejects(() => prepareIndex(productDefinition({ fields: { ...productFields, summary: { type: "vector", dimensions: 8, embed: true } } })), /declares "embed".*embedders\.summary/)
  })

  it("an embedder that does not match the field", () => {
    const fields: Record<string, SearchTypes.SearchFieldDefinition> = { ...productFields, v: { type: "vector", dimensions: 3 } }
    rejects(
      () => prepareIndex(productDefinition({ fields, settings: { provider_options: { meilisearch: { embedders: { v: { source: "openAi" } } } } } })),
      /must have source "userProvided"/
    )
    rejects(
      () => prepareIndex(productDefinition({ fields, settings: { provider_options: { meilisearch: { embedders: { v: { source: "userProvided", dimensions: 4 } } } } } })),
      /declares 3 dimensions but its Meilisearch embedder "v" has 4/
    )
  })

  it("geo fields", () => {
    rejects(() => prepareIndex(productDefinition({ fields: { ...productFields, location: { type: "geo", filterable: true } } })), /type "geo"/)
  })

  it("reserved attribute names", () => {
    rejects(() => prepareIndex(productDefinition({ fields: { ...productFields, _vectors: { type: "keyword" } } })), /reserves/)
    rejects(() => prepareIndex(productDefinition({ fields: { ...productFields, [COUNT_ATTRIBUTE]: { type: "integer" } } })), /reserves/)
  })

  it("attribute lists set through provider_options", () => {
    rejects(
      () => prepareIndex(productDefinition({ settings: { provider_options: { meilisearch: { filterableAttributes: ["title"] } } } })),
      /filterableAttributes` cannot be set/
    )
  })

  it("typo tolerance Meilisearch would refuse, or naming unknown fields", () => {
    rejects(() => prepareIndex(productDefinition({ settings: { typo_tolerance: { min_word_size_for_one_typo: 10 } } })), /cannot be lower than/)
    rejects(() => prepareIndex(productDefinition({ settings: { typo_tolerance: { min_word_size_for_one_typo: -1 } } })), /between 0 and 255/)
    rejects(() => prepareIndex(productDefinition({ settings: { typo_tolerance: { disabled_on_attributes: ["sku"] } } })), /"sku", which is not a field/)
  })

  it("a distinct attribute that is unknown or multi-valued", () => {
    rejects(() => prepareIndex(productDefinition({ settings: { distinct_attribute: "nope" } })), /"nope", which is not a field/)
    rejects(() => prepareIndex(productDefinition({ settings: { distinct_attribute: "skus" } })), /single-valued/)
  })

  it("a definition without its primary key", () => {
    rejects(() => prepareIndex(productDefinition({ primary_key: "sku" })), /primary key field "sku"/)
  })
})
