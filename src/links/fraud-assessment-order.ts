import { defineLink } from "@medusajs/framework/utils"
import OrderModule from "@medusajs/medusa/order"
import FraudModule from "../modules/fraud"

/** An assessment's order, through its `order_id` column (read-only link, no foreign key). */
export default defineLink(
  { linkable: FraudModule.linkable.fraudAssessment, field: "order_id" },
  OrderModule.linkable.order,
  { readOnly: true }
)
