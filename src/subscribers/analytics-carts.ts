import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { CartWorkflowEvents } from "@medusajs/framework/utils"
import { analyticsService, isAnalyticsEnabled, syncCartFacts } from "../utils/analytics-facts"

/** Carts for the abandonment rate (created, got items) and `cart_created` / `cart_updated` events. */
export default async function analyticsCarts({ event, container }: SubscriberArgs<{ id: string }>) {
  if (!isAnalyticsEnabled(container)) {
    return
  }
  const [cart] = await syncCartFacts(container, [event.data.id])
  if (!cart) {
    return
  }
  const created = event.name === CartWorkflowEvents.CREATED
  analyticsService(container).track({
    name: created ? "cart_created" : "cart_updated",
    source: "server",
    // A cart is created once; it is updated many times, each an event of its own.
    event_key: created ? `cart_created:${cart.cart_id}` : null,
    sales_channel_id: cart.sales_channel_id,
    cart_id: cart.cart_id,
    properties: { has_items: cart.has_items, currency_code: cart.currency_code },
  })
}

export const config: SubscriberConfig = {
  event: [CartWorkflowEvents.CREATED, CartWorkflowEvents.UPDATED],
  context: { subscriberId: "analytics-carts" },
}
