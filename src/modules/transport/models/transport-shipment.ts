import { model } from "@medusajs/framework/utils"
import TransportTrackingEvent from "./transport-tracking-event"

export const SHIPMENT_STATUSES = [
  "label_created",
  "in_transit",
  "out_for_delivery",
  "delivered",
  "exception",
  "returned_to_sender",
  "voided",
] as const
export type ShipmentStatus = (typeof SHIPMENT_STATUSES)[number]

/**
 * A parcel handed to a carrier for one Medusa fulfillment (outbound or return): its tracking
 * number, label and where it is. `fulfillment_id`/`order_id` are read-only links to core data.
 */
const TransportShipment = model
  .define("transport_shipment", {
    id: model.id({ prefix: "tshp" }).primaryKey(),
    fulfillment_id: model.text(),
    order_id: model.text().nullable(),
    carrier_code: model.text(),
    service_level_code: model.text(),
    tracking_number: model.text(),
    tracking_url: model.text(),
    label_file_id: model.text().nullable(),
    label_url: model.text().nullable(),
    is_return: model.boolean().default(false),
    status: model.enum([...SHIPMENT_STATUSES]).default("label_created"),
    /** Set while the carrier reports a problem (failed delivery, returned to sender). */
    exception: model.text().nullable(),
    weight_g: model.number(),
    shipped_at: model.dateTime().nullable(),
    delivered_at: model.dateTime().nullable(),
    last_event_at: model.dateTime().nullable(),
    voided_at: model.dateTime().nullable(),
    events: model.hasMany(() => TransportTrackingEvent, { mappedBy: "shipment" }),
  })
  .cascades({ delete: ["events"] })
  .indexes([
    { on: ["tracking_number"], unique: true },
    { on: ["fulfillment_id"] },
    { on: ["order_id"] },
  ])

export default TransportShipment
