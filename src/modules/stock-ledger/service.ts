import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/postgresql"
import type { Context } from "@medusajs/framework/types"
import {
  InjectManager,
  InjectTransactionManager,
  MedusaContext,
  MedusaService,
} from "@medusajs/framework/utils"
import StockAdjustmentIntent from "./models/stock-adjustment-intent"
import StockAlert, { type StockAlertKind } from "./models/stock-alert"
import StockThreshold from "./models/stock-threshold"
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

/** First key of the alert evaluation's advisory locks ("SA"). */
const ALERT_LOCK_NAMESPACE = 0x5341

/** How long an admin's note stays valid: a request that takes longer is attributed to `system`. */
const INTENT_TTL_MS = 60_000

export type StockMovementRecord = LevelSnapshot &
  Required<Pick<StockDelta, "stocked_delta" | "reserved_delta">> &
  Attribution & { id: string; created_at: Date | string }

/** Module options (`medusa-config.ts` → src/config/medusa.ts). */
export type StockLedgerOptions = {
  /** Available units at a location at or below which an item counts as low, unless the item has its own threshold. Default 5. */
  low_stock_threshold?: number
}

export const DEFAULT_LOW_STOCK_THRESHOLD = 5

export type StockAlertRecord = {
  id: string
  inventory_item_id: string
  location_id: string
  kind: StockAlertKind
  available_quantity: number
  threshold: number
  resolved_at: Date | string | null
  created_at: Date | string
}

export type AlertChanges = { opened: StockAlertRecord[]; resolved: StockAlertRecord[] }

class StockLedgerModuleService extends MedusaService({
  StockMovement,
  StockAdjustmentIntent,
  StockAlert,
  StockThreshold,
}) {
  readonly defaultLowStockThreshold: number

  constructor(container: Record<string, unknown>, options: StockLedgerOptions = {}) {
    // eslint-disable-next-line prefer-rest-params
    super(...(arguments as unknown as [Record<string, unknown>]))
    this.defaultLowStockThreshold = options.low_stock_threshold ?? DEFAULT_LOW_STOCK_THRESHOLD
  }

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

  /**
   * The level each pair's ledger ends at (its newest entry), for comparing with the inventory
   * levels in bulk. Pairs with no entry are absent from the map.
   */
  @InjectManager()
  async lastRecordedLevels(
    inventoryItemIds: string[],
    @MedusaContext() sharedContext: Context<SqlEntityManager> = {}
  ): Promise<Map<string, { stocked_quantity: number; reserved_quantity: number }>> {
    if (!inventoryItemIds.length) {
      return new Map()
    }
    const rows: { inventory_item_id: string; location_id: string; stocked_quantity: number; reserved_quantity: number }[] =
      await sharedContext.manager!.execute(
        `select distinct on (inventory_item_id, location_id) inventory_item_id, location_id, stocked_quantity, reserved_quantity
           from stock_movement
          where deleted_at is null and inventory_item_id in (?)
          order by inventory_item_id, location_id, created_at desc, id desc`,
        [inventoryItemIds]
      )
    return new Map(
      rows.map((r) => [
        `${r.inventory_item_id}:${r.location_id}`,
        { stocked_quantity: Number(r.stocked_quantity), reserved_quantity: Number(r.reserved_quantity) },
      ])
    )
  }

  /** The item's own threshold, or the store default. */
  @InjectManager()
  async thresholdFor(
    inventoryItemId: string,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ threshold: number; is_default: boolean }> {
    const [own] = await this.listStockThresholds({ inventory_item_id: inventoryItemId }, { take: 1 }, sharedContext)
    return own
      ? { threshold: Number(own.threshold), is_default: false }
      : { threshold: this.defaultLowStockThreshold, is_default: true }
  }

  /** Sets the item's own threshold, or (null) goes back to the store default. */
  @InjectTransactionManager()
  async setThreshold(
    inventoryItemId: string,
    threshold: number | null,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ threshold: number; is_default: boolean }> {
    const existing = await this.listStockThresholds({ inventory_item_id: inventoryItemId }, {}, sharedContext)
    if (threshold === null) {
      if (existing.length) await this.deleteStockThresholds(existing.map((t) => t.id), sharedContext)
    } else if (existing.length) {
      await this.updateStockThresholds({ id: existing[0].id, threshold }, sharedContext)
    } else {
      await this.createStockThresholds({ inventory_item_id: inventoryItemId, threshold }, sharedContext)
    }
    return threshold === null
      ? { threshold: this.defaultLowStockThreshold, is_default: true }
      : { threshold, is_default: false }
  }

  /**
   * Opens an alert for each threshold the level is now at or below and has no open alert for,
   * and resolves the open ones it is back above. `exists: false` (the level was deleted: the
   * location no longer stocks the item) resolves everything. Returns what changed, so the
   * caller emits one event per opened alert: once per crossing.
   */
  @InjectTransactionManager()
  async evaluateStockAlerts(
    level: LevelSnapshot & { exists?: boolean },
    @MedusaContext() sharedContext: Context<SqlEntityManager> = {}
  ): Promise<AlertChanges> {
    await sharedContext.transactionManager?.execute("select pg_advisory_xact_lock(?, hashtext(?))", [
      ALERT_LOCK_NAMESPACE,
      `${level.inventory_item_id}:${level.location_id}`,
    ])
    const { threshold } = await this.thresholdFor(level.inventory_item_id, sharedContext)
    const available = level.stocked_quantity - level.reserved_quantity
    const open = (await this.listStockAlerts(
      { inventory_item_id: level.inventory_item_id, location_id: level.location_id, resolved_at: null },
      {},
      sharedContext
    )) as unknown as StockAlertRecord[]
    const wanted: Record<StockAlertKind, boolean> = {
      low_stock: level.exists !== false && available <= threshold,
      out_of_stock: level.exists !== false && available <= 0,
    }
    const changes: AlertChanges = { opened: [], resolved: [] }
    for (const kind of Object.keys(wanted) as StockAlertKind[]) {
      const current = open.find((a) => a.kind === kind)
      if (wanted[kind] && !current) {
        const created = await this.createStockAlerts(
          {
            inventory_item_id: level.inventory_item_id,
            location_id: level.location_id,
            kind,
            available_quantity: available,
            threshold,
          },
          sharedContext
        )
        changes.opened.push(created as unknown as StockAlertRecord)
      } else if (!wanted[kind] && current) {
        const [resolved] = await this.updateStockAlerts(
          { selector: { id: current.id }, data: { resolved_at: new Date() } },
          sharedContext
        )
        changes.resolved.push(resolved as unknown as StockAlertRecord)
      }
    }
    return changes
  }

  /** Notes that `actor_id` is about to change the level, and why (see the admin middlewares). */
  async noteAdjustment(input: {
    inventory_item_id: string
    location_id: string
    actor_id: string
    reason?: StockMovementReason
    reference_type?: string | null
    reference_id?: string | null
  }) {
    return await this.createStockAdjustmentIntents({
      reason: "manual_adjustment",
      ...input,
      actor_type: "user",
      expires_at: new Date(Date.now() + INTENT_TTL_MS),
    })
  }

  /** Removes and returns the newest unexpired note for the item+location (and reason), if any. */
  @InjectManager()
  async takeAdjustmentIntent(
    inventoryItemId: string,
    locationId: string,
    reasons: StockMovementReason[] = ["manual_adjustment", "return_received"],
    @MedusaContext() sharedContext: Context = {}
  ) {
    const [intent] = await this.listStockAdjustmentIntents(
      {
        inventory_item_id: inventoryItemId,
        location_id: locationId,
        reason: reasons,
        expires_at: { $gt: new Date() },
      },
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
