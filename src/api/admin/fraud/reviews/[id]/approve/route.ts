import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { approveFraudReviewWorkflow } from "../../../../../../workflows/fraud/approve-fraud-review"
import { answerDecision } from "../decide"
import type { AdminApproveFraudReviewType } from "../validators"

/** POST /admin/fraud/reviews/:order_id/approve — records the approval and captures the order's authorized payment. */
export async function POST(req: AuthenticatedMedusaRequest<AdminApproveFraudReviewType>, res: MedusaResponse) {
  const orderId = req.params.id
  await answerDecision(
    req.scope,
    res,
    orderId,
    approveFraudReviewWorkflow(req.scope).run({
      input: { order_id: orderId, actor_id: req.auth_context.actor_id, note: req.validatedBody.note ?? null },
      throwOnError: false,
    })
  )
}
