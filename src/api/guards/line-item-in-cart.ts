import { MedusaError } from "@medusajs/framework/utils"
import { defineGuard } from "./define-guard"

/**
 * Medusa 2.21 answers DELETE /store/carts/:id/line-items/:line_id with `deleted: true`
 * even when the cart has no such line. A storefront must be told it removed nothing.
 */
export const lineItemInCart = defineGuard(async (req, query) => {
  const { data } = await query.graph({
    entity: "cart",
    fields: ["id", "items.id"],
    filters: { id: req.params.id },
  })
  const cart = data[0]
  if (!cart) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Cart with id: ${req.params.id} was not found`)
  }
  if (!cart.items?.some((item: { id?: string } | null) => item?.id === req.params.line_id)) {
    throw new MedusaError(
      MedusaError.Types.NOT_FOUND,
      `Line item with id: ${req.params.line_id} is not in cart ${req.params.id}`
    )
  }
})
