import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/postgresql"
import type { Context } from "@medusajs/framework/types"
import {
  InjectManager,
  InjectTransactionManager,
  MedusaContext,
  MedusaService,
} from "@medusajs/framework/utils"
import StockAdjustmentIntent from "./models/stock-adjustment-intent"
import StockMovement, {
  type StockMovementActorType,
  type StockMovementReason,
} from "./models/stock-movement"

/** An inventory level as it is now (0/0 once the level is deleted). */
export type LevelSnapshot = {
  inventory_item_id: string
  location_id: string
  stocked_quantity: number
  reserved_quantity: number
}

export type StockDelta = { stocked_delta: number; reserved_delta: number; since?: Date }

export type Attribution = {
  reason?: StockMovementReason
  actor_type?: StockMovementActorType
  actor_id?: string | null
  reference_type?: string | null
  reference_id?: string | null
}

/** Decides reason, actor and reference once the delta is known. */
export type Attributor = (delta: StockDelta) => Promise<Attribution>

/** First key of the ledger's advisory locks ("SL"): keeps them apart from other two-key locks. */
const LEDGER_LOCK_NAMESPACE = 0x534c

/** How long an admin's note stays valid: a request that takes longer is attributed to `system`. */
const INTENT_TTL_MS = 60_000

export type StockMovementRecord = LevelSnapshot &
  Required<Pick<StockDelta, "stocked_delta" | "reserved_delta">> &
  Attribution & { id: string; created_at: Date | string }

class StockLedgerModuleService extends MedusaService({ StockMovement, StockAdjustmentIntent }) {
  /**
   * Records the difference between `level` and the last entry of its item+location, or nothing
   * when there is none. Callers that read `level` first must hold a lock around the read and this
   * call (src/utils/stock-ledger.ts does); the transaction lock below only keeps two writers from
   * diffing against the same last entry.
   */
  @InjectManager()
  async recordLevel(
    level: LevelSnapshot,
    attribute: Attributor = async () => ({}),
    @MedusaContext() sharedContext: Context<SqlEntityManager> = {}
  ): Promise<StockMovementRecord | null> {
    return await this.recordLevel_(level, attribute, sharedContext)
  }

  @InjectTransactionManager()
  protected async recordLevel_(
    level: LevelSnapshot,
    attribute: Attributor,
    @MedusaContext() sharedContext: Context<SqlEntityManager> = {}
  ): Promise<StockMovementRecord | null> {
    // Held until this transaction ends, so a second writer reads the last entry only after
    // this one's insert is committed (and visible: read committed). The two-key form lives in a
    // key space apart from the one-key locks of the Locking Module's Postgres provider, so the
    // caller's lock on the same pair can never be mistaken for this one (a self-deadlock).
    await sharedContext.transactionManager?.execute("select pg_advisory_xact_lock(?, hashtext(?))", [
      LEDGER_LOCK_NAMESPACE,
      `${level.inventory_item_id}:${level.location_id}`,
    ])
    const [last] = await this.listStockMovements(
      { inventory_item_id: level.inventory_item_id, location_id: level.location_id },
      { take: 1, order: { created_at: "DESC", id: "DESC" } },
      sharedContext
    )
    const delta = {
      stocked_delta: level.stocked_quantity - (last?.stocked_quantity ?? 0),
      reserved_delta: level.reserved_quantity - (last?.reserved_quantity ?? 0),
      since: last ? new Date(last.created_at) : undefined,
    }
    if (delta.stocked_delta === 0 && delta.reserved_delta === 0) {
      return null
    }
    const attribution = await attribute(delta)
    const created = await this.createStockMovements(
      {
        ...level,
        stocked_delta: delta.stocked_delta,
        reserved_delta: delta.reserved_delta,
        reason: attribution.reason ?? "other",
        actor_type: attribution.actor_type ?? "system",
        actor_id: attribution.actor_id ?? null,
        reference_type: attribution.reference_type ?? null,
        reference_id: attribution.reference_id ?? null,
      },
      sharedContext
    )
    return created as StockMovementRecord
  }

  /** Notes that `actor_id` is about to adjust the level (see the admin middleware). */
  async noteAdjustment(input: { inventory_item_id: string; location_id: string; actor_id: string }) {
    return await this.createStockAdjustmentIntents({
      ...input,
      actor_type: "user",
      expires_at: new Date(Date.now() + INTENT_TTL_MS),
    })
  }

  /** Removes and returns the newest unexpired note for the item+location, if any. */
  @InjectManager()
  async takeAdjustmentIntent(
    inventoryItemId: string,
    locationId: string,
    @MedusaContext() sharedContext: Context = {}
  ) {
    const [intent] = await this.listStockAdjustmentIntents(
      { inventory_item_id: inventoryItemId, location_id: locationId, expires_at: { $gt: new Date() } },
      { take: 1, order: { created_at: "DESC" } },
      sharedContext
    )
    if (intent) {
      await this.deleteStockAdjustmentIntents(intent.id, sharedContext)
    }
    return intent ?? null
  }

  /** Drops a note whose request failed, so a later unrelated change is not pinned on that admin. */
  async dropAdjustmentIntent(id: string) {
    await this.deleteStockAdjustmentIntents(id)
  }
}

export default StockLedgerModuleService
