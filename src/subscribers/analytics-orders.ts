import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { OrderWorkflowEvents } from "@medusajs/framework/utils"
import {
  amount,
  analyticsService,
  isAnalyticsEnabled,
  paymentIdsOf,
  refundEvent,
  syncCartFacts,
  syncOrderFacts,
  syncRefundFacts,
} from "../utils/analytics-facts"

/**
 * An order placed or canceled: its facts are (re)written for the sales reports, its cart marked
 * completed for the abandonment rate, and an `order_placed` / `order_canceled` event recorded.
 * The placed event joins the funnel session of the storefront that filled the cart, found through
 * the cart id the storefront's own events carried. A cancellation also records the refunds it made.
 */
export default async function analyticsOrders({ event, container }: SubscriberArgs<{ id: string }>) {
  if (!isAnalyticsEnabled(container)) {
    return
  }
  const [order] = await syncOrderFacts(container, [event.data.id])
  if (!order) {
    return
  }
  const analytics = analyticsService(container)
  const placed = event.name === OrderWorkflowEvents.PLACED
  const cartId = order.cart?.id ?? null
  if (placed && cartId) {
    await syncCartFacts(container, [cartId])
  }
  if (!placed) {
    // Canceling refunds captured payments through a workflow that emits no `payment.refunded`.
    const refunds = await syncRefundFacts(container, paymentIdsOf(order))
    analytics.track(refunds.map(refundEvent))
  }
  analytics.track({
    name: placed ? "order_placed" : "order_canceled",
    source: "server",
    event_key: `${placed ? "order_placed" : "order_canceled"}:${order.id}`,
    session_key: placed && cartId ? await analytics.sessionKeyOfCart(cartId) : null,
    customer_id: order.customer_id ?? null,
    sales_channel_id: order.sales_channel_id ?? null,
    cart_id: cartId,
    order_id: order.id,
    properties: { currency_code: order.currency_code, total: Number(amount(order.total)) },
  })
}

export const config: SubscriberConfig = {
  event: [OrderWorkflowEvents.PLACED, OrderWorkflowEvents.CANCELED],
  context: { subscriberId: "analytics-orders" },
}
