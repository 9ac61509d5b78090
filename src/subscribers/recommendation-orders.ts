import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { OrderWorkflowEvents } from "@medusajs/framework/utils"
import { isRecommendationEnabled, recordOrderPurchases } from "../utils/recommendations"

/**
 * An order placed: its products become purchases at once, so bought-together and trending
 * change within a second of checkout (the nightly rebuild is not needed for that). Idempotent:
 * a redelivered event records nothing twice.
 */
export default async function recommendationOrders({ event, container }: SubscriberArgs<{ id: string }>) {
  if (!isRecommendationEnabled(container)) return
  await recordOrderPurchases(container, [event.data.id])
}

export const config: SubscriberConfig = {
  event: OrderWorkflowEvents.PLACED,
  context: { subscriberId: "recommendation-orders" },
}
