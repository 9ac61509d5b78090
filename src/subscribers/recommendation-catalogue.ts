import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ProductEvents } from "@medusajs/framework/utils"
import { isRecommendationEnabled, recommendationService, syncProductProfiles } from "../utils/recommendations"

/**
 * A product created, changed or deleted: its profile (terms for "similar", categories for
 * per-category trending) is copied again. Deleted products simply lose their profile; lists
 * never show them anyway, as every list is filtered against the live catalogue.
 */
export default async function recommendationCatalogue({ event, container }: SubscriberArgs<{ id: string }>) {
  if (!isRecommendationEnabled(container)) return
  await syncProductProfiles(container, [event.data.id])
  recommendationService(container).noteChange("catalogue")
}

export const config: SubscriberConfig = {
  event: [ProductEvents.PRODUCT_CREATED, ProductEvents.PRODUCT_UPDATED, ProductEvents.PRODUCT_DELETED],
  context: { subscriberId: "recommendation-catalogue" },
}
