import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { notify } from "../lib/dispatch"
import { loadFulfillmentForMail } from "../lib/fulfillments"

/** Medusa's `delivery.created`: the fulfillment was delivered (marked by the merchant or the carrier's tracking). */
export default async function shipmentDelivered({ event, container }: SubscriberArgs<{ id: string; no_notification?: boolean }>) {
  if (event.data.no_notification) return
  const fulfillment = await loadFulfillmentForMail(container, event.data.id)
  if (!fulfillment) return
  const { order } = fulfillment
  await notify(container, {
    template: "shipment-delivered",
    data: {
      order: { id: order.id, display_id: order.display_id, email: order.email, currency_code: order.currency_code },
      shipment: {
        carrier: fulfillment.carrier,
        tracking_number: fulfillment.tracking_number,
        tracking_url: fulfillment.tracking_url,
        delivered_at: fulfillment.delivered_at ?? new Date().toISOString(),
      },
    },
    recipient: { email: order.email, customer_id: order.customer_id, locale: order.locale },
    trigger: event.name,
    occurrence: fulfillment.id,
    resource: { type: "order", id: order.id },
    alsoOn: ["push"],
    url: fulfillment.tracking_url ?? undefined,
  })
}

export const config: SubscriberConfig = {
  event: "delivery.created",
  context: { subscriberId: "emporium-notifications-shipment-delivered" },
}
