import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/postgresql"
import type { Context } from "@medusajs/framework/types"
import { InjectManager, InjectTransactionManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import { KeyedMutex } from "./keyed-mutex"
import StockHold from "./models/stock-hold"

/** Units a checkout needs at one location (lines of one inventory item already summed or not). */
export type StockDemand = {
  inventory_item_id: string
  location_id: string
  quantity: number
  /** What the shopper calls it, for the error message. */
  title: string
}

/** An inventory level read after the claim's locks were taken. */
export type LevelReading = {
  inventory_item_id: string
  location_id: string
  stocked_quantity: number
  reserved_quantity: number
}

export type Shortage = {
  inventory_item_id: string
  location_id: string
  title: string
  requested: number
  /** Stocked − reserved − other checkouts' holds at the location, never below 0. */
  available: number
}

export type ClaimResult = { held: boolean; shortages: Shortage[] }

/** First key of this module's two-key advisory locks ("SH"), apart from the ledger's and the Locking Module's. */
const HOLD_LOCK_NAMESPACE = 0x5348

/** Matches completeCartWorkflow's own cart lock TTL: no honest checkout holds stock longer. */
export const DEFAULT_HOLD_TTL_SECONDS = 120

const pairKey = (p: { inventory_item_id: string; location_id: string }) => `${p.inventory_item_id}\u0000${p.location_id}`

class StockHoldModuleService extends MedusaService({ StockHold }) {
  private readonly claims = new KeyedMutex()

  /**
   * Claims `demands` for `cartId` if every one of them is available now, counting the other
   * carts' live holds as taken. All or nothing: on a shortage nothing is held and the
   * shortages are returned. `readLevels` reads the current levels; it is called while this
   * claim holds the per-item locks, so no other claim can slip between the read and the insert.
   * Claiming again for the same cart keeps its live holds when they are exactly this demand,
   * and otherwise replaces them.
   */
  async claim(
    cartId: string,
    demands: StockDemand[],
    readLevels: (pairs: Omit<LevelReading, "stocked_quantity" | "reserved_quantity">[]) => Promise<LevelReading[]>,
    ttlSeconds = DEFAULT_HOLD_TTL_SECONDS
  ): Promise<ClaimResult> {
    const merged = mergeDemands(demands)
    if (!merged.length) {
      return { held: false, shortages: [] }
    }
    const itemIds = [...new Set(merged.map((d) => d.inventory_item_id))].sort()
    return await this.claims.run(itemIds, () => this.claim_(cartId, merged, itemIds, readLevels, ttlSeconds))
  }

  @InjectTransactionManager()
  protected async claim_(
    cartId: string,
    demands: StockDemand[],
    itemIds: string[],
    readLevels: (pairs: Omit<LevelReading, "stocked_quantity" | "reserved_quantity">[]) => Promise<LevelReading[]>,
    ttlSeconds: number,
    @MedusaContext() sharedContext: Context<SqlEntityManager> = {}
  ): Promise<ClaimResult> {
    // Serialises claims on these items across every process sharing the database, until commit.
    for (const itemId of itemIds) {
      await sharedContext.transactionManager!.execute("select pg_advisory_xact_lock(?, hashtext(?))", [
        HOLD_LOCK_NAMESPACE,
        itemId,
      ])
    }
    const now = new Date()
    const existing = await this.listStockHolds({ inventory_item_id: itemIds }, {}, sharedContext)
    if (holdsCover(existing.filter((h) => h.cart_id === cartId && new Date(h.expires_at) > now), demands)) {
      // Already claimed for exactly this demand (the store route claims before the workflow's
      // hook does): keep it. Re-checking would count this cart's units twice for any other
      // winner whose reservation exists but whose hold is not yet released.
      return { held: true, shortages: [] }
    }
    const stale = existing.filter((h) => h.cart_id === cartId || new Date(h.expires_at) <= now).map((h) => h.id)
    if (stale.length) {
      await this.deleteStockHolds(stale, sharedContext)
    }
    const heldByOthers = sumByPair(existing.filter((h) => h.cart_id !== cartId && new Date(h.expires_at) > now))

    const levels = new Map((await readLevels(demands)).map((l) => [pairKey(l), l]))
    const shortages: Shortage[] = []
    for (const demand of demands) {
      const level = levels.get(pairKey(demand))
      const free = level
        ? level.stocked_quantity - level.reserved_quantity - (heldByOthers.get(pairKey(demand)) ?? 0)
        : 0
      if (free < demand.quantity) {
        shortages.push({ ...demand, requested: demand.quantity, available: Math.max(0, free) })
      }
    }
    if (shortages.length) {
      return { held: false, shortages }
    }
    const expiresAt = new Date(now.getTime() + ttlSeconds * 1000)
    await this.createStockHolds(
      demands.map((d) => ({
        cart_id: cartId,
        inventory_item_id: d.inventory_item_id,
        location_id: d.location_id,
        quantity: d.quantity,
        expires_at: expiresAt,
      })),
      sharedContext
    )
    return { held: true, shortages: [] }
  }

  /** Drops a cart's holds: its reservation now exists, or its completion failed. */
  @InjectManager()
  async release(cartId: string, @MedusaContext() sharedContext: Context = {}): Promise<number> {
    const holds = await this.listStockHolds({ cart_id: cartId }, { select: ["id"] }, sharedContext)
    if (holds.length) {
      await this.deleteStockHolds(holds.map((h) => h.id), sharedContext)
    }
    return holds.length
  }

  /** Whether a checkout of this cart holds units right now (its completion is in flight). */
  @InjectManager()
  async hasLiveHold(cartId: string, @MedusaContext() sharedContext: Context = {}): Promise<boolean> {
    const [hold] = await this.listStockHolds(
      { cart_id: cartId, expires_at: { $gt: new Date() } },
      { take: 1, select: ["id"] },
      sharedContext
    )
    return !!hold
  }

  /** Units other checkouts hold right now, per item and location (for add-to-cart's availability). */
  @InjectManager()
  async heldUnits(
    inventoryItemIds: string[],
    exceptCartId?: string,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<Map<string, number>> {
    if (!inventoryItemIds.length) {
      return new Map()
    }
    const holds = await this.listStockHolds(
      { inventory_item_id: inventoryItemIds, expires_at: { $gt: new Date() } },
      {},
      sharedContext
    )
    return sumByPair(holds.filter((h) => h.cart_id !== exceptCartId))
  }
}

/** Lines of one item at one location become one demand: two lines of a bundle must fit together. */
function mergeDemands(demands: StockDemand[]): StockDemand[] {
  const merged = new Map<string, StockDemand>()
  for (const d of demands) {
    if (d.quantity <= 0) continue
    const key = pairKey(d)
    const seen = merged.get(key)
    if (!seen) {
      merged.set(key, { ...d })
    } else {
      seen.quantity += d.quantity
      if (!seen.title.split(", ").includes(d.title)) seen.title = `${seen.title}, ${d.title}`
    }
  }
  return [...merged.values()]
}

/** Whether `holds` are exactly `demands` (already merged per item+location). */
function holdsCover(holds: { inventory_item_id: string; location_id: string; quantity: number }[], demands: StockDemand[]) {
  const held = sumByPair(holds)
  return held.size === demands.length && demands.every((d) => held.get(pairKey(d)) === d.quantity)
}

function sumByPair(holds: { inventory_item_id: string; location_id: string; quantity: number }[]) {
  const sums = new Map<string, number>()
  for (const h of holds) {
    sums.set(pairKey(h), (sums.get(pairKey(h)) ?? 0) + Number(h.quantity))
  }
  return sums
}

export { pairKey as holdPairKey }
export default StockHoldModuleService
