import { defineLink } from "@medusajs/framework/utils"
import OrderModule from "@medusajs/medusa/order"
import TransportModule from "../modules/transport"

/** A shipment's order, read through its `order_id` column (read-only link, no foreign key). */
export default defineLink(
  { linkable: TransportModule.linkable.transportShipment, field: "order_id" },
  OrderModule.linkable.order,
  { readOnly: true }
)
