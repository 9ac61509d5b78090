import type { MedusaResponse, MedusaStoreRequest } from "@medusajs/framework/http"
import { searchOrRetryLater, storeScope, typoTolerant } from "../product-search"
import type { StoreSearchSuggestionsType } from "../validators"

/**
 * GET /store/search/suggestions?q=… — search-as-you-type: the last word is matched as a prefix
 * ("hood" finds "Hoodie"), earlier words in full, typos tolerated. Answers product titles to
 * jump to and the categories the matches fall in.
 */
export async function GET(req: MedusaStoreRequest<unknown, StoreSearchSuggestionsType>, res: MedusaResponse) {
  const { q, limit } = req.validatedQuery as unknown as StoreSearchSuggestionsType
  const result = await searchOrRetryLater(req, res, {
    entity: "product",
    fields: ["id", "title", "handle", "thumbnail"],
    filters: { q, $and: [storeScope(req)] },
    pagination: { skip: 0, take: limit },
    search_options: { match_strategy: "last", typo_tolerance: typoTolerant(q) || undefined, facets: [{ field: "categories", limit: 5, sort: "count" }], count: "none" },
  })
  if (!result) return
  const categories = result.facets?.categories
  res.json({
    query: q,
    products: result.hits.map((hit) => ({ ...(hit.document as Record<string, unknown>), id: hit.id })),
    categories: categories?.type === "value" ? categories.values : [],
  })
}
