import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { transportService } from "../../../transport-service"

/**
 * GET /admin/transport/shipments/:id/label — the label PDF, shown in the browser's viewer
 * (`inline`) so the merchant can print it. Labels carry customers' addresses: the file is
 * private in the File Module and only this admin route serves it.
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const [shipment] = await transportService(req.scope).listTransportShipments(
    { id: req.params.id },
    { select: ["id", "tracking_number", "label_file_id"] }
  )
  if (!shipment) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Shipment ${req.params.id} was not found`)
  }
  if (!shipment.label_file_id) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Shipment ${shipment.id} has no label`)
  }
  const pdf = await req.scope.resolve(Modules.FILE).getAsBuffer(shipment.label_file_id)
  res
    .status(200)
    .set({
      "Content-Type": "application/pdf",
      "Content-Length": String(pdf.length),
      // Tracking numbers are letters and digits; anything else is kept out of the header.
      "Content-Disposition": `inline; filename="label-${shipment.tracking_number.replace(/[^A-Za-z0-9_-]/g, "_")}.pdf"`,
      "Cache-Control": "private, no-store",
    })
    .send(pdf)
}
