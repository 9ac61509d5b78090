import type { MedusaContainer } from "@medusajs/framework/types"
import { retryDueMessages } from "../lib/retry"

/** Every minute: failed messages whose backoff has passed are tried again. */
export default async function retryNotifications(container: MedusaContainer) {
  const { retried, sent } = await retryDueMessages(container)
  if (retried) container.resolve("logger").info(`notifications: retried ${retried} message(s), ${sent} sent`)
}

export const config = {
  name: "emporium-notifications-retry",
  schedule: "* * * * *",
}
