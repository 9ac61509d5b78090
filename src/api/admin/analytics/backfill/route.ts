import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { backfillAnalytics } from "../../../../utils/analytics-backfill"

/** POST /admin/analytics/backfill — imports orders, refunds, carts and registrations that predate the module. Idempotent. */
export async function POST(req: MedusaRequest, res: MedusaResponse) {
  res.json(await backfillAnalytics(req.scope))
}
