import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { transportService } from "../../transport-service"
import { presentShipment, SHIPMENT_RELATIONS } from "../present-shipment"

/** GET /admin/transport/shipments/:id — one shipment with its tracking timeline. */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const [shipment] = await transportService(req.scope).listTransportShipments({ id: req.params.id }, { relations: SHIPMENT_RELATIONS })
  if (!shipment) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Shipment ${req.params.id} was not found`)
  }
  res.json({ shipment: presentShipment(shipment) })
}
