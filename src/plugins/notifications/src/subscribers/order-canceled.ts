import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { mailOrder } from "../lib/orders"

/** An order canceled by the merchant (or a fraud rejection): the customer is told. */
export default async function orderCanceled({ event, container }: SubscriberArgs<{ id: string }>) {
  await mailOrder(container, event, "order-canceled", ["push"])
}

export const config: SubscriberConfig = {
  event: "order.canceled",
  context: { subscriberId: "emporium-notifications-order-canceled" },
}
