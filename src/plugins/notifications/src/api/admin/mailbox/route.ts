import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { notificationCenter } from "../../../lib/center"
import type { AdminListMailboxType } from "../validators"
import { summarize } from "./summarize"

/** `GET /admin/mailbox`: every message the store sent or tried to send, newest first. */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const { channel, status, template, q, limit, offset } = req.validatedQuery as AdminListMailboxType
  const filters: Record<string, unknown> = {
    ...(channel ? { channel } : {}),
    ...(status ? { status } : {}),
    ...(template ? { template } : {}),
    // Values are bound parameters of the ORM's query, never spliced into SQL.
    ...(q ? { $or: [{ to: { $ilike: `%${q}%` } }, { subject: { $ilike: `%${q}%` } }] } : {}),
  }
  const [messages, count] = await notificationCenter(req.scope).listAndCountNotificationMessages(filters as never, {
    take: limit,
    skip: offset,
    order: { created_at: "DESC" },
  })
  res.json({ messages: messages.map((m) => summarize(m as never)), count, limit, offset })
}
