import { model } from "@medusajs/framework/utils"
import TransportShipment from "./transport-shipment"

export const TRACKING_STATUSES = [
  "in_transit",
  "out_for_delivery",
  "delivered",
  "failed_delivery",
  "returned_to_sender",
] as const
export type TrackingStatus = (typeof TRACKING_STATUSES)[number]

/**
 * One carrier scan, as received. Unique per carrier event id, so a replayed webhook adds
 * nothing; the timeline keeps every event even when it arrived late.
 */
const TransportTrackingEvent = model
  .define("transport_tracking_event", {
    id: model.id({ prefix: "ttev" }).primaryKey(),
    carrier_code: model.text(),
    carrier_event_id: model.text(),
    status: model.enum([...TRACKING_STATUSES]),
    description: model.text(),
    location: model.text().nullable(),
    occurred_at: model.dateTime(),
    shipment: model.belongsTo(() => TransportShipment, { mappedBy: "events" }),
  })
  .indexes([
    { on: ["carrier_code", "carrier_event_id"], unique: true },
    { on: ["shipment_id", "occurred_at"] },
  ])

export default TransportTrackingEvent
