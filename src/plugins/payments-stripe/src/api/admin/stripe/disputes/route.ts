import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { STRIPE_PAYMENTS_MODULE } from "../../../../modules/stripe-payments"
import type StripePaymentsModuleService from "../../../../modules/stripe-payments/service"
import type { AdminListStripeDisputesType } from "../validators"

/** `GET /admin/stripe/disputes?order_id=&status=`: chargebacks, newest first. */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const { order_id, status, limit, offset } = req.validatedQuery as AdminListStripeDisputesType
  const service = req.scope.resolve<StripePaymentsModuleService>(STRIPE_PAYMENTS_MODULE)
  const [disputes, count] = await service.listAndCountStripeDisputes(
    { ...(order_id ? { order_id } : {}), ...(status ? { status } : {}) },
    { take: limit, skip: offset, order: { created_at: "DESC" } }
  )
  res.json({ disputes, count, limit, offset })
}
