import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { listAssessmentsWithOrders } from "../assessments/present"
import type { AdminListFraudReviewsType } from "./validators"

/**
 * GET /admin/fraud/reviews?status=pending|approved|rejected|all — flagged orders newest first,
 * each assessment (score, reasons, decision taken) with its order.
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const { status, limit, offset } = req.validatedQuery as AdminListFraudReviewsType
  const review_status = status === "all" ? { $ne: null } : status
  const { assessments, count } = await listAssessmentsWithOrders(req.scope, { review_status }, { limit, offset })
  res.json({ reviews: assessments, count, limit, offset })
}
