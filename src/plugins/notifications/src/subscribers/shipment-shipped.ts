import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { mailFulfillment } from "../lib/fulfillments"

/**
 * Medusa's `shipment.created`: a fulfillment was marked shipped, by a merchant in the admin or by
 * the carrier integration (Emporium's transport module does it when the parcel first moves).
 */
export default async function shipmentShipped({ event, container }: SubscriberArgs<{ id: string; no_notification?: boolean }>) {
  await mailFulfillment(
    container,
    event,
    "shipment-shipped",
    (f) => ({ carrier: f.carrier, tracking_number: f.tracking_number, tracking_url: f.tracking_url, items: f.items }),
    ["sms", "push"]
  )
}

export const config: SubscriberConfig = {
  event: "shipment.created",
  context: { subscriberId: "emporium-notifications-shipment-shipped" },
}
