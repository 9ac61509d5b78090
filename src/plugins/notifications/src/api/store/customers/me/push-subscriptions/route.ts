import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { notificationCenter } from "../../../../../lib/center"
import type { StoreCreatePushSubscriptionType, StoreDeletePushSubscriptionType } from "../../../validators"

/**
 * `POST /store/customers/me/push-subscriptions`: registers the browser's PushSubscription for the
 * signed-in customer. Push notifications still need the customer's opt-in (preferences `push`).
 */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const center = notificationCenter(req.scope)
  if (!center.settings().push) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "Web push is not configured on this store.")
  }
  const body = req.validatedBody as StoreCreatePushSubscriptionType
  const saved = await center.savePushSubscription({
    customer_id: req.auth_context.actor_id,
    endpoint: body.endpoint,
    p256dh: body.keys.p256dh,
    auth: body.keys.auth,
    expiration_time: body.expirationTime ? new Date(body.expirationTime) : null,
    user_agent: req.get("user-agent")?.slice(0, 500) ?? null,
  })
  res.status(201).json({ push_subscription: { id: saved.id, endpoint: saved.endpoint, created: true } })
}

/** `DELETE /store/customers/me/push-subscriptions` with `{ endpoint }`: the browser unsubscribed. Only the customer's own. */
export async function DELETE(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { endpoint } = req.validatedBody as StoreDeletePushSubscriptionType
  const center = notificationCenter(req.scope)
  const mine = await center.listPushSubscriptions({ endpoint, customer_id: req.auth_context.actor_id, disabled_at: null } as never)
  if (!mine.length) throw new MedusaError(MedusaError.Types.NOT_FOUND, "No push subscription with that endpoint on your account.")
  await center.disablePushSubscription(endpoint, "Removed by the customer.")
  res.json({ endpoint, deleted: true })
}
