import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { notificationCenter } from "../../../../lib/center"
import type { MessageRecord } from "../../../../modules/notification-center/service"

export async function loadMessage(req: MedusaRequest): Promise<MessageRecord> {
  const [message] = (await notificationCenter(req.scope).listNotificationMessages({ id: req.params.id })) as MessageRecord[]
  if (!message) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Message ${req.params.id} was not found.`)
  return message
}

/** `GET /admin/mailbox/:id`: one message as sent — HTML, text, template data, delivery history. */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const { idempotency_key, ...message } = await loadMessage(req)
  res.json({ message })
}
