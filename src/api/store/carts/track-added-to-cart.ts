import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { RECOMMENDATION_MODULE } from "../../../modules/recommendation"
import type RecommendationModuleService from "../../../modules/recommendation/service"

type CartBody = {
  cart?: {
    customer_id?: string | null
    items?: { id: string; variant_id?: string | null; product_id?: string | null; quantity: number }[] | null
  }
}

/**
 * POST /store/carts/:id/line-items: once Medusa answered 200, the line the request added (or
 * increased) is a "cart" signal for the recommendation models. Keyed by line and quantity, so
 * a retried request is counted once. Taken from the answer: no extra query.
 */
export function trackAddedToCart(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  if (!req.scope.hasRegistration(RECOMMENDATION_MODULE)) return next()
  const variantId = (req.body as { variant_id?: unknown } | undefined)?.variant_id
  const json = res.json.bind(res)
  res.json = (body: unknown) => {
    if (res.statusCode === 200 && typeof variantId === "string") {
      const cart = (body as CartBody).cart
      const line = cart?.items?.find((item) => item.variant_id === variantId)
      if (line?.product_id) {
        req.scope.resolve<RecommendationModuleService>(RECOMMENDATION_MODULE).record([
          {
            event_key: `cart:${line.id}:${line.quantity}`,
            kind: "cart",
            product_id: line.product_id,
            customer_id: cart?.customer_id ?? null,
          },
        ])
      }
    }
    return json(body)
  }
  next()
}
