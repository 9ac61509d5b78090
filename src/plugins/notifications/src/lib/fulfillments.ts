import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { OrderRef, TemplateData } from "../templates/data"
import { notify } from "./dispatch"

export type FulfillmentForMail = {
  id: string
  carrier: string
  tracking_number: string
  tracking_url: string | null
  items: { title: string; quantity: number }[]
  delivered_at: string | null
  order: OrderRef & { customer_id: string | null; locale: string | null }
}

/**
 * A fulfillment as its shipping mails show it: the carrier's label (tracking number and link, as
 * the carrier integration stored them on Medusa's fulfillment) and the parcel's lines.
 */
export async function loadFulfillmentForMail(container: MedusaContainer, fulfillmentId: string): Promise<FulfillmentForMail | null> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "fulfillment",
    fields: [
      "id",
      "delivered_at",
      "provider_id",
      "shipping_option.name",
      "labels.tracking_number",
      "labels.tracking_url",
      "items.title",
      "items.quantity",
      "order.id",
      "order.display_id",
      "order.email",
      "order.currency_code",
      "order.customer_id",
      "order.locale",
    ],
    filters: { id: fulfillmentId },
  })
  const fulfillment = data[0] as Record<string, any> | undefined
  const order = fulfillment?.order
  if (!fulfillment || !order?.email) return null
  const label = (fulfillment.labels ?? []).find((l: Record<string, any>) => l.tracking_number) ?? null
  return {
    id: fulfillment.id,
    carrier: fulfillment.shipping_option?.name ?? String(fulfillment.provider_id ?? "").replace(/_/g, " "),
    tracking_number: label?.tracking_number ?? "",
    tracking_url: label?.tracking_url && /^https?:\/\//.test(label.tracking_url) ? label.tracking_url : null,
    items: (fulfillment.items ?? []).map((i: Record<string, any>) => ({ title: i.title, quantity: Number(i.quantity) })),
    delivered_at: fulfillment.delivered_at ? new Date(fulfillment.delivered_at).toISOString() : null,
    order: {
      id: order.id,
      display_id: Number(order.display_id),
      email: order.email,
      currency_code: order.currency_code,
      customer_id: order.customer_id ?? null,
      locale: order.locale ?? null,
    },
  }
}

/**
 * A customer's mail about one parcel (shipped, delivered): the order's address and language, once
 * per fulfillment and template, opening the carrier's tracking page from a push. The merchant's
 * "don't notify the customer" (`no_notification` on Medusa's event) is respected.
 */
export async function mailFulfillment<N extends "shipment-shipped" | "shipment-delivered">(
  container: MedusaContainer,
  event: { name: string; data: { id: string; no_notification?: boolean } },
  template: N,
  shipment: (fulfillment: FulfillmentForMail) => TemplateData[N]["shipment"],
  alsoOn: ("sms" | "push")[]
): Promise<void> {
  if (event.data.no_notification) return
  const fulfillment = await loadFulfillmentForMail(container, event.data.id)
  if (!fulfillment) return
  const { order } = fulfillment
  await notify(container, {
    template,
    data: {
      order: { id: order.id, display_id: order.display_id, email: order.email, currency_code: order.currency_code },
      shipment: shipment(fulfillment),
    } as TemplateData[N],
    recipient: { email: order.email, customer_id: order.customer_id, locale: order.locale },
    trigger: event.name,
    occurrence: fulfillment.id,
    resource: { type: "order", id: order.id },
    alsoOn,
    url: fulfillment.tracking_url ?? undefined,
  })
}
