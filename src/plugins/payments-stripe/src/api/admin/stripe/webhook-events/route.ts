import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { STRIPE_PAYMENTS_MODULE } from "../../../../modules/stripe-payments"
import type StripePaymentsModuleService from "../../../../modules/stripe-payments/service"
import type { AdminListStripeWebhookEventsType } from "../validators"

/** `GET /admin/stripe/webhook-events?status=&object_id=`: what each Stripe event did, newest first. */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const { status, object_id, limit, offset } = req.validatedQuery as AdminListStripeWebhookEventsType
  const service = req.scope.resolve<StripePaymentsModuleService>(STRIPE_PAYMENTS_MODULE)
  const [events, count] = await service.listAndCountStripeWebhookEvents(
    { ...(status ? { status } : {}), ...(object_id ? { object_id } : {}) },
    { take: limit, skip: offset, order: { created_at: "DESC" } }
  )
  res.json({ webhook_events: events, count, limit, offset })
}
