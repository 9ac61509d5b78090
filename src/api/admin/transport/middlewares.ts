import { validateAndTransformBody, validateAndTransformQuery, type MiddlewareRoute } from "@medusajs/framework/http"
import { AdminSetWebhookSecret } from "./carriers/[code]/webhook-secret/validators"
import { AdminPutRateTable } from "./rate-table/validators"
import { AdminListTransportShipments } from "./shipments/validators"

export const adminTransportMiddlewares: MiddlewareRoute[] = [
  {
    method: ["PUT"],
    matcher: "/admin/transport/rate-table",
    // A real table has hundreds of brackets; Medusa's default JSON limit (100 kB) is too tight.
    bodyParser: { sizeLimit: "2mb" },
    middlewares: [validateAndTransformBody(AdminPutRateTable)],
  },
  {
    method: ["POST"],
    matcher: "/admin/transport/carriers/:code/webhook-secret",
    middlewares: [validateAndTransformBody(AdminSetWebhookSecret)],
  },
  {
    method: ["GET"],
    matcher: "/admin/transport/shipments",
    middlewares: [validateAndTransformQuery(AdminListTransportShipments, {})],
  },
]
