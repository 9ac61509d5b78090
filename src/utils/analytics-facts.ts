import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { EMPORIUM_ANALYTICS_MODULE } from "../modules/analytics"
import type EmporiumAnalyticsModuleService from "../modules/analytics/service"
import type { TrackInput } from "../modules/analytics/events"
import type { CartFact, OrderFact, RefundFact } from "../modules/analytics/service"

/**
 * Reads what the reports need from Medusa's modules (through Query, never their tables) and hands
 * it to the analytics module. Every function is idempotent: the facts are upserted by Medusa id,
 * so a redelivered event or a second backfill changes nothing.
 */

export function isAnalyticsEnabled(container: MedusaContainer): boolean {
  return container.hasRegistration(EMPORIUM_ANALYTICS_MODULE)
}

export function analyticsService(container: MedusaContainer): EmporiumAnalyticsModuleService {
  return container.resolve<EmporiumAnalyticsModuleService>(EMPORIUM_ANALYTICS_MODULE)
}

const ORDER_FIELDS = [
  "id",
  "created_at",
  "canceled_at",
  "status",
  "currency_code",
  "region_id",
  "sales_channel_id",
  "customer_id",
  "is_draft_order",
  "total",
  "subtotal",
  "tax_total",
  "shipping_total",
  "discount_total",
  "items.id",
  "items.quantity",
  "items.total",
  "items.product_id",
  "items.variant_id",
  "items.product_title",
  "cart.id",
  "payment_collections.payments.id",
]

type OrderRecord = {
  id: string
  created_at: Date | string
  canceled_at?: Date | string | null
  status?: string
  currency_code: string
  region_id?: string | null
  sales_channel_id?: string | null
  customer_id?: string | null
  is_draft_order?: boolean
  total: unknown
  subtotal: unknown
  tax_total: unknown
  shipping_total: unknown
  discount_total: unknown
  items?: { id: string; quantity: unknown; total: unknown; product_id?: string | null; variant_id?: string | null; product_title?: string | null }[]
  cart?: { id: string } | null
  payment_collections?: { payments?: { id: string }[] | null }[] | null
}

/** The ids of an order's payments (its refunds hang off them). */
export const paymentIdsOf = (order: OrderRecord): string[] =>
  (order.payment_collections ?? []).flatMap((c) => (c.payments ?? []).map((p) => p.id))

/** Writes (or rewrites) the facts of these orders; returns how many were found. */
export async function syncOrderFacts(container: MedusaContainer, orderIds: string[]): Promise<OrderRecord[]> {
  const data = await byIds(container, "order", ORDER_FIELDS, orderIds)
  const orders = (data as OrderRecord[]).filter((o) => !o.is_draft_order)
  const categories = await categoriesOfProducts(
    container,
    orders.flatMap((o) => (o.items ?? []).map((i) => i.product_id).filter((id): id is string => !!id))
  )
  await analyticsService(container).recordOrders(orders.map((o) => toOrderFact(o, categories)))
  return orders
}

function toOrderFact(order: OrderRecord, categories: Map<string, string[]>): OrderFact {
  return {
    order_id: order.id,
    placed_at: order.created_at,
    canceled_at: order.canceled_at ?? (order.status === "canceled" ? new Date() : null),
    currency_code: order.currency_code,
    region_id: order.region_id ?? null,
    sales_channel_id: order.sales_channel_id ?? null,
    customer_id: order.customer_id ?? null,
    cart_id: order.cart?.id ?? null,
    total: amount(order.total),
    subtotal: amount(order.subtotal),
    tax_total: amount(order.tax_total),
    shipping_total: amount(order.shipping_total),
    discount_total: amount(order.discount_total),
    lines: (order.items ?? []).map((item) => ({
      line_item_id: item.id,
      product_id: item.product_id ?? null,
      variant_id: item.variant_id ?? null,
      product_title: item.product_title ?? null,
      category_ids: item.product_id ? categories.get(item.product_id) ?? [] : [],
      quantity: Number(amount(item.quantity)),
      total: amount(item.total),
    })),
  }
}

async function categoriesOfProducts(container: MedusaContainer, productIds: string[]): Promise<Map<string, string[]>> {
  const ids = [...new Set(productIds)]
  const data = await byIds(container, "product", ["id", "categories.id"], ids)
  return new Map(
    (data as { id: string; categories?: { id: string }[] | null }[]).map((p) => [p.id, (p.categories ?? []).map((c) => c.id)])
  )
}

const PAYMENT_FIELDS = [
  "id",
  "currency_code",
  "refunds.id",
  "refunds.amount",
  "refunds.created_at",
  "payment_collection.order.id",
  "payment_collection.order.region_id",
  "payment_collection.order.sales_channel_id",
]

type PaymentRecord = {
  id: string
  currency_code: string
  refunds?: { id: string; amount: unknown; created_at: Date | string }[]
  payment_collection?: { order?: { id: string; region_id?: string | null; sales_channel_id?: string | null } | null } | null
}

/** The `order_refunded` event of a refund (one per refund, whichever way it was recorded). */
export const refundEvent = (r: RefundFact): TrackInput => ({
  name: "order_refunded",
  source: "server",
  event_key: `order_refunded:${r.refund_id}`,
  order_id: r.order_id,
  sales_channel_id: r.sales_channel_id,
  occurred_at: r.refunded_at,
  properties: { refund_id: r.refund_id, currency_code: r.currency_code, amount: Number(r.amount) },
})

/** Records the refunds of these payments (dated when made); returns them. */
export async function syncRefundFacts(container: MedusaContainer, paymentIds: string[]): Promise<RefundFact[]> {
  const data = await byIds(container, "payment", PAYMENT_FIELDS, paymentIds)
  const refunds = (data as PaymentRecord[]).flatMap((p) =>
    (p.refunds ?? []).map((r) => ({
      refund_id: r.id,
      order_id: p.payment_collection?.order?.id ?? null,
      refunded_at: r.created_at,
      currency_code: p.currency_code,
      region_id: p.payment_collection?.order?.region_id ?? null,
      sales_channel_id: p.payment_collection?.order?.sales_channel_id ?? null,
      amount: amount(r.amount),
    }))
  )
  await analyticsService(container).recordRefunds(refunds)
  return refunds
}

type CartRecord = {
  id: string
  created_at: Date | string
  completed_at?: Date | string | null
  currency_code?: string | null
  region_id?: string | null
  sales_channel_id?: string | null
  items?: { id: string }[] | null
}

/** Records whether these carts hold items and whether they were completed. */
export async function syncCartFacts(container: MedusaContainer, cartIds: string[]): Promise<CartFact[]> {
  const fields = ["id", "created_at", "completed_at", "currency_code", "region_id", "sales_channel_id", "items.id"]
  const data = await byIds(container, "cart", fields, cartIds)
  const carts = (data as CartRecord[]).map((c) => ({
    cart_id: c.id,
    created_at_cart: c.created_at,
    has_items: (c.items ?? []).length > 0,
    completed_at: c.completed_at ?? null,
    currency_code: c.currency_code ?? null,
    region_id: c.region_id ?? null,
    sales_channel_id: c.sales_channel_id ?? null,
  }))
  await analyticsService(container).recordCarts(carts)
  return carts
}

/** Records registrations of customers who have an account (guests are not registrations). */
export async function syncRegistrations(container: MedusaContainer, customerIds: string[]): Promise<string[]> {
  const data = await byIds(container, "customer", ["id", "created_at", "has_account"], customerIds)
  const registered = (data as { id: string; created_at: Date | string; has_account: boolean }[]).filter((c) => c.has_account)
  await analyticsService(container).recordRegistrations(registered.map((c) => ({ customer_id: c.id, registered_at: c.created_at })))
  return registered.map((c) => c.id)
}

/**
 * Query's records of `entity` with these ids; none (and no query) for no ids, which every
 * sync below relies on: recording nothing is a no-op.
 */
async function byIds(container: MedusaContainer, entity: string, fields: string[], ids: string[]): Promise<unknown[]> {
  if (!ids.length) {
    return []
  }
  const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({ entity, fields, filters: { id: ids } })
  return data
}

/** Medusa's amounts arrive as numbers or BigNumber objects; the facts keep them as decimal strings. */
export function amount(value: unknown): string {
  if (value === null || value === undefined) {
    return "0"
  }
  if (typeof value === "number" || typeof value === "string") {
    return String(value)
  }
  const v = value as { numeric?: number; toString(): string }
  return v.numeric !== undefined ? String(v.numeric) : v.toString()
}
