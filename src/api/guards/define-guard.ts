import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { RemoteQueryFunction } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

type Query = Omit<RemoteQueryFunction, symbol>

/**
 * A request guard: an async check that throws a MedusaError to refuse the request.
 * Express 4 does not catch rejected promises, so the error is handed to `next`, where
 * Medusa's error handler turns it into the status its type maps to.
 */
export function defineGuard(check: (req: MedusaRequest, query: Query) => Promise<void>) {
  return async (req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) => {
    try {
      await check(req, req.scope.resolve(ContainerRegistrationKeys.QUERY))
      next()
    } catch (error) {
      next(error)
    }
  }
}
