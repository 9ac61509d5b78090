import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import type { LevelReading, Shortage, StockDemand } from "../modules/stock-hold/service"

/** The parts of completeCartWorkflow's cart snapshot the stock check reads. */
export type SnapshotCart = {
  id: string
  sales_channel_id?: string | null
  completed_at?: Date | string | null
  items?: SnapshotItem[] | null
}

type SnapshotItem = {
  id: string
  quantity: number | string
  title?: string | null
  product_title?: string | null
  variant_title?: string | null
  variant_id?: string | null
  variant?: {
    id: string
    manage_inventory?: boolean | null
    allow_backorder?: boolean | null
    inventory_items?: SnapshotInventoryLink[] | null
  } | null
}

type SnapshotInventoryLink = {
  inventory_item_id: string
  required_quantity: number | string
  inventory?: { location_levels?: SnapshotLevel[] | null } | null
}

type SnapshotLevel = {
  location_id: string
  stocked_quantity?: number | string | null
  reserved_quantity?: number | string | null
  stock_locations?: OneOrMany<{ id: string; sales_channels?: OneOrMany<{ id: string }> }>
}

type OneOrMany<T> = T | T[] | null | undefined

const many = <T>(value: OneOrMany<T>): T[] => (value == null ? [] : Array.isArray(value) ? value : [value])

/** What planCheckoutDemands reads, for a caller loading the cart itself (the store route's middleware). */
export const CHECKOUT_STOCK_FIELDS = [
  "id",
  "sales_channel_id",
  "completed_at",
  "items.id",
  "items.quantity",
  "items.title",
  "items.product_title",
  "items.variant_title",
  "items.variant_id",
  "items.variant.id",
  "items.variant.manage_inventory",
  "items.variant.allow_backorder",
  "items.variant.inventory_items.inventory_item_id",
  "items.variant.inventory_items.required_quantity",
  "items.variant.inventory_items.inventory.location_levels.location_id",
  "items.variant.inventory_items.inventory.location_levels.stocked_quantity",
  "items.variant.inventory_items.inventory.location_levels.reserved_quantity",
  "items.variant.inventory_items.inventory.location_levels.stock_locations.id",
  "items.variant.inventory_items.inventory.location_levels.stock_locations.sales_channels.id",
]

/** "Tee (M)" for a variant, the product title alone for a single-variant product. */
export function shopperTitle(item: { title?: string | null; product_title?: string | null; variant_title?: string | null }) {
  const product = item.product_title ?? item.title ?? "an item"
  const variant = item.variant_title
  return variant && variant !== product && !/^default/i.test(variant) ? `${product} (${variant})` : product
}

/**
 * What completeCartWorkflow will reserve, per line and inventory item, at which location. It
 * mirrors the location choice of Medusa 2.21's reservation input (prepareConfirmInventoryInput,
 * not exported): the sales channel's locations in the order the snapshot lists them, and the
 * first one whose snapshot availability covers the line, else the first with a level at all.
 * Holding exactly where Medusa will reserve is what makes the hold a promise the reservation keeps.
 * Lines that do not manage inventory or allow backorders are left out: Medusa does not check them.
 */
export function planCheckoutDemands(cart: SnapshotCart): StockDemand[] {
  const items = cart.items ?? []
  const channelLocations: string[] = []
  const availability = new Map<string, number>()
  const variantsInOrder = new Map<string, NonNullable<SnapshotItem["variant"]>>()
  for (const item of items) {
    if (item.variant && item.variant_id) {
      // Medusa keys its map by variant id: a later line of the same variant keeps the first position.
      variantsInOrder.set(item.variant_id, item.variant)
    }
  }
  for (const variant of variantsInOrder.values()) {
    for (const link of variant.inventory_items ?? []) {
      for (const level of link.inventory?.location_levels ?? []) {
        availability.set(
          `${level.location_id}\u0000${link.inventory_item_id}`,
          Number(level.stocked_quantity ?? 0) - Number(level.reserved_quantity ?? 0)
        )
        for (const location of many(level.stock_locations)) {
          if (
            many(location.sales_channels).some((c) => c.id === cart.sales_channel_id) &&
            !channelLocations.includes(location.id)
          ) {
            channelLocations.push(location.id)
          }
        }
      }
    }
  }

  const demands: StockDemand[] = []
  for (const item of items) {
    const variant = item.variant
    if (!variant?.manage_inventory || variant.allow_backorder) {
      continue
    }
    for (const link of variant.inventory_items ?? []) {
      const quantity = Number(link.required_quantity) * Number(item.quantity)
      const key = (loc: string) => `${loc}\u0000${link.inventory_item_id}`
      const covering = channelLocations.filter((loc) => (availability.get(key(loc)) ?? 0) >= quantity)
      const stocked = channelLocations.filter((loc) => availability.has(key(loc)))
      const location = (covering.length ? covering : stocked.length ? stocked : channelLocations)[0]
      if (!location) {
        continue // Medusa itself rejects a variant its channel cannot ship from.
      }
      demands.push({ inventory_item_id: link.inventory_item_id, location_id: location, quantity, title: shopperTitle(item) })
    }
  }
  return demands
}

/** Reads the current levels of the given pairs through the Inventory Module. */
export function levelReader(container: MedusaContainer) {
  return async (pairs: { inventory_item_id: string; location_id: string }[]): Promise<LevelReading[]> => {
    const inventory = container.resolve(Modules.INVENTORY)
    const levels = await inventory.listInventoryLevels(
      {
        inventory_item_id: [...new Set(pairs.map((p) => p.inventory_item_id))],
        location_id: [...new Set(pairs.map((p) => p.location_id))],
      },
      { select: ["inventory_item_id", "location_id", "stocked_quantity", "reserved_quantity"] }
    )
    return levels.map((l) => ({
      inventory_item_id: l.inventory_item_id,
      location_id: l.location_id,
      stocked_quantity: Number(l.stocked_quantity),
      reserved_quantity: Number(l.reserved_quantity),
    }))
  }
}

/**
 * The shopper-facing refusal: names what ran out, and how many are left when some are.
 * NOT_ALLOWED answers 400: asking again will not help, unlike a 409.
 */
export function outOfStockError(shortages: Pick<Shortage, "title" | "available">[]): MedusaError {
  const parts = [...new Map(shortages.map((s) => [s.title, s])).values()].map((s) =>
    s.available > 0 ? `${s.title} (only ${s.available} left)` : s.title
  )
  return new MedusaError(MedusaError.Types.NOT_ALLOWED, `out of stock: ${parts.join(", ")}`)
}
