import type { InferTypeOf } from "@medusajs/framework/types"
import type TransportShipment from "../../../../modules/transport/models/transport-shipment"
import type TransportTrackingEvent from "../../../../modules/transport/models/transport-tracking-event"

type Shipment = InferTypeOf<typeof TransportShipment>
type TrackingEvent = InferTypeOf<typeof TransportTrackingEvent>

/** Loaded with the shipment so every answer carries its timeline. */
export const SHIPMENT_RELATIONS = ["events"]

/**
 * A shipment as the admin API answers it: the label as its download route (the file id is
 * storage detail), and the tracking timeline oldest first by when the carrier saw it, which is
 * not the order webhooks arrived in.
 */
export function presentShipment(shipment: Shipment) {
  const { label_file_id, events, deleted_at, ...fields } = shipment
  const timeline = [...(events ?? [])]
    .sort((a, b) => new Date(a.occurred_at).getTime() - new Date(b.occurred_at).getTime() || a.id.localeCompare(b.id))
    .map(presentEvent)
  return { ...fields, has_label: !!label_file_id, events: timeline }
}

function presentEvent(event: TrackingEvent) {
  const { shipment, shipment_id, deleted_at, ...fields } = event as TrackingEvent & { shipment_id?: string }
  return fields
}
