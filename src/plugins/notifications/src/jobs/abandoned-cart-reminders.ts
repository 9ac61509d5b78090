import type { MedusaContainer } from "@medusajs/framework/types"
import { sendAbandonedCartReminders } from "../lib/abandoned-carts"

/** Every 15 minutes: one reminder to each cart idle past the threshold (see lib/abandoned-carts). */
export default async function abandonedCartReminders(container: MedusaContainer) {
  const { selected, sent } = await sendAbandonedCartReminders(container)
  if (selected) container.resolve("logger").info(`notifications: ${selected} abandoned cart(s), ${sent} reminder(s) sent`)
}

export const config = {
  name: "emporium-notifications-abandoned-carts",
  schedule: "*/15 * * * *",
}
