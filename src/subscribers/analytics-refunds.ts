import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { PaymentEvents } from "@medusajs/framework/utils"
import { analyticsService, isAnalyticsEnabled, refundEvent, syncRefundFacts } from "../utils/analytics-facts"

/** A payment refunded (an admin refund; cancellations are handled by analytics-orders): its refunds go to the sales report's refunds. */
export default async function analyticsRefunds({ event, container }: SubscriberArgs<{ id: string }>) {
  if (!isAnalyticsEnabled(container)) {
    return
  }
  const refunds = await syncRefundFacts(container, [event.data.id])
  analyticsService(container).track(refunds.map(refundEvent))
}

export const config: SubscriberConfig = {
  event: PaymentEvents.REFUNDED,
  context: { subscriberId: "analytics-refunds" },
}
