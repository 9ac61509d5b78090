import { defineLink } from "@medusajs/framework/utils"
import FulfillmentModule from "@medusajs/medusa/fulfillment"
import TransportModule from "../modules/transport"

/**
 * A shipment belongs to one Medusa fulfillment. Read-only: the shipment's own `fulfillment_id`
 * column is the link (written by the fulfillment provider), so no link table and no foreign key.
 * Lets `query.graph` fetch `fulfillment.*` from a shipment.
 */
export default defineLink(
  { linkable: TransportModule.linkable.transportShipment, field: "fulfillment_id" },
  FulfillmentModule.linkable.fulfillment,
  { readOnly: true }
)
