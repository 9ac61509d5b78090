import type { SearchTypes } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import type { VectorTarget } from "./documents"
import { buildIndexPlan, COUNT_ATTRIBUTE, isFilterableInMeilisearch, type IndexPlan } from "./plan"

/**
 * Index definition → Meilisearch index settings. Pure: no Meilisearch client here, so it is unit
 * tested on its own and the same result serves `upsertIndex` (which writes it) and the query
 * builder (which needs to know, e.g., `maxValuesPerFacet`).
 */

/** The identifier under which index and query `provider_options` are read. */
export const PROVIDER_KEY = "meilisearch"

/** Meilisearch's own defaults, used when the settings do not say otherwise. */
export const MEILISEARCH_DEFAULT_MAX_VALUES_PER_FACET = 100
export const MEILISEARCH_DEFAULT_MAX_TOTAL_HITS = 1000
const MEILISEARCH_DEFAULT_MIN_WORD_SIZE_FOR_ONE_TYPO = 5
const MEILISEARCH_DEFAULT_MIN_WORD_SIZE_FOR_TWO_TYPOS = 9

/**
 * Meilisearch's default ranking rules with `sort` moved first. Medusa's `pagination.order` is a
 * hard sort (the Postgres provider orders by the field, and relevance only breaks ties when
 * `_score` comes after it); with `sort` after the relevancy rules, as in Meilisearch's default,
 * a text query would only loosely follow the requested order. Without a `sort` parameter the
 * rule does nothing, so relevance ordering is unchanged.
 */
export const DEFAULT_RANKING_RULES = ["sort", "words", "typo", "proximity", "attribute", "exactness"]

/** Settings the provider derives from the definition's fields, which `provider_options` may not override. */
export const MANAGED_SETTINGS = ["searchableAttributes", "filterableAttributes", "sortableAttributes", "displayedAttributes", "distinctAttribute"] as const

/** Embedder sources where Meilisearch renders a document template to get the text to embed. */
const TEMPLATE_SOURCES = new Set(["openAi", "huggingFace", "ollama", "rest"])

export type MeilisearchEmbedder = { source: string; dimensions?: number; documentTemplate?: string; [key: string]: unknown }

/**
 * Meilisearch index settings (`PATCH /indexes/{uid}/settings`) that may be passed through, in
 * Meilisearch's own names: `rankingRules`, `synonyms`, `stopWords`, `typoTolerance`, `faceting`,
 * `pagination`, `embedders`, `separatorTokens`, `dictionary`, `proximityPrecision`,
 * `localizedAttributes`, `searchCutoffMs`, … Unknown keys go to Meilisearch as they are, so a
 * setting of a newer Meilisearch needs no provider release. The attribute lists are derived
 * from the definition (see `MANAGED_SETTINGS`).
 */
export type MeilisearchIndexSettings = {
  rankingRules?: string[] | null
  synonyms?: Record<string, string[]> | null
  stopWords?: string[] | null
  typoTolerance?: {
    enabled?: boolean | null
    disableOnAttributes?: string[] | null
    disableOnNumbers?: boolean | null
    disableOnWords?: string[] | null
    minWordSizeForTypos?: { oneTypo?: number | null; twoTypos?: number | null }
  } | null
  faceting?: { maxValuesPerFacet?: number | null; sortFacetValuesBy?: Record<string, "alpha" | "count"> | null } | null
  pagination?: { maxTotalHits?: number | null } | null
  embedders?: Record<string, MeilisearchEmbedder | null> | null
  [setting: string]: unknown
}

/** The full settings object sent to Meilisearch. */
export type MeilisearchSettings = MeilisearchIndexSettings & {
  searchableAttributes: string[]
  filterableAttributes: string[]
  sortableAttributes: string[]
  displayedAttributes: string[]
  distinctAttribute: string | null
}

/** Everything the provider derives from one index definition. */
export type PreparedIndex = {
  plan: IndexPlan
  settings: MeilisearchSettings
  /** Vector field path → its embedder. */
  vectors: Map<string, VectorTarget>
  filterable: Set<string>
  sortable: Set<string>
  displayed: Set<string>
  maxValuesPerFacet: number
  maxTotalHits: number
  typo: { enabled: boolean; disabledOn: Set<string> }
}

function fail(message: string): never {
  throw new MedusaError(MedusaError.Types.INVALID_DATA, message)
}

export function isPlainObject(value: unknown): value is Record<string, any> {
  return typeof value === "object" && value !== null && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype
}

/** Merges plain objects recursively; anything else (arrays included) is replaced. `undefined` never overrides. */
export function mergeSettings<T extends Record<string, unknown>>(...layers: (Record<string, unknown> | undefined | null)[]): T {
  const out: Record<string, unknown> = {}
  for (const layer of layers) {
    if (!layer) continue
    for (const [key, value] of Object.entries(layer)) {
      if (value === undefined) continue
      out[key] = isPlainObject(value) && isPlainObject(out[key]) ? mergeSettings(out[key] as Record<string, unknown>, value) : value
    }
  }
  return out as T
}

/**
 * Checks settings to pass through (`indexSettings` option, an index's
 * `settings.provider_options.meilisearch`). Returns one sentence per problem.
 */
export function passthroughSettingsProblems(settings: unknown, where: string): string[] {
  if (settings === undefined) return []
  if (!isPlainObject(settings)) return [`\`${where}\` must be an object of Meilisearch index settings`]
  const problems: string[] = []
  for (const key of MANAGED_SETTINGS) {
    if (key in settings) {
      problems.push(`\`${where}.${key}\` cannot be set: the provider derives it from the index definition's fields (searchable, filterable, facetable, sortable, retrievable, settings.distinct_attribute)`)
    }
  }
  for (const key of ["faceting", "pagination", "typoTolerance", "synonyms", "embedders"]) {
    if (settings[key] !== undefined && settings[key] !== null && !isPlainObject(settings[key])) problems.push(`\`${where}.${key}\` must be an object`)
  }
  for (const key of ["rankingRules", "stopWords"]) {
    if (settings[key] !== undefined && settings[key] !== null && !Array.isArray(settings[key])) problems.push(`\`${where}.${key}\` must be a list`)
  }
  const max = isPlainObject(settings.faceting) ? settings.faceting.maxValuesPerFacet : undefined
  if (max !== undefined && max !== null && !(Number.isInteger(max) && max > 0)) problems.push(`\`${where}.faceting.maxValuesPerFacet\` must be a positive whole number`)
  const total = isPlainObject(settings.pagination) ? settings.pagination.maxTotalHits : undefined
  if (total !== undefined && total !== null && !(Number.isInteger(total) && total > 0)) problems.push(`\`${where}.pagination.maxTotalHits\` must be a positive whole number`)
  return problems
}

function embedderName(path: string, field: SearchTypes.SearchFieldDefinition, indexName: string): string {
  const options = field.provider_options?.[PROVIDER_KEY]
  for (const key of Object.keys(options ?? {})) {
    if (key !== "embedder") fail(`Search index "${indexName}": field "${path}" has an unknown provider_options.meilisearch.${key}; only "embedder" is read`)
  }
  const configured = options?.embedder
  if (configured !== undefined && (typeof configured !== "string" || !configured)) {
    fail(`Search index "${indexName}": provider_options.meilisearch.embedder of field "${path}" must be an embedder name`)
  }
  return (configured as string | undefined) ?? path.replace(/[^A-Za-z0-9_-]/g, "_")
}

function resolveEmbedders(plan: IndexPlan, passthrough: Record<string, MeilisearchEmbedder | null>) {
  const embedders: Record<string, MeilisearchEmbedder | null> = { ...passthrough }
  const vectors = new Map<string, VectorTarget>()
  const used = new Map<string, string>()

  for (const field of plan.fields.values()) {
    if (field.type !== "vector") {
      if (field.definition.provider_options?.[PROVIDER_KEY] && Object.keys(field.definition.provider_options[PROVIDER_KEY]).length) {
        fail(`Search index "${plan.name}": provider_options.meilisearch on field "${field.path}" is only read on vector fields`)
      }
      continue
    }
    const where = `Search index "${plan.name}": vector field "${field.path}"`
    const dimensions = field.definition.dimensions
    if (!dimensions || !Number.isInteger(dimensions) || dimensions < 1) fail(`${where} must declare a positive whole "dimensions"`)
    const name = embedderName(field.path, field.definition, plan.name)
    if (used.has(name)) fail(`${where} and "${used.get(name)}" both use the Meilisearch embedder "${name}"; name one with provider_options.meilisearch.embedder`)
    used.set(name, field.path)

    const configured = passthrough[name] ?? undefined
    if (configured !== undefined && !isPlainObject(configured)) fail(`${where}: settings.provider_options.meilisearch.embedders.${name} must be an embedder object`)
    if (configured?.dimensions !== undefined && configured.dimensions !== dimensions) {
      fail(`${where} declares ${dimensions} dimensions but its Meilisearch embedder "${name}" has ${configured.dimensions}`)
    }

    if (!field.definition.embed) {
      // Documents bring their own embeddings: a `userProvided` embedder holds them.
      if (configured && configured.source !== "userProvided") {
        fail(`${where} holds embeddings documents supply, so its Meilisearch embedder "${name}" must have source "userProvided", not "${configured.source}"`)
      }
      embedders[name] = { ...configured, source: "userProvided", dimensions }
      vectors.set(field.path, { embedder: name, embed: false, dimensions })
      continue
    }

    // `embed: true`: Meilisearch must embed the field's text, so it needs a model it can call.
    if (!configured) {
      fail(
        `${where} declares "embed", so Meilisearch has to embed its text and needs an embedder to do it: ` +
          `configure settings.provider_options.meilisearch.embedders.${name} (or the provider's indexSettings.embedders.${name}) ` +
          `with source "openAi", "huggingFace", "ollama" or "rest"`
      )
    }
    if (configured.source === "userProvided") {
      fail(`${where} declares "embed", but its Meilisearch embedder "${name}" is "userProvided" and cannot embed text; drop "embed" and supply vectors, or configure a model`)
    }
    const template = TEMPLATE_SOURCES.has(configured.source) && configured.documentTemplate === undefined && configured.indexingFragments === undefined
    embedders[name] = template ? { ...configured, documentTemplate: `{{doc.${field.path}}}` } : { ...configured }
    vectors.set(field.path, { embedder: name, embed: true, dimensions })
  }
  return { embedders, vectors }
}

function resolveTypoTolerance(plan: IndexPlan, definition: SearchTypes.SearchIndexSettings | undefined, passthrough: MeilisearchIndexSettings["typoTolerance"]) {
  const typo = definition?.typo_tolerance
  const derived: NonNullable<MeilisearchIndexSettings["typoTolerance"]> = {}
  if (typo) {
    const where = `Search index "${plan.name}": settings.typo_tolerance`
    const sizes: [string, number | undefined][] = [
      ["min_word_size_for_one_typo", typo.min_word_size_for_one_typo],
      ["min_word_size_for_two_typos", typo.min_word_size_for_two_typos],
    ]
    for (const [key, value] of sizes) {
      if (value !== undefined && !(Number.isInteger(value) && value >= 0 && value <= 255)) fail(`${where}.${key} must be a whole number between 0 and 255`)
    }
    const one = typo.min_word_size_for_one_typo ?? passthrough?.minWordSizeForTypos?.oneTypo ?? MEILISEARCH_DEFAULT_MIN_WORD_SIZE_FOR_ONE_TYPO
    const two = typo.min_word_size_for_two_typos ?? passthrough?.minWordSizeForTypos?.twoTypos ?? MEILISEARCH_DEFAULT_MIN_WORD_SIZE_FOR_TWO_TYPOS
    if (two < one) fail(`${where}.min_word_size_for_two_typos (${two}) cannot be lower than min_word_size_for_one_typo (${one})`)
    for (const path of typo.disabled_on_attributes ?? []) {
      if (!plan.fields.has(path)) fail(`${where}.disabled_on_attributes names "${path}", which is not a field of the index`)
    }
    if (typo.enabled !== undefined) derived.enabled = typo.enabled
    if (typo.min_word_size_for_one_typo !== undefined || typo.min_word_size_for_two_typos !== undefined) {
      derived.minWordSizeForTypos = {
        ...(typo.min_word_size_for_one_typo !== undefined ? { oneTypo: typo.min_word_size_for_one_typo } : {}),
        ...(typo.min_word_size_for_two_typos !== undefined ? { twoTypos: typo.min_word_size_for_two_typos } : {}),
      }
    }
    if (typo.disabled_on_attributes) derived.disableOnAttributes = [...typo.disabled_on_attributes]
  }
  const merged = mergeSettings<NonNullable<MeilisearchIndexSettings["typoTolerance"]>>(passthrough ?? undefined, derived)
  return Object.keys(merged).length ? merged : undefined
}

/**
 * Builds the settings of one index. `defaults` are the provider's `indexSettings` option; an
 * index's `settings.provider_options.meilisearch` overrides them key by key.
 * Throws `INVALID_DATA` for what Meilisearch cannot hold.
 */
export function prepareIndex(
  definition: Pick<SearchTypes.ResolvedSearchIndexDefinition, "name" | "fields" | "primary_key" | "settings">,
  defaults?: MeilisearchIndexSettings
): PreparedIndex {
  const plan = buildIndexPlan(definition)
  const indexPassthrough = definition.settings?.provider_options?.[PROVIDER_KEY]
  const problems = passthroughSettingsProblems(indexPassthrough, "settings.provider_options.meilisearch")
  if (problems.length) fail(`Search index "${plan.name}": ${problems.join("; ")}`)
  const passthrough = mergeSettings<MeilisearchIndexSettings>(defaults, indexPassthrough as Record<string, unknown> | undefined)

  for (const field of plan.fields.values()) {
    if (field.type === "geo") {
      fail(
        `Search index "${plan.name}": field "${field.path}" is of type "geo", which the Meilisearch provider cannot hold: ` +
          "Meilisearch only geo-searches a top-level `_geo` attribute, and Medusa's search filters have no geo operator"
      )
    }
    if (!["keyword", "text", "integer", "float", "boolean", "date", "vector"].includes(field.type)) {
      fail(`Search index "${plan.name}": field "${field.path}" has unknown type "${field.type}"`)
    }
  }

  const fields = [...plan.fields.values()]
  const scalar = (type: string) => type !== "vector"
  const filterable = [plan.primaryKey, ...fields.filter((field) => scalar(field.type) && isFilterableInMeilisearch(plan, field)).map((field) => field.path), COUNT_ATTRIBUTE]
  const sortable = fields.filter((field) => field.sortable && !field.array && scalar(field.type)).map((field) => field.path)
  const displayed = [plan.primaryKey, ...fields.filter((field) => field.retrievable && scalar(field.type)).map((field) => field.path)]

  const distinct = definition.settings?.distinct_attribute
  if (distinct !== undefined && distinct !== null) {
    const field = plan.fields.get(distinct)
    if (!field) fail(`Search index "${plan.name}": settings.distinct_attribute names "${distinct}", which is not a field of the index`)
    if (field.array || !scalar(field.type)) fail(`Search index "${plan.name}": settings.distinct_attribute "${distinct}" must be a single-valued field`)
  }

  const { embedders, vectors } = resolveEmbedders(plan, (passthrough.embedders ?? {}) as Record<string, MeilisearchEmbedder | null>)
  if ([...vectors.keys()].some((path) => plan.fields.get(path)!.retrievable)) displayed.push("_vectors")

  const typoTolerance = resolveTypoTolerance(plan, definition.settings, passthrough.typoTolerance)
  const faceting = mergeSettings<NonNullable<MeilisearchIndexSettings["faceting"]>>(
    // Facet values come back most frequent first, which is what a storefront's facet list wants
    // and what a facet `limit` keeps (see query.ts). Meilisearch's own default is alphabetical.
    { sortFacetValuesBy: { "*": "count" } },
    passthrough.faceting ?? undefined
  )

  const { embedders: _embedders, typoTolerance: _typo, faceting: _faceting, ...rest } = passthrough
  const settings: MeilisearchSettings = {
    ...rest,
    searchableAttributes: plan.searchable,
    filterableAttributes: [...new Set(filterable)],
    sortableAttributes: [...new Set(sortable)],
    displayedAttributes: [...new Set(displayed)],
    distinctAttribute: distinct ?? null,
    rankingRules: passthrough.rankingRules ?? DEFAULT_RANKING_RULES,
    // Reset what the definition does not set, so re-running a migration converges.
    synonyms: passthrough.synonyms ?? null,
    stopWords: passthrough.stopWords ?? null,
    faceting,
    ...(typoTolerance ? { typoTolerance } : {}),
    ...(Object.keys(embedders).length ? { embedders } : {}),
  }

  return {
    plan,
    settings,
    vectors,
    filterable: new Set(settings.filterableAttributes),
    sortable: new Set(settings.sortableAttributes),
    displayed: new Set(settings.displayedAttributes),
    maxValuesPerFacet: faceting.maxValuesPerFacet ?? MEILISEARCH_DEFAULT_MAX_VALUES_PER_FACET,
    maxTotalHits: passthrough.pagination?.maxTotalHits ?? MEILISEARCH_DEFAULT_MAX_TOTAL_HITS,
    typo: { enabled: typoTolerance?.enabled ?? true, disabledOn: new Set(typoTolerance?.disableOnAttributes ?? []) },
  }
}
