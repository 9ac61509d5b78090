import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { listAssessmentsWithOrders } from "./present"
import type { AdminListFraudAssessmentsType } from "./validators"

/** GET /admin/fraud/assessments?order_id=|cart_id= — every scoring of that checkout, newest first, with reasons. */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const { order_id, cart_id, limit } = req.validatedQuery as AdminListFraudAssessmentsType
  const { assessments } = await listAssessmentsWithOrders(
    req.scope,
    { ...(order_id ? { order_id } : {}), ...(cart_id ? { cart_id } : {}) },
    { limit, offset: 0 }
  )
  res.json({ assessments })
}
