import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { STORE_CACHE_MODULE } from "../../modules/store-cache"
import {
  carriesCredentials,
  isCacheableRoute,
  isRecommendationList,
  matchesIfNoneMatch,
  PRIVATE_CACHE_CONTROL,
  requestKey,
  stockDependence,
  strongEtag,
  VARY,
  type ReadRequest,
} from "../../modules/store-cache/policy"
import type StoreCacheModuleService from "../../modules/store-cache/service"
import { withFreshStock } from "./fresh-stock"

type AuthenticatedRequest = MedusaRequest & { auth_context?: { actor_id?: string } }

/**
 * Serves anonymous catalogue reads (products, categories, collections, regions) from the store
 * read cache, and fills it. Registered for all of /store so it runs right after Medusa's
 * publishable-key, locale and auth middlewares and before the route's own (query validation,
 * pricing and tax context, each a database round trip): a cached answer costs none of them.
 *
 * X-Emporium-Cache tells what happened: hit, miss, or bypass (a request with credentials).
 */
export async function storeReadCache(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const path = req.baseUrl + req.path
  if (!isCacheableRoute(req.method, path)) return next()

  const cache = req.scope.resolve<StoreCacheModuleService>(STORE_CACHE_MODULE)
  if (!cache.isEnabled()) return next()

  const queryAt = req.originalUrl.indexOf("?")
  const request: ReadRequest = {
    method: req.method,
    path,
    query: queryAt === -1 ? "" : req.originalUrl.slice(queryAt + 1),
    header: (name) => req.get(name),
    actorId: (req as AuthenticatedRequest).auth_context?.actor_id,
  }
  res.setHeader("Vary", VARY)

  if (carriesCredentials(request)) {
    res.setHeader("Cache-Control", PRIVATE_CACHE_CONTROL)
    res.setHeader("X-Emporium-Cache", "bypass")
    cache.noteBypass()
    withoutEtag(res)
    return next()
  }

  const stock = stockDependence(request)
  const generation = await cache.currentGeneration(stock === "generation", isRecommendationList(path))
  if (generation === undefined) return next()
  const key = requestKey(request)
  const cacheControl = cache.publicCacheControl

  const cached = await cache.lookup(generation, key).catch(() => undefined)
  if (cached) {
    if (stock !== "fresh") {
      res.setHeader("X-Emporium-Cache", "hit")
      return answer(req, res, cached.body, cached.etag, cacheControl)
    }
    // If stock cannot be recomputed (the database hiccups), Medusa answers the request itself.
    const body = await withFreshStock(req, request.query, cached.body).catch(() => undefined)
    if (body !== undefined) {
      res.setHeader("X-Emporium-Cache", "hit")
      return answer(req, res, body, body === cached.body ? cached.etag : strongEtag(body), cacheControl)
    }
  }

  res.setHeader("X-Emporium-Cache", "miss")
  const json = res.json.bind(res)
  res.json = (body: unknown) => {
    if (res.statusCode !== 200) return json(body)
    const serialized = JSON.stringify(body)
    const etag = strongEtag(serialized)
    void cache
      .store(generation, key, { etag, body: serialized })
      .catch((error: Error) => req.scope.resolve("logger").warn(`[store-cache] could not store ${path}: ${error.message}`))
    answer(req, res, serialized, etag, cacheControl)
    return res
  }
  return next()
}

function answer(req: MedusaRequest, res: MedusaResponse, body: string, etag: string, cacheControl: string) {
  res.setHeader("ETag", etag)
  res.setHeader("Cache-Control", cacheControl)
  if (matchesIfNoneMatch(req.get("if-none-match"), etag)) {
    res.status(304).end()
    return
  }
  res.status(200).type("application/json; charset=utf-8").send(body)
}

/**
 * Express adds a weak ETag to every body it sends; an answer meant for one customer gets none,
 * so nothing downstream is tempted to revalidate it on someone else's behalf.
 */
function withoutEtag(res: MedusaResponse) {
  const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => MedusaResponse
  ;(res as unknown as { writeHead: (...args: unknown[]) => MedusaResponse }).writeHead = (...args: unknown[]) => {
    res.removeHeader("ETag")
    return writeHead(...args)
  }
}
