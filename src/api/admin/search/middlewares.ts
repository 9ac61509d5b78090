import { validateAndTransformBody, validateAndTransformQuery, type MiddlewareRoute } from "@medusajs/framework/http"
import { AdminSearchReindex } from "./reindex/validators"
import { AdminCreateSearchSynonymGroup, AdminListSearchSynonymGroups } from "./synonyms/validators"

/** Medusa authenticates every /admin route (session, bearer, API key); these add validation. */
export const adminSearchMiddlewares: MiddlewareRoute[] = [
  {
    method: ["POST"],
    matcher: "/admin/search/reindex",
    middlewares: [validateAndTransformBody(AdminSearchReindex)],
  },
  {
    method: ["GET"],
    matcher: "/admin/search/synonyms",
    middlewares: [validateAndTransformQuery(AdminListSearchSynonymGroups, {})],
  },
  {
    method: ["POST"],
    matcher: "/admin/search/synonyms",
    middlewares: [validateAndTransformBody(AdminCreateSearchSynonymGroup)],
  },
]
