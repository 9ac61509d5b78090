import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { amount } from "../lib/amount"
import { notificationCenter } from "../lib/center"
import { notify } from "../lib/dispatch"
import { orderUrl } from "../lib/orders"

/**
 * Medusa's `payment.refunded` names the payment, not the refund: every refund of the payment is
 * mailed once (by refund id), so a second partial refund is a second mail and a redelivery none.
 */
export default async function refundIssued({ event, container }: SubscriberArgs<{ id: string }>) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "payment",
    fields: [
      "id",
      "refunds.id",
      "refunds.amount",
      "refunds.note",
      "refunds.refund_reason.label",
      "payment_collection.order.id",
      "payment_collection.order.display_id",
      "payment_collection.order.email",
      "payment_collection.order.currency_code",
      "payment_collection.order.customer_id",
      "payment_collection.order.locale",
    ],
    filters: { id: event.data.id },
  })
  const payment = data[0] as Record<string, any> | undefined
  const order = payment?.payment_collection?.order
  if (!order?.email) return
  const url = orderUrl(notificationCenter(container).settings().storefrontUrl, order.id)
  for (const refund of payment!.refunds ?? []) {
    await notify(container, {
      template: "refund-issued",
      data: {
        order: { id: order.id, display_id: Number(order.display_id), email: order.email, currency_code: order.currency_code },
        refund: { amount: amount(refund.amount), reason: refund.refund_reason?.label ?? null, note: refund.note ?? null },
        order_url: url,
      },
      recipient: { email: order.email, customer_id: order.customer_id, locale: order.locale },
      trigger: event.name,
      occurrence: refund.id,
      resource: { type: "order", id: order.id },
      alsoOn: ["push"],
      url,
    })
  }
}

export const config: SubscriberConfig = {
  event: "payment.refunded",
  context: { subscriberId: "emporium-notifications-refund-issued" },
}
