import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { noteCheckoutRequest } from "../../../workflows/fraud/checkout-request"

/**
 * Hands the shopper's IP to fraud scoring. `req.ip` follows Express's `trust proxy`: behind a
 * proxy or an SSR storefront, forward the shopper's address in X-Forwarded-For and trust it.
 */
export function noteCheckoutClient(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  noteCheckoutRequest(req.params.id, req.ip ?? null)
  next()
}
