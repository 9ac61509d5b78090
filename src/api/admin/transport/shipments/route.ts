import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { transportService } from "../transport-service"
import { presentShipment, SHIPMENT_RELATIONS } from "./present-shipment"
import type { AdminListTransportShipmentsType } from "./validators"

/**
 * GET /admin/transport/shipments?order_id=&fulfillment_id=&limit=&offset= — parcels booked with
 * a carrier (outbound and returns), newest first, each with its tracking timeline.
 */
export async function GET(req: MedusaRequest<unknown, AdminListTransportShipmentsType>, res: MedusaResponse) {
  const { limit, offset, ...filters } = req.validatedQuery as AdminListTransportShipmentsType
  const [shipments, count] = await transportService(req.scope).listAndCountTransportShipments(filters, {
    relations: SHIPMENT_RELATIONS,
    order: { created_at: "DESC", id: "DESC" },
    take: limit,
    skip: offset,
  })
  res.json({ shipments: shipments.map(presentShipment), count, limit, offset })
}
