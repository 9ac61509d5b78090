import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { rejectFraudReviewWorkflow } from "../../../../../../workflows/fraud/reject-fraud-review"
import { answerDecision } from "../decide"
import type { AdminRejectFraudReviewType } from "../validators"

/**
 * POST /admin/fraud/reviews/:order_id/reject — records the rejection, cancels the order (payment
 * voided or refunded, stock released) and blocklists the checkout's values named in `blocklist`.
 */
export async function POST(req: AuthenticatedMedusaRequest<AdminRejectFraudReviewType>, res: MedusaResponse) {
  const orderId = req.params.id
  const { note, blocklist } = req.validatedBody
  await answerDecision(
    req.scope,
    res,
    orderId,
    rejectFraudReviewWorkflow(req.scope).run({
      input: { order_id: orderId, actor_id: req.auth_context.actor_id, note: note ?? null, blocklist },
      throwOnError: false,
    })
  )
}
