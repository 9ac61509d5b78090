import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { mailOrder } from "../lib/orders"

/** The order confirmation: e-mail, plus SMS and push where the customer opted in. */
export default async function orderPlaced({ event, container }: SubscriberArgs<{ id: string }>) {
  await mailOrder(container, event, "order-placed", ["sms", "push"])
}

export const config: SubscriberConfig = {
  event: "order.placed",
  context: { subscriberId: "emporium-notifications-order-placed" },
}
