import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { amount } from "../lib/amount"
import { notificationCenter } from "../lib/center"
import { notify } from "../lib/dispatch"
import { merchantRecipients } from "../lib/merchants"

type FlaggedOrder = { id: string; order_id: string; score: number; decision?: string; reasons?: string[] }

/**
 * `fraud.order.flagged` (Emporium's fraud module, or any module of yours emitting the same
 * payload): an order waits for a merchant's review, so every merchant address is told.
 */
export default async function fraudReview({ event, container }: SubscriberArgs<FlaggedOrder>) {
  const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "order",
    fields: ["id", "display_id", "email", "currency_code", "total"],
    filters: { id: event.data.order_id },
  })
  const order = data[0] as Record<string, any> | undefined
  if (!order) return
  const { adminUrl } = notificationCenter(container).settings()
  for (const merchant of await merchantRecipients(container)) {
    await notify(container, {
      template: "fraud-review",
      data: {
        order: { id: order.id, display_id: Number(order.display_id), email: order.email ?? "", currency_code: order.currency_code, total: amount(order.total) },
        assessment: { score: Number(event.data.score), level: event.data.decision ?? "review", reasons: event.data.reasons ?? [] },
        review_url: `${adminUrl}/orders/${order.id}`,
      },
      recipient: { email: merchant.email, customer_id: merchant.id },
      trigger: event.name,
      occurrence: event.data.id,
      resource: { type: "order", id: order.id },
    })
  }
}

export const config: SubscriberConfig = {
  event: "fraud.order.flagged",
  context: { subscriberId: "emporium-notifications-fraud-review" },
}
