import type { MedusaResponse, MedusaStoreRequest } from "@medusajs/framework/http"
import type { SearchTypes } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError, Modules, ProductStatus } from "@medusajs/framework/utils"
import { indexedCurrencies } from "../../../search-catalog/currencies"
import type { StoreSearchProductsType } from "./validators"

/** The facets every product search answers with (value counts), and the price facet. */
export const VALUE_FACETS = ["categories", "collection", "tags", "type", "in_stock"] as const

const HIT_FIELDS = ["id", "title", "subtitle", "handle", "thumbnail", "categories", "collection", "tags", "type", "in_stock"]

export type SearchModule = {
  search(query: SearchTypes.SearchQuery): Promise<SearchTypes.SearchResult>
}

/**
 * Runs a product search; until the index's first fill has finished (a new store's first start,
 * or right after a switch of engine) the shopper gets a 503 to retry instead of Medusa's 404.
 * Answers null when it has replied.
 */
export async function searchOrRetryLater(
  req: MedusaStoreRequest,
  res: MedusaResponse,
  query: SearchTypes.SearchQuery
): Promise<SearchTypes.SearchResult | null> {
  try {
    return await searchModule(req).search(query)
  } catch (error) {
    if (error instanceof MedusaError && error.type === MedusaError.Types.NOT_FOUND && /no active version/.test(error.message)) {
      res.setHeader("Retry-After", "5")
      res.status(503).json({ type: "search_index_building", message: "The product search index is being built; try again in a few seconds." })
      return null
    }
    throw error
  }
}

export function searchModule(req: MedusaStoreRequest): SearchModule {
  const module = req.scope.resolve<SearchModule | undefined>(Modules.SEARCH, { allowUnregistered: true })
  if (!module) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "Search is not available: the Search Module is not installed.")
  }
  return module
}

/**
 * Published products of the sales channels the publishable key opens, ANDed under whatever the
 * shopper asked, so no parameter can widen a search past the store's own catalogue.
 */
export function storeScope(req: MedusaStoreRequest): SearchTypes.SearchFilters {
  const salesChannelIds = req.publishable_key_context?.sales_channel_ids ?? []
  if (!salesChannelIds.length) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "The publishable key needs a sales channel to search products.")
  }
  return { status: ProductStatus.PUBLISHED, sales_channel_ids: { $overlaps: salesChannelIds } }
}

/**
 * Whether a query may match misspelled words. Like Meilisearch's default (one typo from five
 * letters), short words must match as typed: "coff" is the start of "coffee", not a typo of
 * "cotton". Medusa's Postgres provider matches typos by trigram similarity over the whole query,
 * so the rule is applied here for both engines alike.
 */
// Sent only as `true`: left unset, Meilisearch applies its index settings (which already keep
// words under five letters exact) and Medusa's Postgres provider matches exactly.
export const typoTolerant = (q: string | undefined) => !!q && q.split(/\s+/).some((word) => word.length >= 5)

/** The currency prices are filtered, sorted and faceted in: the region's, or the one named. */
export async function searchCurrency(req: MedusaStoreRequest, params: { region_id?: string; currency_code?: string }) {
  let currency = params.currency_code
  if (params.region_id) {
    const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({ entity: "region", fields: ["currency_code"], filters: { id: params.region_id } })
    if (!data.length) throw new MedusaError(MedusaError.Types.INVALID_DATA, `No region with id ${params.region_id}.`)
    currency = data[0].currency_code
  }
  if (!currency) return undefined
  const indexed = indexedCurrencies()
  if (!indexed.includes(currency)) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `Prices are searchable in ${indexed.join(", ")}; ${currency} is not indexed (EMPORIUM_SEARCH_CURRENCIES).`
    )
  }
  return currency
}

export function productSearchQuery(
  params: StoreSearchProductsType,
  scope: SearchTypes.SearchFilters,
  currency: string | undefined
): SearchTypes.SearchQuery {
  const priceField = currency ? `price.${currency}` : undefined
  if ((params.price_min !== undefined || params.price_max !== undefined || params.sort.startsWith("price")) && !priceField) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "Filtering or sorting by price needs region_id or currency_code.")
  }
  const narrowing: SearchTypes.SearchFilters[] = []
  const anyOf = (field: string, values?: string[]) => values?.length && narrowing.push({ [field]: { $in: values } })
  anyOf("categories", params.category)
  anyOf("category_ids", params.category_id)
  anyOf("collection", params.collection)
  anyOf("collection_id", params.collection_id)
  anyOf("tags", params.tag)
  anyOf("type", params.type)
  if (params.in_stock !== undefined) narrowing.push({ in_stock: params.in_stock })
  if (priceField && (params.price_min !== undefined || params.price_max !== undefined)) {
    narrowing.push({
      [priceField]: {
        ...(params.price_min !== undefined ? { $gte: params.price_min } : {}),
        ...(params.price_max !== undefined ? { $lte: params.price_max } : {}),
      },
    })
  }
  const order: Record<string, SearchTypes.SearchOrderBy> | undefined = {
    relevance: undefined,
    price_asc: priceField ? { [priceField]: "ASC" as const } : undefined,
    price_desc: priceField ? { [priceField]: "DESC" as const } : undefined,
    newest: { created_at: "DESC" as const },
    title_asc: { title: "ASC" as const },
  }[params.sort]

  return {
    entity: "product",
    fields: priceField ? [...HIT_FIELDS, priceField] : HIT_FIELDS,
    filters: { ...(params.q ? { q: params.q } : {}), $and: [scope, ...narrowing] },
    pagination: { skip: params.offset, take: params.limit, ...(order ? { order } : {}) },
    search_options: {
      facets: [...VALUE_FACETS, ...(priceField ? [{ field: priceField, type: "stats" as const }] : [])],
      // Each facet counts as if its own filter were off, so picking "Shirts" still shows how
      // many "Hoodies" there are instead of hiding every sibling value.
      disjunctive_facets: true,
      // Opt-in per query on Medusa's Postgres provider (trigram word similarity); Meilisearch
      // tolerates typos by default, bounded by the index's typo settings.
      typo_tolerance: typoTolerant(params.q) || undefined,
      count: "exact",
    },
  }
}

/** The answer's shape: the storefront's product card fields and facet lists, engine-neutral. */
export function toProductSearchResponse(result: SearchTypes.SearchResult, params: StoreSearchProductsType, currency?: string) {
  const facets: Record<string, unknown> = {}
  for (const name of VALUE_FACETS) {
    const facet = result.facets?.[name]
    facets[name] = facet?.type === "value" ? facet.values : []
  }
  const priceFacet = currency ? result.facets?.[`price.${currency}`] : undefined
  facets.price = priceFacet?.type === "stats" ? { min: priceFacet.min, max: priceFacet.max, currency_code: currency } : null
  return {
    query: params.q ?? "",
    products: result.hits.map((hit) => {
      const { price, ...document } = hit.document as Record<string, any>
      return {
        ...document,
        id: hit.id,
        ...(currency ? { price: price?.[currency] ?? null, currency_code: currency } : {}),
      }
    }),
    facets,
    count: result.metadata.count,
    limit: params.limit,
    offset: params.offset,
  }
}
