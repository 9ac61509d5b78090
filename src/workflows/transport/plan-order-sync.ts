import type { CreateOrderShipmentWorkflowInput } from "@medusajs/medusa/core-flows"

/**
 * The order metadata key that tells the merchant a parcel is in trouble: in every admin API read
 * of the order (so an admin widget or an order export shows it) and on the dashboard's
 * "Edit metadata" page of the order. Null once the parcel moves again or is delivered.
 */
export const ORDER_EXCEPTION_METADATA_KEY = "transport_exception"

/** What the order shows while a parcel is in trouble; null clears it. */
export type OrderTransportException = {
  shipment_id: string
  tracking_number: string
  status: "exception" | "returned_to_sender"
  message: string | null
  since: string
}

/** A shipment as read for the sync, with its Medusa fulfillment and order (read-only links). */
export type ShipmentForSync = {
  id: string
  status: string
  exception: string | null
  is_return: boolean
  order_id: string | null
  fulfillment_id: string
  tracking_number: string
  last_event_at?: string | Date | null
  fulfillment?: {
    id: string
    shipped_at: string | Date | null
    delivered_at: string | Date | null
    canceled_at: string | Date | null
    labels?: { tracking_number: string; tracking_url: string; label_url: string }[] | null
    items?: { line_item_id: string | null; quantity: number | string }[] | null
  } | null
  order?: { id: string; status: string; metadata: Record<string, unknown> | null } | null
}

/** The tracking event that started this sync, when it was recorded now (absent for a replay). */
export type RecordedTrackingEvent = { id: string; status: string }

export type OrderSyncPlan = {
  ship: CreateOrderShipmentWorkflowInput | null
  deliver: { orderId: string; fulfillmentId: string } | null
  /** Set (or clear, with `value: null`) the order's exception flag; null leaves it alone. */
  flag: { order_id: string; value: OrderTransportException | null } | null
  tracking_updated: { id: string; shipment_id: string; order_id: string | null; status: string; event_status: string }[]
  exceptions: { id: string; order_id: string | null; status: string; exception: string | null; tracking_event_id: string }[]
}

const MOVED_STATUSES = new Set(["in_transit", "out_for_delivery", "delivered", "exception", "returned_to_sender"])
const EXCEPTION_STATUSES = new Set(["exception", "returned_to_sender"])
const EXCEPTION_EVENTS = new Set(["failed_delivery", "returned_to_sender"])

/**
 * Decides what Medusa's order needs so it agrees with the shipment. Derived from the current
 * state only (never from the event alone), so a replayed webhook repairs an order a failed sync
 * left behind and a second run changes nothing.
 */
export function planOrderSync(shipment: ShipmentForSync, recorded: RecordedTrackingEvent | null): OrderSyncPlan {
  const plan: OrderSyncPlan = { ship: null, deliver: null, flag: null, tracking_updated: [], exceptions: [] }

  if (recorded) {
    plan.tracking_updated.push({
      id: recorded.id,
      shipment_id: shipment.id,
      order_id: shipment.order_id,
      status: shipment.status,
      event_status: recorded.status,
    })
    if (EXCEPTION_EVENTS.has(recorded.status) && EXCEPTION_STATUSES.has(shipment.status)) {
      plan.exceptions.push({
        id: shipment.id,
        order_id: shipment.order_id,
        status: shipment.status,
        exception: shipment.exception,
        tracking_event_id: recorded.id,
      })
    }
  }

  const order = shipment.order
  if (!order || order.status === "canceled") {
    return plan
  }
  plan.flag = exceptionFlagChange(shipment, order)

  const fulfillment = shipment.fulfillment
  if (shipment.is_return || !fulfillment || fulfillment.canceled_at) {
    // Returns are received by the merchant in Medusa's own return flow, not by the carrier's scan.
    return plan
  }
  if (MOVED_STATUSES.has(shipment.status) && !fulfillment.shipped_at) {
    plan.ship = {
      order_id: order.id,
      fulfillment_id: fulfillment.id,
      items: shippedItems(fulfillment.items ?? []),
      // Medusa replaces the fulfillment's labels with these: keep the carrier's.
      labels: (fulfillment.labels ?? []).map(({ tracking_number, tracking_url, label_url }) => ({ tracking_number, tracking_url, label_url })),
    }
  }
  if (shipment.status === "delivered" && !fulfillment.delivered_at) {
    plan.deliver = { orderId: order.id, fulfillmentId: fulfillment.id }
  }
  return plan
}

function exceptionFlagChange(shipment: ShipmentForSync, order: NonNullable<ShipmentForSync["order"]>): OrderSyncPlan["flag"] {
  const current = (order.metadata?.[ORDER_EXCEPTION_METADATA_KEY] ?? null) as OrderTransportException | null
  if (EXCEPTION_STATUSES.has(shipment.status)) {
    const value: OrderTransportException = {
      shipment_id: shipment.id,
      tracking_number: shipment.tracking_number,
      status: shipment.status as OrderTransportException["status"],
      message: shipment.exception,
      since: current?.shipment_id === shipment.id && current.since ? current.since : new Date(shipment.last_event_at ?? Date.now()).toISOString(),
    }
    const same = current?.shipment_id === value.shipment_id && current.status === value.status && current.message === value.message
    return same ? null : { order_id: order.id, value }
  }
  // The parcel moves again (or was delivered): the flag this shipment raised goes away.
  return current?.shipment_id === shipment.id ? { order_id: order.id, value: null } : null
}

/** Order line items and quantities in the fulfillment (Medusa recomputes kit quantities itself). */
function shippedItems(items: NonNullable<NonNullable<ShipmentForSync["fulfillment"]>["items"]>) {
  const quantities = new Map<string, number>()
  for (const item of items) {
    if (!item.line_item_id) continue
    quantities.set(item.line_item_id, (quantities.get(item.line_item_id) ?? 0) + Number(item.quantity))
  }
  return [...quantities].map(([id, quantity]) => ({ id, quantity }))
}
