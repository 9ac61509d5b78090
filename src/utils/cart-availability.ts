import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { STOCK_HOLD_MODULE } from "../modules/stock-hold"
import type StockHoldModuleService from "../modules/stock-hold/service"
import { holdPairKey } from "../modules/stock-hold/service"
import { outOfStockError, shopperTitle } from "./checkout-stock"

export type CartLine = { variant_id?: string | null; quantity: number | string }

type VariantStock = {
  id: string
  title?: string | null
  product?: { title?: string | null } | null
  manage_inventory?: boolean | null
  allow_backorder?: boolean | null
  inventory_items?: {
    inventory_item_id: string
    required_quantity: number | string
    inventory?: { location_levels?: { location_id: string; stocked_quantity: unknown; reserved_quantity: unknown }[] | null } | null
  }[] | null
}

/**
 * Refuses a cart change whose lines would need more of an inventory item than the sales
 * channel's locations have available (stocked − reserved − other checkouts' holds). Lines of
 * different variants sharing an item (bundles) are summed; Medusa checks each line alone.
 * Only items of `changedVariantIds` are judged: a line that ran out earlier does not block
 * adding something else. Completion stays the authority; this spares the shopper a surprise there.
 */
export async function assertCartLinesAvailable(
  container: MedusaContainer,
  input: { cart_id?: string; sales_channel_id?: string | null; lines: CartLine[]; changedVariantIds: string[] }
): Promise<void> {
  const changed = new Set(input.changedVariantIds.filter(Boolean))
  if (!changed.size || !input.sales_channel_id) {
    return
  }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const variantIds = [...new Set(input.lines.map((l) => l.variant_id).filter((id): id is string => !!id))]
  const [{ data: variants }, { data: channels }] = await Promise.all([
    query.graph({
      entity: "product_variant",
      fields: [
        "id",
        "title",
        "product.title",
        "manage_inventory",
        "allow_backorder",
        "inventory_items.inventory_item_id",
        "inventory_items.required_quantity",
        "inventory_items.inventory.location_levels.location_id",
        "inventory_items.inventory.location_levels.stocked_quantity",
        "inventory_items.inventory.location_levels.reserved_quantity",
      ],
      filters: { id: variantIds },
    }),
    query.graph({ entity: "sales_channel", fields: ["id", "stock_locations.id"], filters: { id: input.sales_channel_id } }),
  ])
  const locations = new Set<string>(
    (channels[0]?.stock_locations ?? []).map((l: { id: string } | null) => l?.id).filter(Boolean) as string[]
  )
  const byId = new Map((variants as unknown as VariantStock[]).map((v) => [v.id, v]))

  const judged = new Set<string>()
  for (const id of changed) {
    for (const link of byId.get(id)?.inventory_items ?? []) judged.add(link.inventory_item_id)
  }
  const demand = new Map<string, { quantity: number; titles: Set<string> }>()
  const available = new Map<string, Map<string, number>>()
  for (const line of input.lines) {
    const variant = line.variant_id ? byId.get(line.variant_id) : undefined
    if (!variant?.manage_inventory || variant.allow_backorder) continue
    for (const link of variant.inventory_items ?? []) {
      if (!judged.has(link.inventory_item_id)) continue
      const entry = demand.get(link.inventory_item_id) ?? { quantity: 0, titles: new Set<string>() }
      entry.quantity += Number(link.required_quantity) * Number(line.quantity)
      if (changed.has(variant.id)) {
        entry.titles.add(shopperTitle({ product_title: variant.product?.title, variant_title: variant.title }))
      }
      demand.set(link.inventory_item_id, entry)
      const perLocation = new Map<string, number>()
      for (const level of link.inventory?.location_levels ?? []) {
        if (locations.has(level.location_id)) {
          perLocation.set(level.location_id, Number(level.stocked_quantity) - Number(level.reserved_quantity))
        }
      }
      available.set(link.inventory_item_id, perLocation)
    }
  }
  if (!demand.size) return

  const held = container.hasRegistration(STOCK_HOLD_MODULE)
    ? await container.resolve<StockHoldModuleService>(STOCK_HOLD_MODULE).heldUnits([...demand.keys()], input.cart_id)
    : new Map<string, number>()
  const shortages: { title: string; available: number }[] = []
  for (const [itemId, { quantity, titles }] of demand) {
    let free = 0
    for (const [locationId, units] of available.get(itemId) ?? []) {
      free += Math.max(0, units - (held.get(holdPairKey({ inventory_item_id: itemId, location_id: locationId })) ?? 0))
    }
    if (quantity > free) {
      // Lines sharing the item are named together, as the checkout claim names them.
      shortages.push({ title: [...titles].join(", "), available: free })
    }
  }
  if (shortages.length) {
    throw outOfStockError(shortages)
  }
}
