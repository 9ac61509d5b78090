import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { STRIPE_PAYMENTS_MODULE } from "../../../modules/stripe-payments"
import type StripePaymentsModuleService from "../../../modules/stripe-payments/service"
import { handleStripeEvent } from "../../../webhooks"

/**
 * Stripe's webhook endpoint: `POST /hooks/stripe`.
 *
 * - The signature is checked over the raw body first; a bad or missing one is 401 and nothing
 *   is written.
 * - Each Stripe event id is handled once: a redelivery answers 200 `duplicate: true`.
 * - Work is done now, not after Medusa's five-second webhook delay, and a failure answers 503,
 *   so Stripe's own retries (with backoff, for three days) take it up again.
 */
export async function POST(req: MedusaRequest, res: MedusaResponse) {
  const service = req.scope.resolve<StripePaymentsModuleService>(STRIPE_PAYMENTS_MODULE)
  const event = service.constructEvent(req.rawBody, req.headers["stripe-signature"])

  const { claimed, record } = await service.claimEvent(event)
  if (!claimed) {
    res.json({ received: true, duplicate: true, status: record.status })
    return
  }
  try {
    const outcome = await handleStripeEvent(req.scope, service.stripe(), event)
    await service.finishEvent(record.id, outcome)
    res.json({ received: true, outcome })
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    await service.failEvent(record.id, message)
    req.scope.resolve(ContainerRegistrationKeys.LOGGER).error(`Stripe event ${event.id} (${event.type}) failed: ${message}`)
    res.status(503).json({ received: false, message: "The event could not be processed now; Stripe will deliver it again." })
  }
}
