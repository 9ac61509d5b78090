import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { Address, OrderSummary } from "../templates/data"
import { amount } from "./amount"
import { notificationCenter } from "./center"
import { notify } from "./dispatch"

const ADDRESS_FIELDS = ["first_name", "last_name", "company", "address_1", "address_2", "city", "postal_code", "province", "country_code", "phone"]

const ORDER_FIELDS = [
  "id",
  "display_id",
  "email",
  "currency_code",
  "created_at",
  "locale",
  "customer_id",
  "items.title",
  "items.product_title",
  "items.variant_title",
  "items.variant_sku",
  "items.quantity",
  "items.unit_price",
  "items.total",
  "items.thumbnail",
  "subtotal",
  "item_subtotal",
  "shipping_total",
  "tax_total",
  "discount_total",
  "total",
  ...ADDRESS_FIELDS.map((f) => `shipping_address.${f}`),
  ...ADDRESS_FIELDS.map((f) => `billing_address.${f}`),
  "shipping_methods.name",
  "shipping_methods.amount",
]

export type OrderForMail = { summary: OrderSummary; customer_id: string | null; locale: string | null }

type RawOrder = Record<string, any>

/** The order as a customer reads it in a mail: lines, totals, addresses, shipping. */
export async function loadOrderForMail(container: MedusaContainer, orderId: string): Promise<OrderForMail | null> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "order", fields: ORDER_FIELDS, filters: { id: orderId } })
  const order = data[0] as RawOrder | undefined
  if (!order) return null
  return {
    customer_id: order.customer_id ?? null,
    locale: order.locale ?? null,
    summary: {
      id: order.id,
      display_id: Number(order.display_id),
      email: order.email,
      currency_code: order.currency_code,
      created_at: new Date(order.created_at).toISOString(),
      items: (order.items ?? []).map((item: RawOrder) => ({
        title: item.product_title ?? item.title,
        variant_title: item.variant_title ?? null,
        sku: item.variant_sku ?? null,
        quantity: amount(item.quantity),
        unit_price: amount(item.unit_price),
        total: amount(item.total),
        thumbnail: item.thumbnail ?? null,
      })),
      subtotal: amount(order.item_subtotal ?? order.subtotal),
      shipping_total: amount(order.shipping_total),
      tax_total: amount(order.tax_total),
      discount_total: amount(order.discount_total),
      total: amount(order.total),
      shipping_address: address(order.shipping_address),
      billing_address: address(order.billing_address),
      shipping_methods: (order.shipping_methods ?? []).map((m: RawOrder) => ({ name: m.name, amount: amount(m.amount) })),
    },
  }
}

function address(raw: RawOrder | null | undefined): Address | null {
  if (!raw) return null
  return Object.fromEntries(ADDRESS_FIELDS.map((f) => [f, raw[f] ?? null])) as Address
}

export function orderUrl(storefrontUrl: string, orderId: string): string {
  return `${storefrontUrl}/account/orders/details/${orderId}`
}

/**
 * The customer's mail about their whole order (confirmation, cancellation): the order's summary
 * to the order's address, in the order's language, once per order and template.
 */
export async function mailOrder(
  container: MedusaContainer,
  event: { name: string; data: { id: string } },
  template: "order-placed" | "order-canceled",
  alsoOn: ("sms" | "push")[]
): Promise<void> {
  const order = await loadOrderForMail(container, event.data.id)
  if (!order?.summary.email) return
  const url = orderUrl(notificationCenter(container).settings().storefrontUrl, order.summary.id)
  await notify(container, {
    template,
    data: { order: order.summary, order_url: url },
    recipient: { email: order.summary.email, customer_id: order.customer_id, locale: order.locale },
    trigger: event.name,
    occurrence: order.summary.id,
    resource: { type: "order", id: order.summary.id },
    alsoOn,
    url,
  })
}
