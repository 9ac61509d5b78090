import { assertCartLinesAvailable, type CartLine } from "../../utils/cart-availability"
import { defineGuard } from "./define-guard"

type CartLines = { id: string; sales_channel_id?: string | null; completed_at?: string | Date | null; items?: CartLine[] | null }

/**
 * Answers a completion that cannot win before Medusa's workflow starts. In a flash sale most
 * completions lose; each one would otherwise take the cart lock, load the full cart, run the
 * workflow to the stock claim and compensate, and a few hundred of them queue behind each
 * other on one process (measured: losers' median answer ~22 s for 200 carts on 5 units).
 * This read costs one light query: it refuses only when the channel's locations, minus what
 * other checkouts hold, cannot cover the cart now. Whatever passes still goes through the
 * claim in completeCartWorkflow's validate hook, which is the authority.
 */
export const cartNotSoldOut = defineGuard(async (req, query) => {
  const { data } = await query.graph({
    entity: "cart",
    fields: ["id", "sales_channel_id", "completed_at", "items.variant_id", "items.quantity"],
    filters: { id: req.params.id },
  })
  const cart = data[0] as unknown as CartLines | undefined
  // Unknown and completed carts are Medusa's to answer (404, or the existing order).
  if (!cart || cart.completed_at || !cart.items?.length) {
    return
  }
  const lines = cart.items.filter(Boolean)
  await assertCartLinesAvailable(req.scope, {
    cart_id: cart.id,
    sales_channel_id: cart.sales_channel_id,
    lines,
    changedVariantIds: lines.map((l) => l.variant_id ?? ""),
  })
})
