import { authenticate, validateAndTransformQuery, type MiddlewareRoute } from "@medusajs/framework/http"
import { StoreGetOrderTracking } from "./[id]/tracking/validators"

// Customer optional: a guest proves access with the order's status token instead (see order-tracking.ts).
const trackingAccess = [
  authenticate("customer", ["session", "bearer"], { allowUnauthenticated: true }),
  validateAndTransformQuery(StoreGetOrderTracking, {}),
]

export const orderTrackingMiddlewares: MiddlewareRoute[] = [
  { method: ["GET"], matcher: "/store/orders/:id/tracking", middlewares: trackingAccess },
  { method: ["GET"], matcher: "/store/orders/:id/tracking/stream", middlewares: trackingAccess },
]
