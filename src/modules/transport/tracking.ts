import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/postgresql"
import { generateEntityId } from "@medusajs/framework/utils"
import type { TrackingUpdate } from "./carriers/types"
import type { ShipmentStatus } from "./models/transport-shipment"

/**
 * How far along each status is. A shipment only ever moves to a higher rank, so a late
 * "in_transit" never undoes "delivered". Delivered and returned-to-sender are final.
 * A failed delivery is an exception on the way: a later scan (by the carrier's clock) clears it.
 */
const RANK: Record<ShipmentStatus, number> = {
  label_created: 0,
  in_transit: 1,
  out_for_delivery: 2,
  exception: 2,
  delivered: 3,
  returned_to_sender: 3,
  voided: -1,
}

export type AppliedUpdate = {
  update: TrackingUpdate
  outcome: "unknown_tracking_number" | "duplicate" | "recorded"
  shipment_id?: string
  fulfillment_id?: string
  order_id?: string | null
  is_return?: boolean
  event_id?: string
  /** The shipment's status before and after; equal when a late event only joined the timeline. */
  from?: ShipmentStatus
  to?: ShipmentStatus
}

export async function applyTrackingUpdate(manager: SqlEntityManager, carrierCode: string, update: TrackingUpdate): Promise<AppliedUpdate> {
  const [shipment] = await manager.execute(
    `SELECT id, fulfillment_id, order_id, is_return, status, last_event_at
       FROM transport_shipment
      WHERE tracking_number = ? AND carrier_code = ? AND deleted_at IS NULL
      FOR UPDATE`,
    [update.tracking_number, carrierCode]
  )
  if (!shipment) {
    return { update, outcome: "unknown_tracking_number" }
  }
  const context = { shipment_id: shipment.id, fulfillment_id: shipment.fulfillment_id, order_id: shipment.order_id, is_return: shipment.is_return }

  const eventId = generateEntityId(undefined, "ttev")
  const inserted = await manager.execute(
    `INSERT INTO transport_tracking_event (id, shipment_id, carrier_code, carrier_event_id, status, description, location, occurred_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (carrier_code, carrier_event_id) WHERE deleted_at IS NULL DO NOTHING
     RETURNING id`,
    [eventId, shipment.id, carrierCode, update.event_id, update.status, update.description, update.location, update.occurred_at]
  )
  if (!inserted.length) {
    return { update, outcome: "duplicate", ...context }
  }

  const from = shipment.status as ShipmentStatus
  const to = nextStatus(from, update, shipment.last_event_at ? new Date(shipment.last_event_at) : null)
  const isLatest = !shipment.last_event_at || update.occurred_at >= new Date(shipment.last_event_at)
  await manager.execute(
    `UPDATE transport_shipment SET
        status = ?,
        exception = CASE WHEN ? THEN ? WHEN ? THEN NULL ELSE exception END,
        shipped_at = CASE WHEN shipped_at IS NULL AND ? THEN ? ELSE shipped_at END,
        delivered_at = CASE WHEN delivered_at IS NULL AND ? THEN ? ELSE delivered_at END,
        last_event_at = CASE WHEN ? THEN ? ELSE last_event_at END,
        updated_at = now()
      WHERE id = ?`,
    [
      to,
      // Only the event that reports the trouble writes its text: a late, older scan must not.
      (to === "exception" || to === "returned_to_sender") && (update.status === "failed_delivery" || update.status === "returned_to_sender"),
      update.description,
      to !== from && to !== "exception" && to !== "returned_to_sender",
      RANK[to] >= RANK.in_transit,
      update.occurred_at,
      to === "delivered",
      update.occurred_at,
      isLatest,
      update.occurred_at,
      shipment.id,
    ]
  )
  return { update, outcome: "recorded", event_id: eventId, from, to, ...context }
}

export function nextStatus(current: ShipmentStatus, update: TrackingUpdate, lastEventAt: Date | null): ShipmentStatus {
  if (current === "voided") {
    return current
  }
  const proposed: ShipmentStatus = update.status === "failed_delivery" ? "exception" : update.status
  if (current === "exception" && proposed !== "exception") {
    // A scan after the failure (in the carrier's time) means the parcel is moving again.
    const later = !lastEventAt || update.occurred_at > lastEventAt
    return RANK[proposed] > RANK.exception || (later && RANK[proposed] >= RANK.in_transit) ? proposed : current
  }
  if (proposed === "exception") {
    // A failure reported after delivery is history, not news.
    return RANK[current] < RANK.delivered && (!lastEventAt || update.occurred_at >= lastEventAt) ? "exception" : current
  }
  return RANK[proposed] > RANK[current] ? proposed : current
}
