import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { notificationCenter } from "../../../../../lib/center"
import { resendMessage } from "../../../../../lib/dispatch"
import { summarize } from "../../summarize"
import { loadMessage } from "../route"

/**
 * `POST /admin/mailbox/:id/resend`: sends the same message again as a new one (the original keeps
 * its history). A marketing mail is not resent to someone who withdrew consent, nor a push to a
 * browser that dropped its subscription.
 */
export async function POST(req: MedusaRequest, res: MedusaResponse) {
  const original = await loadMessage(req)
  const center = notificationCenter(req.scope)
  if (original.category === "marketing") {
    const preference = await center.preferenceFor(original.to)
    if (!preference?.marketing_email || preference.unsubscribed_at) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `${original.to} has not agreed to marketing e-mail (or unsubscribed); it is not resent.`)
    }
  }
  if (original.channel === "push") {
    const [subscription] = (await center.listPushSubscriptions({ endpoint: original.to, disabled_at: null } as never)) as unknown[]
    if (!subscription) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "The browser's push subscription is gone; the message cannot be resent.")
  }
  const message = await resendMessage(req.scope, original)
  res.status(201).json({ message: summarize(message) })
}
