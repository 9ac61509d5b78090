import type { SearchTypes } from "@medusajs/framework/types"
import { MedusaError, readDocumentPath } from "@medusajs/framework/utils"
import { fromMeilisearchHit } from "./documents"
import { and, buildFilterTree, comparisonNode, dateToEpoch, existsNode, renderFilter, type FilterNode } from "./filters"
import { COUNT_ATTRIBUTE, type PlannedField } from "./plan"
import { PROVIDER_KEY, isPlainObject, type PreparedIndex } from "./settings"

/**
 * Medusa search query → Meilisearch multi-search queries, and their responses → a Medusa
 * `SearchResult`. Pure (the client call lives in `service.ts`), so every mapping decision below
 * is unit tested without a server.
 *
 * One Medusa query becomes one main Meilisearch query plus, when needed, companion queries in
 * the same `POST /multi-search` round trip:
 *
 * - one per range of a `range` facet, and one per `stats` facet (see `planFacets`);
 * - one count query for `count: "exact"` on a deduplicated (`distinct`) query whose `skip` is
 *   not a multiple of `take` (see `planCount`).
 */

/** A query in a `POST /multi-search` body (Meilisearch's names). */
export type MeilisearchQuery = {
  indexUid: string
  q?: string
  filter?: string
  sort?: string[]
  facets?: string[]
  attributesToRetrieve?: string[]
  attributesToHighlight?: string[]
  attributesToCrop?: string[]
  cropLength?: number
  highlightPreTag?: string
  highlightPostTag?: string
  attributesToSearchOn?: string[]
  matchingStrategy?: "all" | "last" | "frequency"
  showRankingScore?: boolean
  rankingScoreThreshold?: number
  distinct?: string
  locales?: string[]
  offset?: number
  limit?: number
  page?: number
  hitsPerPage?: number
  vector?: number[]
  hybrid?: { embedder: string; semanticRatio?: number }
  retrieveVectors?: boolean
  [parameter: string]: unknown
}

/** One result of a `POST /multi-search` response. */
export type MeilisearchSearchResponse = {
  hits: Record<string, unknown>[]
  processingTimeMs?: number
  query?: string
  estimatedTotalHits?: number
  totalHits?: number
  facetDistribution?: Record<string, Record<string, number>>
  facetStats?: Record<string, { min: number; max: number }>
}

type FacetPlan =
  | { type: "value"; field: PlannedField; limit: number; sort: "count" | "alpha"; query?: string }
  | { type: "stats"; field: PlannedField; countQuery: number }
  | {
      type: "range"
      field: PlannedField
      ranges: { key: string; from?: number | string; to?: number | string; query: number }[]
    }

type CountPlan =
  | { kind: "none" }
  | { kind: "estimated" }
  /** Exact: the `COUNT_ATTRIBUTE` facet of the main query. */
  | { kind: "facet" }
  /** Exact: `totalHits` of query `query` (page mode), refused at the `maxTotalHits` cap. */
  | { kind: "total"; query: number }

export type SearchPlan = {
  input: SearchTypes.ProviderSearchQuery
  prepared: PreparedIndex
  /** `queries[0]` is the main query. */
  queries: MeilisearchQuery[]
  skip: number
  take: number
  count: CountPlan
  facets: FacetPlan[]
  highlight?: { fields: string[]; preTag: string; postTag: string }
  includeScore: boolean
  /** The paths hits' documents are projected to. */
  attributes: string[]
}

/** Query parameters the provider computes itself; `provider_options.meilisearch` may not set them. */
const RESERVED_PARAMETERS = [
  "indexUid",
  "q",
  "filter",
  "offset",
  "limit",
  "page",
  "hitsPerPage",
  "attributesToRetrieve",
  "facets",
  "sort",
  "federationOptions",
]

const DEFAULT_FACET_LIMIT = 10
const DEFAULT_HIGHLIGHT_PRE_TAG = "<mark>"
const DEFAULT_HIGHLIGHT_POST_TAG = "</mark>"

function invalid(message: string): never {
  throw new MedusaError(MedusaError.Types.INVALID_DATA, message)
}

function field(prepared: PreparedIndex, path: string, usage: string): PlannedField {
  const found = prepared.plan.fields.get(path)
  if (!found) invalid(`Unknown field "${path}" used in ${usage} on search index "${prepared.plan.name}"`)
  return found
}

function nonNegativeInteger(value: unknown, name: string): number {
  if (!Number.isInteger(value) || (value as number) < 0) invalid(`${name} must be a whole number of at least 0`)
  return value as number
}

/**
 * Medusa's `match_strategy` in Meilisearch terms. Meilisearch treats the last word of `q` as a
 * prefix unless something follows it, so a trailing space is how a query asks for complete
 * words only.
 *
 * - `all` (Medusa's default): every term, as a complete word → `matchingStrategy: "all"` and a
 *   trailing space.
 * - `last` (typeahead): every term, the last one as a prefix → `matchingStrategy: "all"` as is.
 *   (Meilisearch's own `last` strategy is something else: it drops terms from the end.)
 * - `any`: Meilisearch has no "at least one term" mode. The closest is `frequency`: documents
 *   with every term rank first, then Meilisearch drops the most frequent terms one at a time.
 *   Unlike a strict OR, a document matching only a dropped (common) term is not returned.
 */
export function matchStrategy(strategy: SearchTypes.SearchMatchStrategy | undefined, q: string) {
  switch (strategy ?? "all") {
    case "all":
      return { matchingStrategy: "all" as const, q: `${q} ` }
    case "last":
      return { matchingStrategy: "all" as const, q }
    case "any":
      return { matchingStrategy: "frequency" as const, q: `${q} ` }
    default:
      return invalid(`Unknown match_strategy "${strategy}"; use "all", "any" or "last"`)
  }
}

function planSort(input: SearchTypes.ProviderSearchQuery, prepared: PreparedIndex): string[] | undefined {
  const entries = Object.entries(input.pagination?.order ?? {})
  if (!entries.length) return undefined
  const sort: string[] = []
  entries.forEach(([path, rawDirection], position) => {
    const direction = String(rawDirection).toUpperCase()
    if (direction !== "ASC" && direction !== "DESC") invalid(`pagination.order.${path} must be "ASC" or "DESC"`)
    if (path === "_score") {
      // Meilisearch's `sort` rule runs before relevance (see DEFAULT_RANKING_RULES): relevance can
      // only break ties after the sorted fields, and never runs backwards.
      if (direction !== "DESC") invalid(`Meilisearch cannot order by ascending relevance (pagination.order._score: "ASC")`)
      if (position !== entries.length - 1) {
        invalid(`Meilisearch applies relevance after the sorted fields, so pagination.order._score must come last`)
      }
      return
    }
    const planned = field(prepared, path, "pagination.order")
    if (!planned.sortable) invalid(`Field "${path}" is not sortable on search index "${prepared.plan.name}"`)
    if (planned.array || !prepared.sortable.has(path)) invalid(`The Meilisearch search provider cannot sort by "${path}", which holds several values`)
    sort.push(`${path}:${direction.toLowerCase()}`)
  })
  return sort.length ? sort : undefined
}

function planHighlight(input: SearchTypes.ProviderSearchQuery, prepared: PreparedIndex, searchOn: string[]) {
  const option = input.search_options?.highlight
  if (!option) return undefined
  const { plan } = prepared
  const named = option === true ? undefined : option
  if (named && (!Array.isArray(named.fields) || !named.fields.length)) invalid(`search_options.highlight.fields must name at least one field`)
  const fields = named
    ? named.fields.map((path) => {
        const planned = field(prepared, path, "search_options.highlight")
        if (!planned.searchable) invalid(`Field "${path}" cannot be highlighted on search index "${plan.name}": it is not searchable`)
        if (!prepared.displayed.has(path)) invalid(`Field "${path}" cannot be highlighted on search index "${plan.name}": it is not retrievable`)
        return path
      })
    : // `true`: every field the query searches on that Meilisearch can return.
      searchOn.filter((path) => prepared.displayed.has(path))
  if (!fields.length) return undefined

  const params: Partial<MeilisearchQuery> = {
    attributesToHighlight: fields,
    highlightPreTag: named?.pre_tag ?? DEFAULT_HIGHLIGHT_PRE_TAG,
    highlightPostTag: named?.post_tag ?? DEFAULT_HIGHLIGHT_POST_TAG,
  }
  if (named?.snippet) {
    params.attributesToCrop = fields
    if (typeof named.snippet === "object") {
      // Meilisearch crops to a number of words.
      if (!Number.isInteger(named.snippet.length) || named.snippet.length < 1) invalid(`search_options.highlight.snippet.length must be a positive whole number`)
      params.cropLength = named.snippet.length
    }
  }
  return { params, fields, preTag: params.highlightPreTag!, postTag: params.highlightPostTag! }
}

function planVector(input: SearchTypes.ProviderSearchQuery, prepared: PreparedIndex, q: string | undefined, hasFieldSort: boolean) {
  const vector = input.search_options?.vector
  if (!vector) return undefined
  const { plan } = prepared
  const vectorPaths = [...prepared.vectors.keys()]
  const path = vector.field ?? (vectorPaths.length === 1 ? vectorPaths[0] : undefined)
  if (!path) invalid(vectorPaths.length ? `search_options.vector.field is required: search index "${plan.name}" has several vector fields` : `search_options.vector needs a vector field on search index "${plan.name}"`)
  const target = prepared.vectors.get(path)
  if (!target) invalid(`Field "${path}" is not a vector field on search index "${plan.name}"`)
  if (vector.value && vector.query) invalid(`search_options.vector.value and search_options.vector.query are mutually exclusive`)
  if (!vector.value && !vector.query) invalid(`search_options.vector needs either "value" (an embedding) or "query" (text to embed)`)
  if (hasFieldSort) invalid(`Vector search results are ordered by relevance only; drop the fields from pagination.order`)
  if (vector.semantic_ratio !== undefined && !(typeof vector.semantic_ratio === "number" && vector.semantic_ratio >= 0 && vector.semantic_ratio <= 1)) {
    invalid(`search_options.vector.semantic_ratio must be between 0 and 1`)
  }

  if (vector.value) {
    if (!Array.isArray(vector.value) || vector.value.some((component) => typeof component !== "number" || !Number.isFinite(component))) {
      invalid(`search_options.vector.value must be an array of numbers`)
    }
    if (target.dimensions && vector.value.length !== target.dimensions) {
      invalid(`search_options.vector.value for "${path}" has ${vector.value.length} dimensions, expected ${target.dimensions}`)
    }
    return { q, params: { vector: vector.value, hybrid: { embedder: target.embedder, semanticRatio: vector.semantic_ratio ?? (q ? 0.5 : 1) } } }
  }

  if (!target.embed) invalid(`search_options.vector.query needs vector field "${path}" to declare "embed"`)
  // Meilisearch embeds the query text `q` itself; it has no separate text for the semantic half.
  if (q && q.trim() !== vector.query!.trim()) {
    invalid(`Meilisearch embeds the free-text query itself, so search_options.vector.query must equal q (or q must be left out)`)
  }
  return { q: q ?? vector.query!, params: { hybrid: { embedder: target.embedder, semanticRatio: vector.semantic_ratio ?? (q ? 0.5 : 1) } } }
}

/** A `from`/`to` bound of a range facet in the stored unit (epoch milliseconds for dates). */
function rangeBound(planned: PlannedField, value: number | string, indexName: string): number {
  const number = planned.type === "date" ? dateToEpoch(value) : typeof value === "number" ? value : typeof value === "string" && value.trim() ? Number(value) : NaN
  if (number === undefined || !Number.isFinite(number)) invalid(`Range bound ${JSON.stringify(value)} of facet "${planned.path}" on search index "${indexName}" is not a ${planned.type === "date" ? "date" : "number"}`)
  return number
}

/**
 * Plans one Medusa search query. Throws `INVALID_DATA` (HTTP 400) for anything Meilisearch
 * cannot answer as asked, rather than answering something close.
 */
export function planSearch(input: SearchTypes.ProviderSearchQuery, prepared: PreparedIndex): SearchPlan {
  const { plan } = prepared
  const options = input.search_options ?? {}
  const skip = nonNegativeInteger(input.pagination?.skip ?? 0, "pagination.skip")
  const take = nonNegativeInteger(input.pagination?.take ?? 20, "pagination.take")
  if (input.pagination?.cursor !== undefined) invalid(`The Meilisearch search provider does not support cursor pagination; use skip and take`)

  const hasText = typeof input.q === "string" && input.q.trim().length > 0
  const sort = planSort(input, prepared)

  // --- what to search on ----------------------------------------------------------------
  const searchOn = options.attributes_to_search_on?.length ? options.attributes_to_search_on : plan.searchable
  for (const path of options.attributes_to_search_on ?? []) {
    if (!field(prepared, path, "search_options.attributes_to_search_on").searchable) invalid(`Field "${path}" is not searchable on search index "${plan.name}"`)
  }
  if (hasText && !plan.searchable.length && !options.vector) invalid(`Search index "${plan.name}" has no searchable fields, so it cannot be queried by text`)

  // --- typo tolerance -----------------------------------------------------------------------
  // Meilisearch has no per-query switch for typo tolerance. `typo_tolerance: false` is honoured
  // when the index already matches the searched fields exactly; otherwise it is refused rather
  // than answered with fuzzy matches (quoting every word would turn it into phrase search and
  // lose synonyms and prefixes, so it is not emulated). `true` and unset leave the index's
  // setting (Meilisearch: on by default) in charge.
  if (options.typo_tolerance === false && hasText && prepared.typo.enabled && !searchOn.every((path) => prepared.typo.disabledOn.has(path))) {
    invalid(
      `Meilisearch cannot turn typo tolerance off for a single query: set settings.typo_tolerance.enabled to false ` +
        `(or list the fields in settings.typo_tolerance.disabled_on_attributes) on search index "${plan.name}"`
    )
  }

  // --- the main query ------------------------------------------------------------------------
  const base: MeilisearchQuery = { indexUid: input.index.physical_name }
  const vector = planVector(input, prepared, hasText ? input.q : undefined, !!sort)
  const q = vector?.q ?? (hasText ? input.q : undefined)
  if (q) Object.assign(base, matchStrategy(options.match_strategy, q))
  if (options.attributes_to_search_on?.length) base.attributesToSearchOn = [...options.attributes_to_search_on]
  if (vector) Object.assign(base, vector.params)

  if (options.locales !== undefined) {
    if (!Array.isArray(options.locales) || options.locales.some((locale) => typeof locale !== "string" || !locale)) invalid(`search_options.locales must be a list of language codes`)
    if (options.locales.length) base.locales = [...options.locales]
  }
  if (options.min_score !== undefined) {
    if (typeof options.min_score !== "number" || options.min_score < 0 || options.min_score > 1) {
      invalid(`search_options.min_score must be between 0 and 1 (Meilisearch's ranking score scale)`)
    }
    base.rankingScoreThreshold = options.min_score
  }

  const passthrough = options.provider_options?.[PROVIDER_KEY]
  if (passthrough !== undefined) {
    if (!isPlainObject(passthrough)) invalid(`search_options.provider_options.meilisearch must be an object of Meilisearch search parameters`)
    for (const key of RESERVED_PARAMETERS) {
      if (key in passthrough) invalid(`search_options.provider_options.meilisearch.${key} cannot be set: the provider computes it from the query`)
    }
    Object.assign(base, passthrough)
  }

  const tree = buildFilterTree(input.filters, { ...plan })
  const filter = renderFilter(tree, plan)
  if (filter) base.filter = filter

  let distinct: string | undefined
  if (options.distinct !== undefined) {
    const planned = field(prepared, options.distinct, "search_options.distinct")
    if (planned.array || planned.type === "vector") invalid(`The Meilisearch search provider cannot deduplicate by "${options.distinct}", which holds several values`)
    if (!prepared.filterable.has(planned.path)) {
      invalid(`Meilisearch can only deduplicate by a filterable attribute: mark "${planned.path}" filterable or facetable on search index "${plan.name}"`)
    }
    distinct = planned.path
  }

  const main: MeilisearchQuery = { ...base }
  if (sort) main.sort = sort
  if (distinct) main.distinct = distinct
  if (options.include_score) main.showRankingScore = true

  const highlight = hasText ? planHighlight(input, prepared, searchOn) : undefined
  if (highlight) Object.assign(main, highlight.params)

  const attributes = [...new Set(input.attributes_to_retrieve ?? [])]
  const vectorAttributes = attributes.filter((path) => prepared.vectors.has(path))
  main.attributesToRetrieve = [...new Set([plan.primaryKey, ...attributes.filter((path) => !prepared.vectors.has(path)), ...(highlight?.fields ?? [])])]
  if (vectorAttributes.length) main.retrieveVectors = true

  const queries: MeilisearchQuery[] = [main]
  const companion = (extra: FilterNode): number => {
    // A count only: no hits, one facet whose single value counts every matching document.
    const query: MeilisearchQuery = { ...base, limit: 0, offset: 0, facets: [COUNT_ATTRIBUTE] }
    const combined = renderFilter(and([tree, extra]), plan)
    if (combined) query.filter = combined
    else delete query.filter
    queries.push(query)
    return queries.length - 1
  }

  // --- count -------------------------------------------------------------------------------
  const count = planCount(options.count, { main, queries, skip, take, distinct: distinct ?? input.index.settings?.distinct_attribute, base, exactByFacet: !options.min_score && !vector })

  // --- facets ------------------------------------------------------------------------------
  const facetFields = new Set<string>(main.facets ?? [])
  const facets: FacetPlan[] = []
  for (const raw of options.facets ?? []) {
    const request = (typeof raw === "string" ? { field: raw, type: "value" } : raw) as SearchTypes.SearchFacetRequest
    const kind = request.type ?? "value"
    const planned = field(prepared, request.field, "search_options.facets")
    if (!planned.facets.has(kind)) invalid(`Field "${request.field}" does not support "${kind}" facets on search index "${plan.name}"`)

    if (request.type === "stats") {
      if (!["integer", "float", "date"].includes(planned.type) || planned.array) invalid(`Stats facets need a single-valued numeric or date field, and "${planned.path}" is not one`)
      facetFields.add(planned.path)
      // Meilisearch's facetStats give min and max; the count of documents having a value is a companion query.
      facets.push({ type: "stats", field: planned, countQuery: companion(existsNode(planned, true)) })
      continue
    }

    if (request.type === "range") {
      if (!["integer", "float", "date"].includes(planned.type)) invalid(`Range facets need a numeric or date field, and "${planned.path}" is not one`)
      if (!Array.isArray(request.ranges)) invalid(`Range facet "${planned.path}" needs a list of ranges`)
      // Meilisearch has no range facets. Each range is counted by its own companion query in the
      // same multi-search request, with the range (`from` inclusive, `to` exclusive) added to the
      // query's filter and no hits returned.
      facets.push({
        type: "range",
        field: planned,
        ranges: request.ranges.map((range) => {
          const bounds: FilterNode[] = []
          if (range.from !== undefined && range.from !== null) bounds.push(comparisonNode(plan, planned, ">=", rangeBound(planned, range.from, plan.name)))
          if (range.to !== undefined && range.to !== null) bounds.push(comparisonNode(plan, planned, "<", rangeBound(planned, range.to, plan.name)))
          return { key: range.key ?? `${range.from ?? "*"}-${range.to ?? "*"}`, from: range.from, to: range.to, query: companion(and(bounds)) }
        }),
      })
      continue
    }

    const limit = request.limit ?? DEFAULT_FACET_LIMIT
    if (!Number.isInteger(limit) || limit < 1) invalid(`The limit of facet "${planned.path}" must be a positive whole number`)
    if (limit > prepared.maxValuesPerFacet) {
      invalid(`Facet "${planned.path}" asks for ${limit} values, but search index "${plan.name}" returns at most ${prepared.maxValuesPerFacet} (faceting.maxValuesPerFacet)`)
    }
    if (request.sort !== undefined && request.sort !== "count" && request.sort !== "alpha") invalid(`The sort of facet "${planned.path}" must be "count" or "alpha"`)
    facetFields.add(planned.path)
    facets.push({ type: "value", field: planned, limit, sort: request.sort ?? "count", query: request.query })
  }
  if (facetFields.size) main.facets = [...facetFields]

  // Hits last, so a page-mode count (planCount) keeps its pagination.
  if (main.page === undefined) {
    main.offset = skip
    main.limit = take
  }

  return {
    input,
    prepared,
    queries,
    skip,
    take,
    count,
    facets,
    highlight: highlight ? { fields: highlight.fields, preTag: highlight.preTag, postTag: highlight.postTag } : undefined,
    includeScore: !!options.include_score,
    attributes,
  }
}

/**
 * `count`:
 *
 * - `"estimated"` (default): `estimatedTotalHits`, which Meilisearch stops counting at the
 *   index's `pagination.maxTotalHits` (1000 unless configured).
 * - `"none"`: no count (`null`).
 * - `"exact"`: without deduplication, the main query facets on `__medusa_count`, whose single
 *   value's count is the exact number of matches, uncapped. With `distinct` (or `min_score`, or
 *   a vector search) it is Meilisearch's exhaustive `totalHits`: the main query switches to page
 *   mode (`page`/`hitsPerPage`) when `skip` is a multiple of `take`; otherwise hits stay on
 *   offset/limit and a companion query with `hitsPerPage: 0` counts. `totalHits` stops at
 *   `maxTotalHits` as well, so a count that reaches it is refused, not reported.
 */
function planCount(
  strategy: SearchTypes.SearchCountStrategy | undefined,
  context: { main: MeilisearchQuery; queries: MeilisearchQuery[]; skip: number; take: number; distinct?: string; base: MeilisearchQuery; exactByFacet: boolean }
): CountPlan {
  switch (strategy ?? "estimated") {
    case "none":
      return { kind: "none" }
    case "estimated":
      return { kind: "estimated" }
    case "exact": {
      if (!context.distinct && context.exactByFacet) {
        context.main.facets = [...(context.main.facets ?? []), COUNT_ATTRIBUTE]
        return { kind: "facet" }
      }
      if (context.take > 0 && context.skip % context.take === 0) {
        context.main.page = context.skip / context.take + 1
        context.main.hitsPerPage = context.take
        return { kind: "total", query: 0 }
      }
      context.queries.push({ ...context.base, ...(context.main.distinct ? { distinct: context.main.distinct } : {}), page: 1, hitsPerPage: 0 })
      return { kind: "total", query: context.queries.length - 1 }
    }
    default:
      return invalid(`Unknown search_options.count "${strategy}"; use "estimated", "exact" or "none"`)
  }
}

/* ------------------------------------ results ----------------------------------- */

function facetCount(response: MeilisearchSearchResponse | undefined): number {
  return Number(response?.facetDistribution?.[COUNT_ATTRIBUTE]?.["1"] ?? 0)
}

function facetValue(planned: PlannedField, key: string): string {
  if (planned.type === "date" && /^-?\d+(\.\d+)?$/.test(key)) {
    const date = new Date(Number(key))
    if (!Number.isNaN(date.getTime())) return date.toISOString()
  }
  return key
}

function buildFacets(plan: SearchPlan, responses: MeilisearchSearchResponse[]): Record<string, SearchTypes.SearchFacetResult> | undefined {
  if (!plan.facets.length) return undefined
  const main = responses[0]
  const result: Record<string, SearchTypes.SearchFacetResult> = {}
  for (const facet of plan.facets) {
    const path = facet.field.path
    if (facet.type === "stats") {
      const stats = main?.facetStats?.[path]
      const count = facetCount(responses[facet.countQuery])
      result[path] = stats && count ? { type: "stats", min: Number(stats.min), max: Number(stats.max), count } : { type: "stats", min: 0, max: 0, count: 0 }
      continue
    }
    if (facet.type === "range") {
      result[path] = {
        type: "range",
        ranges: facet.ranges.map((range) => ({ key: range.key, from: range.from, to: range.to, count: facetCount(responses[range.query]) })),
      }
      continue
    }
    // Meilisearch returns at most `maxValuesPerFacet` values, most frequent first (the provider
    // sets `sortFacetValuesBy: count`); sorting, the value query and the limit apply to those.
    let values = Object.entries(main?.facetDistribution?.[path] ?? {}).map(([value, count]) => ({ value: facetValue(facet.field, value), count: Number(count) }))
    if (facet.query) {
      const needle = facet.query.toLocaleLowerCase()
      values = values.filter(({ value }) => value.toLocaleLowerCase().includes(needle))
    }
    values.sort(
      facet.sort === "alpha"
        ? (a, b) => (a.value < b.value ? -1 : a.value > b.value ? 1 : 0)
        : (a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0)
    )
    result[path] = { type: "value", values: values.slice(0, facet.limit) }
  }
  return result
}

function buildHighlights(hit: Record<string, unknown>, highlight: NonNullable<SearchPlan["highlight"]>): Record<string, string[]> | undefined {
  const formatted = hit._formatted
  if (!formatted || typeof formatted !== "object") return undefined
  const highlights: Record<string, string[]> = {}
  for (const path of highlight.fields) {
    // Only fragments where a term matched: `_formatted` holds every requested field, matched or not.
    const fragments = readDocumentPath(formatted, path.split("."))
      .filter((value): value is string => typeof value === "string")
      .filter((value) => value.includes(highlight.preTag))
    if (fragments.length) highlights[path] = fragments
  }
  return Object.keys(highlights).length ? highlights : undefined
}

function countOf(plan: SearchPlan, responses: MeilisearchSearchResponse[]): number | null {
  switch (plan.count.kind) {
    case "none":
      return null
    case "estimated":
      return Number(responses[0]?.estimatedTotalHits ?? responses[0]?.totalHits ?? 0)
    case "facet":
      return facetCount(responses[0])
    case "total": {
      const total = Number(responses[plan.count.query]?.totalHits ?? 0)
      if (total >= plan.prepared.maxTotalHits) {
        throw new MedusaError(
          MedusaError.Types.NOT_ALLOWED,
          `Meilisearch stops counting at pagination.maxTotalHits (${plan.prepared.maxTotalHits}) on search index "${plan.prepared.plan.name}", ` +
            `so it cannot give an exact count for this query: raise pagination.maxTotalHits, or use count "estimated"`
        )
      }
      return total
    }
  }
}

/** Turns the responses of a plan's queries (in order) into Medusa's `SearchResult`. */
export function buildResult(plan: SearchPlan, responses: MeilisearchSearchResponse[]): SearchTypes.SearchResult {
  const { prepared } = plan
  const main = responses[0]
  const hits = (main?.hits ?? []).map((hit) => {
    const result: SearchTypes.SearchHit = {
      id: String(hit[prepared.plan.primaryKey]),
      document: fromMeilisearchHit(hit, prepared.plan, plan.attributes, prepared.vectors),
    }
    if (plan.includeScore && typeof hit._rankingScore === "number") result.score = hit._rankingScore
    const highlights = plan.highlight ? buildHighlights(hit, plan.highlight) : undefined
    if (highlights) result.highlights = highlights
    return result
  })

  const facets = buildFacets(plan, responses)
  return {
    hits,
    ...(facets ? { facets } : {}),
    metadata: {
      skip: plan.skip,
      take: plan.take,
      count: countOf(plan, responses),
      ...(plan.input.q !== undefined ? { query: plan.input.q } : {}),
      ...(typeof main?.processingTimeMs === "number" ? { processing_time_ms: main.processingTimeMs } : {}),
    },
  }
}
