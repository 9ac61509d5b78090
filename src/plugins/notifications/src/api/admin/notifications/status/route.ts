import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { notificationCenter } from "../../../../lib/center"
import { MESSAGE_STATUSES } from "../../../../modules/notification-center/models/notification-message"

/** `GET /admin/notifications/status`: which provider serves each channel, and messages by status. */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const center = notificationCenter(req.scope)
  const counts = Object.fromEntries(
    await Promise.all(MESSAGE_STATUSES.map(async (status) => [status, (await center.listAndCountNotificationMessages({ status }, { take: 1, select: ["id"] }))[1]] as const))
  )
  res.json({ channels: center.settings().channels, counts })
}
