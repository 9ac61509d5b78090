import { validateAndTransformBody, type MiddlewareRoute } from "@medusajs/framework/http"
import { StoreShippingQuotes } from "./validators"

export const shippingQuoteMiddlewares: MiddlewareRoute[] = [
  {
    method: ["POST"],
    matcher: "/store/shipping-quotes",
    middlewares: [validateAndTransformBody(StoreShippingQuotes)],
  },
]
