import type { MedusaContainer } from "@medusajs/framework/types"
import { notificationCenter } from "./center"
import { deliverMessage } from "./deliver"

/** Delivers every message whose retry is due (and any a crashed process left queued). */
export async function retryDueMessages(container: MedusaContainer, now = new Date(), limit = 100): Promise<{ retried: number; sent: number }> {
  const due = await notificationCenter(container).dueMessages(now, limit)
  let sent = 0
  for (const message of due) {
    if ((await deliverMessage(container, message)).status === "sent") sent++
  }
  return { retried: due.length, sent }
}
