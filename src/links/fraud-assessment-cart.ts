import { defineLink } from "@medusajs/framework/utils"
import CartModule from "@medusajs/medusa/cart"
import FraudModule from "../modules/fraud"

/** An assessment's cart, through its `cart_id` column (read-only link, no foreign key). */
export default defineLink(
  { linkable: FraudModule.linkable.fraudAssessment, field: "cart_id" },
  CartModule.linkable.cart,
  { readOnly: true }
)
