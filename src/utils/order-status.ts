/**
 * The storefront's view of where an order is, derived from Medusa's own order, payment
 * and fulfillment records every time it is asked (never stored, so it cannot drift).
 */
export const ORDER_STATUSES = ["PENDING", "CONFIRMED", "SHIPPED", "DELIVERED", "CANCELED"] as const
export type OrderStatus = (typeof ORDER_STATUSES)[number]

type When = Date | string | null | undefined
/** Medusa returns quantities as numbers, numeric strings or BigNumber-like objects. */
type Quantity = number | string | { numeric?: number; value?: string | number } | null | undefined

function toNumber(quantity: Quantity): number {
  if (quantity == null) return 0
  if (typeof quantity === "object") return Number(quantity.numeric ?? quantity.value ?? 0)
  return Number(quantity)
}

export type OrderStatusSource = {
  id: string
  display_id?: number | string | null
  status: string
  created_at: When
  canceled_at?: When
  items?: ({ detail?: { quantity?: Quantity; shipped_quantity?: Quantity; delivered_quantity?: Quantity } | null } | null)[] | null
  payment_collections?: ({ status: string; payments?: ({ created_at: When; canceled_at?: When } | null)[] | null } | null)[] | null
  fulfillments?: ({ shipped_at?: When; delivered_at?: When; canceled_at?: When } | null)[] | null
}

export type OrderStatusView = {
  order_id: string
  display_id: number | null
  status: OrderStatus
  /** Every step the order has reached, oldest first, with when it reached it. */
  timeline: { status: OrderStatus; at: string }[]
}

/** Payment collection states in which the customer's money is secured. */
const SECURED_PAYMENT = new Set(["authorized", "partially_authorized", "partially_captured", "completed"])

const iso = (when: When) => (when ? new Date(when).toISOString() : null)
const earliest = (dates: When[]) => dates.map(iso).filter((d): d is string => !!d).sort()[0] ?? null
const latest = (dates: When[]) => dates.map(iso).filter((d): d is string => !!d).sort().pop() ?? null

export function deriveOrderStatus(order: OrderStatusSource): OrderStatusView {
  const items = (order.items ?? []).filter((i): i is NonNullable<typeof i> => !!i)
  const fulfillments = (order.fulfillments ?? []).filter((f): f is NonNullable<typeof f> => !!f && !f.canceled_at)
  const payments = (order.payment_collections ?? [])
    .filter((pc): pc is NonNullable<typeof pc> => !!pc && SECURED_PAYMENT.has(pc.status))
    .flatMap((pc) => pc.payments ?? [])
    .filter((p): p is NonNullable<typeof p> => !!p && !p.canceled_at)

  // The order item's detail holds the current quantities, after any order edits.
  const ordered = items.reduce((sum, i) => sum + toNumber(i.detail?.quantity), 0)
  const shipped = items.reduce((sum, i) => sum + toNumber(i.detail?.shipped_quantity), 0)
  const delivered = items.reduce((sum, i) => sum + toNumber(i.detail?.delivered_quantity), 0)

  const timeline: { status: OrderStatus; at: string | null }[] = [
    { status: "PENDING", at: iso(order.created_at) },
    { status: "CONFIRMED", at: earliest(payments.map((p) => p.created_at)) },
    { status: "SHIPPED", at: shipped > 0 ? earliest(fulfillments.map((f) => f.shipped_at)) : null },
    {
      status: "DELIVERED",
      at: ordered > 0 && delivered >= ordered ? latest(fulfillments.map((f) => f.delivered_at)) : null,
    },
    {
      status: "CANCELED",
      at: order.status === "canceled" ? iso(order.canceled_at) ?? iso(order.created_at) : null,
    },
  ]
  const reached = timeline.filter((step): step is { status: OrderStatus; at: string } => !!step.at)
  const current = order.status === "canceled" ? "CANCELED" : reached.filter((s) => s.status !== "CANCELED").pop()!.status
  return { order_id: order.id, display_id: order.display_id == null ? null : Number(order.display_id), status: current, timeline: reached }
}

/** The fields `deriveOrderStatus` reads, for `query.graph`. */
export const ORDER_STATUS_FIELDS = [
  "id",
  "display_id",
  "status",
  "created_at",
  "canceled_at",
  "customer_id",
  "customer.has_account",
  "items.detail.quantity",
  "items.detail.shipped_quantity",
  "items.detail.delivered_quantity",
  "payment_collections.status",
  "payment_collections.payments.created_at",
  "payment_collections.payments.canceled_at",
  "fulfillments.shipped_at",
  "fulfillments.delivered_at",
  "fulfillments.canceled_at",
]
