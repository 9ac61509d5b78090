import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { notificationCenter } from "../../../../../lib/center"
import { resendMessage } from "../../../../../lib/dispatch"
import { summarize } from "../../summarize"
import { loadMessage } from "../route"

/**
 * `POST /admin/mailbox/:id/resend`: sends the same message again as a new one (the original keeps
 * its history). A marketing mail is not resent to someone who withdrew consent, nor a push to a
 * browser that dropped its subscription; a failed message's scheduled retry is dropped, as the
 * resend takes its place.
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
  if (original.status === "queued" || original.status === "sending") {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "The message is being sent right now; resend it once it is sent or has failed.")
  }
  // Sending now replaces a retry still scheduled for the original, so the recipient gets one copy.
  if (original.status === "failed" && original.next_attempt_at) {
    await center.updateNotificationMessages({ id: original.id, next_attempt_at: null })
  }
  const message = await resendMessage(req.scope, original)
  res.status(201).json({ message: summarize(message) })
}
