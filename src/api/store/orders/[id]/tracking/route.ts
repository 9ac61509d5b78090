import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { orderTracking, orderVisibleToCaller } from "./order-tracking"

/**
 * GET /store/orders/:id/tracking — the order's parcels (outbound and return): carrier, service,
 * tracking number and link, status, any delivery problem, and the carrier's timeline.
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const orderId = await orderVisibleToCaller(req)
  res.setHeader("Cache-Control", "private, no-store")
  res.json({ order_id: orderId, shipments: await orderTracking(req.scope, orderId) })
}
