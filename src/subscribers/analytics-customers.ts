import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { CustomerWorkflowEvents } from "@medusajs/framework/utils"
import { analyticsService, isAnalyticsEnabled, syncRegistrations } from "../utils/analytics-facts"

/** A customer who registered an account (not a guest checkout's customer record) counts as a registration. */
export default async function analyticsCustomers({ event, container }: SubscriberArgs<{ id: string }>) {
  if (!isAnalyticsEnabled(container)) {
    return
  }
  const registered = await syncRegistrations(container, [event.data.id])
  analyticsService(container).track(
    registered.map((id) => ({
      name: "customer_registered",
      source: "server" as const,
      event_key: `customer_registered:${id}`,
      customer_id: id,
    }))
  )
}

export const config: SubscriberConfig = {
  event: CustomerWorkflowEvents.CREATED,
  context: { subscriberId: "analytics-customers" },
}
