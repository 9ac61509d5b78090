import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { PaymentEvents } from "@medusajs/framework/utils"
import { analyticsService, isAnalyticsEnabled, syncRefundFacts } from "../utils/analytics-facts"

/** A payment refunded (admin refund, order cancellation): its refunds go to the sales report's refunds. */
export default async function analyticsRefunds({ event, container }: SubscriberArgs<{ id: string }>) {
  if (!isAnalyticsEnabled(container)) {
    return
  }
  const refunds = await syncRefundFacts(container, [event.data.id])
  analyticsService(container).track(
    refunds.map((r) => ({
      name: "order_refunded",
      source: "server" as const,
      event_key: `order_refunded:${r.refund_id}`,
      order_id: r.order_id,
      sales_channel_id: r.sales_channel_id,
      occurred_at: r.refunded_at,
      properties: { refund_id: r.refund_id, currency_code: r.currency_code, amount: Number(r.amount) },
    }))
  )
}

export const config: SubscriberConfig = {
  event: PaymentEvents.REFUNDED,
  context: { subscriberId: "analytics-refunds" },
}
