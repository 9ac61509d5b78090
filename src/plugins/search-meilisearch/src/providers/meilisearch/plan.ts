import type { SearchTypes } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"

/**
 * The index definition flattened into what the provider works with: one entry per leaf field,
 * keyed by its dotted path (`price.eur`, `variants.sku`), with the capabilities the definition
 * declares on it. Built once per definition hash and shared by the settings, the filter
 * compiler, the document projection and the query builder, so all four agree on what a field
 * is. Nothing here talks to Meilisearch.
 */

/** Top-level attribute names Meilisearch reserves for itself (geo, vectors, hit metadata). */
export const RESERVED_ATTRIBUTES = new Set([
  "_geo",
  "_geoDistance",
  "_geoPoint",
  "_geoRadius",
  "_geoBoundingBox",
  "_vectors",
  "_formatted",
  "_matchesPosition",
  "_rankingScore",
  "_rankingScoreDetails",
  "_federation",
])

/**
 * A constant (`1`) the provider writes on every document and marks filterable. Faceting on it
 * yields the exact number of documents matching a query (Meilisearch computes facet counts over
 * every candidate, whereas `estimatedTotalHits`/`totalHits` stop at `pagination.maxTotalHits`).
 * Used for range-facet and stats-facet counts and for `count: "exact"`. Never displayed.
 */
export const COUNT_ATTRIBUTE = "__medusa_count"

export type PlannedField = {
  /** Dotted path in the document, e.g. `price.eur`. */
  path: string
  type: SearchTypes.SearchFieldKind
  /** The field holds several values: declared `array`, or nested in an array object. */
  array: boolean
  searchable: boolean
  /** `searchable.weight`, 1 when unset. */
  weight: number
  filterable: boolean
  sortable: boolean
  /** Facet kinds the definition allows on the field (empty when not facetable). */
  facets: Set<SearchTypes.SearchFacetKind>
  retrievable: boolean
  definition: SearchTypes.SearchFieldDefinition
}

export type IndexPlan = {
  /** Logical index name, for messages. */
  name: string
  primaryKey: string
  /** Leaf fields (object containers excluded), in declaration order. */
  fields: Map<string, PlannedField>
  /** Paths of `object` fields, so a nested filter `{ price: { eur: … } }` can be recognised. */
  objects: Set<string>
  /** Searchable paths, highest `searchable.weight` first (declaration order among equals). */
  searchable: string[]
}

function fail(message: string): never {
  throw new MedusaError(MedusaError.Types.INVALID_DATA, message)
}

function isSearchable(field: SearchTypes.SearchFieldDefinition): boolean {
  return field.searchable === true || typeof field.searchable === "object"
}

// Same defaults as the Search Module: numbers and dates facet by range, the rest by value;
// `stats` is opt-in.
function facetKinds(field: SearchTypes.SearchFieldDefinition): Set<SearchTypes.SearchFacetKind> {
  const defaults: SearchTypes.SearchFacetKind[] = ["integer", "float", "date"].includes(field.type) ? ["range"] : ["value"]
  if (field.facetable === true) return new Set(defaults)
  if (field.facetable && typeof field.facetable === "object") return new Set(field.facetable.types ?? defaults)
  return new Set()
}

function isRetrievable(field: SearchTypes.SearchFieldDefinition): boolean {
  if (field.type === "vector") return field.retrievable === true
  return field.retrievable !== false
}

/** Flattens a definition's fields into leaf paths. Throws on a field name no index can hold. */
export function buildIndexPlan(definition: Pick<SearchTypes.ResolvedSearchIndexDefinition, "name" | "fields" | "primary_key">): IndexPlan {
  const fields = new Map<string, PlannedField>()
  const objects = new Set<string>()
  const searchable: { path: string; weight: number; order: number }[] = []

  const walk = (group: Record<string, SearchTypes.SearchFieldDefinition>, prefix: string, inArray: boolean) => {
    for (const [name, field] of Object.entries(group ?? {})) {
      if (!name || name.includes(".")) {
        fail(`Search index "${definition.name}": field name "${prefix}${name}" cannot be empty or contain a dot; nest an object field instead`)
      }
      const path = prefix ? `${prefix}.${name}` : name
      if (!prefix && (RESERVED_ATTRIBUTES.has(name) || name === COUNT_ATTRIBUTE)) {
        fail(`Search index "${definition.name}": field "${name}" is a name Meilisearch (or this provider) reserves; rename it`)
      }
      const array = inArray || field.array === true
      if (field.type === "object") {
        objects.add(path)
        walk(field.fields ?? {}, path, array)
        continue
      }
      const planned: PlannedField = {
        path,
        type: field.type,
        array,
        searchable: isSearchable(field),
        weight: typeof field.searchable === "object" && typeof field.searchable.weight === "number" ? field.searchable.weight : 1,
        filterable: field.filterable === true,
        sortable: field.sortable === true,
        facets: facetKinds(field),
        retrievable: isRetrievable(field),
        definition: field,
      }
      fields.set(path, planned)
      if (planned.searchable) searchable.push({ path, weight: planned.weight, order: searchable.length })
    }
  }
  walk(definition.fields, "", false)

  if (!fields.has(definition.primary_key)) {
    fail(`Search index "${definition.name}" must declare its primary key field "${definition.primary_key}" at the top level`)
  }

  return {
    name: definition.name,
    primaryKey: definition.primary_key,
    fields,
    objects,
    // Meilisearch ranks matches by the order of `searchableAttributes` (the `attribute` ranking
    // rule), not by numeric weights: the heaviest field goes first.
    searchable: searchable.sort((a, b) => b.weight - a.weight || a.order - b.order).map((entry) => entry.path),
  }
}

/** Whether the field ends up in Meilisearch's `filterableAttributes`. */
export function isFilterableInMeilisearch(plan: IndexPlan, field: PlannedField): boolean {
  return field.path === plan.primaryKey || field.filterable || field.facets.size > 0
}
