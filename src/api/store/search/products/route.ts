import type { MedusaResponse, MedusaStoreRequest } from "@medusajs/framework/http"
import { productSearchQuery, searchCurrency, searchOrRetryLater, storeScope, toProductSearchResponse } from "../product-search"
import type { StoreSearchProductsType } from "../validators"

/**
 * GET /store/search/products — the storefront's product search: free text with typo tolerance,
 * filters (category, collection, tag, type, price range, in stock), facet counts, sort and
 * pagination, on whichever engine the Search Module runs. Medusa's own `POST /store/search`
 * stays available for InstantSearch-style clients.
 */
export async function GET(req: MedusaStoreRequest<unknown, StoreSearchProductsType>, res: MedusaResponse) {
  const params = req.validatedQuery as unknown as StoreSearchProductsType
  const currency = await searchCurrency(req, params)
  const result = await searchOrRetryLater(req, res, productSearchQuery(params, storeScope(req), currency))
  if (result) res.json(toProductSearchResponse(result, params, currency))
}
