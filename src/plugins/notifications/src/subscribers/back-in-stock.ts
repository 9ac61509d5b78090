import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { answerBackInStockRequests } from "../lib/back-in-stock"

/**
 * Any change that can make a variant sellable again (stock received, a reservation released, a
 * variant switched to backorders) re-checks the open back-in-stock requests. With none open
 * this is one indexed read.
 */
export default async function backInStock({ container }: SubscriberArgs<unknown>) {
  await answerBackInStockRequests(container)
}

export const config: SubscriberConfig = {
  event: ["inventory-level.created", "inventory-level.updated", "reservation-item.deleted", "reservation-item.updated", "product-variant.updated"],
  context: { subscriberId: "emporium-notifications-back-in-stock" },
}
