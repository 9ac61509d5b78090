import { configureStoreSearch, validateAndTransformQuery, type MiddlewareRoute } from "@medusajs/framework/http"
import { StoreSearchProducts, StoreSearchSuggestions } from "./validators"

export const storeSearchMiddlewares: MiddlewareRoute[] = [
  {
    // Medusa's generic POST /store/search answers nothing until an index is opted in. The
    // product index is narrowed there to published products of the key's sales channels.
    method: ["POST"],
    matcher: "/store/search",
    middlewares: [configureStoreSearch({ allowed_indexes: { product: true } })],
  },
  {
    method: ["GET"],
    matcher: "/store/search/products",
    middlewares: [validateAndTransformQuery(StoreSearchProducts, {})],
  },
  {
    method: ["GET"],
    matcher: "/store/search/suggestions",
    middlewares: [validateAndTransformQuery(StoreSearchSuggestions, {})],
  },
]
