import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { mailFulfillment } from "../lib/fulfillments"

/** Medusa's `delivery.created`: the fulfillment was delivered (marked by the merchant or the carrier's tracking). */
export default async function shipmentDelivered({ event, container }: SubscriberArgs<{ id: string; no_notification?: boolean }>) {
  await mailFulfillment(
    container,
    event,
    "shipment-delivered",
    (f) => ({
      carrier: f.carrier,
      tracking_number: f.tracking_number,
      tracking_url: f.tracking_url,
      delivered_at: f.delivered_at ?? new Date().toISOString(),
    }),
    ["push"]
  )
}

export const config: SubscriberConfig = {
  event: "delivery.created",
  context: { subscriberId: "emporium-notifications-shipment-delivered" },
}
