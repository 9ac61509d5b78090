import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { FulfillmentWorkflowEvents } from "@medusajs/framework/utils"
import { analyticsService, isAnalyticsEnabled } from "../utils/analytics-facts"

/** A fulfilment marked delivered becomes a `shipment_delivered` event (the transport module will add carrier scans). */
export default async function analyticsDeliveries({ event, container }: SubscriberArgs<{ id: string }>) {
  if (!isAnalyticsEnabled(container)) {
    return
  }
  analyticsService(container).track({
    name: "shipment_delivered",
    source: "server",
    event_key: `shipment_delivered:${event.data.id}`,
    properties: { fulfillment_id: event.data.id },
  })
}

export const config: SubscriberConfig = {
  event: FulfillmentWorkflowEvents.DELIVERY_CREATED,
  context: { subscriberId: "analytics-deliveries" },
}
