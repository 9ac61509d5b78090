import { addToCartWorkflow, createCartWorkflow, updateLineItemInCartWorkflow } from "@medusajs/medusa/core-flows"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { StepResponse } from "@medusajs/framework/workflows-sdk"
import { assertCartLinesAvailable, type CartLine } from "../../utils/cart-availability"

/**
 * Add-to-cart, line updates and cart creation refuse quantities the sales channel cannot
 * supply, counting every line of the cart that draws on the same inventory item. These hooks
 * only validate (Medusa's advice: never mutate the cart in a hook); completion stays the authority.
 */
type CartWithLines = { id: string; sales_channel_id?: string | null; items?: ({ id: string } & CartLine)[] | null }

async function currentCart(container: MedusaContainer, cartId: string): Promise<CartWithLines | undefined> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "cart",
    fields: ["id", "sales_channel_id", "items.id", "items.variant_id", "items.quantity"],
    filters: { id: cartId },
  })
  return data[0] as unknown as CartWithLines | undefined
}

addToCartWorkflow.hooks.validate(async ({ input }, { container }) => {
  const cart = await currentCart(container, input.cart_id)
  const added = (input.items ?? []) as CartLine[]
  if (cart) {
    await assertCartLinesAvailable(container, {
      cart_id: cart.id,
      sales_channel_id: cart.sales_channel_id,
      lines: [...(cart.items ?? []), ...added],
      changedVariantIds: added.map((l) => l.variant_id ?? ""),
    })
  }
  return new StepResponse(undefined)
})

updateLineItemInCartWorkflow.hooks.validate(async ({ input }, { container }) => {
  const cart = await currentCart(container, input.cart_id)
  const line = cart?.items?.find((i) => i.id === input.item_id)
  const quantity = Number(input.update?.quantity ?? line?.quantity ?? 0)
  // Lowering a quantity or removing the line never needs stock.
  if (cart && line && quantity > Number(line.quantity)) {
    await assertCartLinesAvailable(container, {
      cart_id: cart.id,
      sales_channel_id: cart.sales_channel_id,
      lines: (cart.items ?? []).map((i) => (i.id === line.id ? { ...i, quantity } : i)),
      changedVariantIds: [line.variant_id ?? ""],
    })
  }
  return new StepResponse(undefined)
})

createCartWorkflow.hooks.validate(async ({ input }, { container }) => {
  const cartInput = input as { sales_channel_id?: string | null; items?: CartLine[] }
  const lines = cartInput.items ?? []
  await assertCartLinesAvailable(container, {
    sales_channel_id: cartInput.sales_channel_id,
    lines,
    changedVariantIds: lines.map((l) => l.variant_id ?? ""),
  })
  return new StepResponse(undefined)
})
