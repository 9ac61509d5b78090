import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { notify } from "../lib/dispatch"
import { loadFulfillmentForMail } from "../lib/fulfillments"

/**
 * Medusa's `shipment.created`: a fulfillment was marked shipped, by a merchant in the admin or by
 * the carrier integration (Emporium's transport module does it when the parcel first moves).
 * The merchant's "don't notify the customer" choice (`no_notification`) is respected.
 */
export default async function shipmentShipped({ event, container }: SubscriberArgs<{ id: string; no_notification?: boolean }>) {
  if (event.data.no_notification) return
  const fulfillment = await loadFulfillmentForMail(container, event.data.id)
  if (!fulfillment) return
  const { order } = fulfillment
  await notify(container, {
    template: "shipment-shipped",
    data: {
      order: { id: order.id, display_id: order.display_id, email: order.email, currency_code: order.currency_code },
      shipment: {
        carrier: fulfillment.carrier,
        tracking_number: fulfillment.tracking_number,
        tracking_url: fulfillment.tracking_url,
        items: fulfillment.items,
      },
    },
    recipient: { email: order.email, customer_id: order.customer_id, locale: order.locale },
    trigger: event.name,
    occurrence: fulfillment.id,
    resource: { type: "order", id: order.id },
    alsoOn: ["sms", "push"],
    url: fulfillment.tracking_url ?? undefined,
  })
}

export const config: SubscriberConfig = {
  event: "shipment.created",
  context: { subscriberId: "emporium-notifications-shipment-shipped" },
}
