import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { notificationCenter } from "../../../../lib/center"

/** `GET /store/notifications/push-key`: the VAPID public key a storefront passes to pushManager.subscribe(). */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const push = notificationCenter(req.scope).settings().push
  if (!push) throw new MedusaError(MedusaError.Types.NOT_FOUND, "Web push is not configured on this store.")
  res.json({ vapid_public_key: push.vapidPublicKey })
}
