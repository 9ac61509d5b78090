import type { FilterableOrderProps, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { STOCK_LEDGER_MODULE } from "../modules/stock-ledger"
import type StockLedgerModuleService from "../modules/stock-ledger/service"
import type { Attribution, StockDelta } from "../modules/stock-ledger/service"

export type LevelKey = { inventory_item_id: string; location_id: string }

/** What the triggering event tells about the change, when it is a reservation event. */
export type ReservationHint = { reservation_id: string }

type ReservationRow = { id: string; line_item_id?: string | null; created_at: Date | string; deleted_at?: Date | string | null }

/**
 * Brings the ledger of one item+location up to its current level. The lock makes the read of
 * the level, the read of the last entry and the insert one step per item+location: a second
 * event for the same pair waits and then sees the first one's entry, so no delta is counted twice.
 */
export async function syncStockLedger(
  container: MedusaContainer,
  key: LevelKey,
  hint?: ReservationHint
): Promise<void> {
  if (!isStockLedgerEnabled(container)) {
    return
  }
  const locking = container.resolve(Modules.LOCKING)
  const ledger = container.resolve<StockLedgerModuleService>(STOCK_LEDGER_MODULE)
  await withLedgerSlot(() => locking.execute(`stock-ledger:${key.inventory_item_id}:${key.location_id}`, async () => {
    const level = await currentLevel(container, key)
    const { exists: _exists, ...snapshot } = level
    const recorded = await ledger.recordLevel(snapshot, async (delta) => {
      try {
        return await attribute(container, key, delta, hint)
      } catch (error) {
        // The quantities matter more than the label: record the change unattributed.
        container.resolve(ContainerRegistrationKeys.LOGGER).warn(`stock ledger: could not attribute a change: ${error}`)
        return {}
      }
    })
    if (recorded) {
      await raiseStockAlerts(container, level)
    }
  }))
}

/**
 * Brings every pair whose ledger does not end at its current level up to date (recording the
 * difference and raising its alerts). Events are delivered at most once and a process can stop
 * before its subscribers ran (the demo seed runs in a short-lived `medusa exec`); this catches up.
 */
export async function reconcileStockLedger(
  container: MedusaContainer,
  { pageSize = 500 }: { pageSize?: number } = {}
): Promise<{ checked: number; synced: number }> {
  if (!isStockLedgerEnabled(container)) {
    return { checked: 0, synced: 0 }
  }
  const inventory = container.resolve(Modules.INVENTORY)
  const ledger = container.resolve<StockLedgerModuleService>(STOCK_LEDGER_MODULE)
  let checked = 0
  let synced = 0
  for (let skip = 0; ; skip += pageSize) {
    const levels = await inventory.listInventoryLevels(
      {},
      { select: ["id", "inventory_item_id", "location_id", "stocked_quantity", "reserved_quantity"], take: pageSize, skip, order: { id: "ASC" } }
    )
    if (!levels.length) break
    const recorded = await ledger.lastRecordedLevels([...new Set(levels.map((l) => l.inventory_item_id))])
    const stale = levels.filter((l) => {
      const last = recorded.get(`${l.inventory_item_id}:${l.location_id}`)
      return (
        Number(last?.stocked_quantity ?? 0) !== Number(l.stocked_quantity) ||
        Number(last?.reserved_quantity ?? 0) !== Number(l.reserved_quantity)
      )
    })
    checked += levels.length
    for (const level of stale) {
      await syncStockLedger(container, { inventory_item_id: level.inventory_item_id, location_id: level.location_id })
      synced++
    }
    if (levels.length < pageSize) break
  }
  return { checked, synced }
}

/** Re-judges one item+location against its threshold now (after a threshold change). */
export async function syncStockAlerts(container: MedusaContainer, key: LevelKey): Promise<void> {
  if (!isStockLedgerEnabled(container)) {
    return
  }
  const locking = container.resolve(Modules.LOCKING)
  await withLedgerSlot(() =>
    locking.execute(`stock-ledger:${key.inventory_item_id}:${key.location_id}`, async () => {
      await raiseStockAlerts(container, await currentLevel(container, key))
    })
  )
}

export const StockAlertEvents = {
  LOW_STOCK: "inventory.low_stock",
  OUT_OF_STOCK: "inventory.out_of_stock",
} as const

/**
 * Opens and resolves the pair's alerts and emits one event per opened alert. The alert rows
 * are the stored history (GET /admin/low-stock); the notifications plugin subscribes to the events.
 */
async function raiseStockAlerts(container: MedusaContainer, level: LevelSnapshotWithPresence): Promise<void> {
  const ledger = container.resolve<StockLedgerModuleService>(STOCK_LEDGER_MODULE)
  const { opened } = await ledger.evaluateStockAlerts(level)
  if (!opened.length) {
    return
  }
  await container.resolve(Modules.EVENT_BUS).emit(
    opened.map((alert) => ({
      name: alert.kind === "out_of_stock" ? StockAlertEvents.OUT_OF_STOCK : StockAlertEvents.LOW_STOCK,
      data: {
        id: alert.id,
        inventory_item_id: alert.inventory_item_id,
        location_id: alert.location_id,
        available_quantity: Number(alert.available_quantity),
        threshold: Number(alert.threshold),
      },
    }))
  )
}

/**
 * At most LEDGER_CONCURRENCY ledger syncs run at once in this process. A burst of inventory
 * events (the demo seed creates ~950 levels, a flash sale reserves hundreds at once) would
 * otherwise start one lock + transaction each; with locking-postgres every waiting lock holds
 * a pooled connection, the pool runs dry and checkouts and the seed itself time out.
 */
const LEDGER_CONCURRENCY = 2
let running = 0
const waiting: (() => void)[] = []

async function withLedgerSlot<T>(job: () => Promise<T>): Promise<T> {
  if (running >= LEDGER_CONCURRENCY) {
    await new Promise<void>((resolve) => waiting.push(resolve))
  } else {
    running++
  }
  try {
    return await job()
  } finally {
    // Hand the slot straight to the next job, or free it.
    const next = waiting.shift()
    if (next) next()
    else running--
  }
}

/** EMPORIUM_VANILLA (the bench's baseline) runs the same subscribers without Emporium's modules. */
export function isStockLedgerEnabled(container: MedusaContainer): boolean {
  return container.hasRegistration(STOCK_LEDGER_MODULE)
}

type LevelSnapshotWithPresence = LevelKey & { stocked_quantity: number; reserved_quantity: number; exists: boolean }

async function currentLevel(container: MedusaContainer, key: LevelKey): Promise<LevelSnapshotWithPresence> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "inventory_level",
    fields: ["stocked_quantity", "reserved_quantity"],
    filters: { inventory_item_id: key.inventory_item_id, location_id: key.location_id },
  })
  // A deleted level holds nothing: the ledger closes at 0/0.
  const row = data[0]
  return {
    ...key,
    exists: !!row,
    stocked_quantity: Number(row?.stocked_quantity ?? 0),
    reserved_quantity: Number(row?.reserved_quantity ?? 0),
  }
}

/**
 * Reason, actor and reference, from facts only: an admin's note left by the route middleware,
 * or the reservation that moved the reserved quantity and the order of its line item.
 * Anything else stays `other`/`system` rather than a guess.
 */
async function attribute(
  container: MedusaContainer,
  key: LevelKey,
  delta: StockDelta,
  hint?: ReservationHint
): Promise<Attribution> {
  const ledger = container.resolve<StockLedgerModuleService>(STOCK_LEDGER_MODULE)
  if (delta.stocked_delta !== 0 && delta.reserved_delta === 0) {
    // An admin's edit of the level, or a return being received into the location.
    const intent = await ledger.takeAdjustmentIntent(key.inventory_item_id, key.location_id)
    return intent
      ? {
          reason: intent.reason,
          actor_type: "user",
          actor_id: intent.actor_id,
          reference_type: intent.reference_type,
          reference_id: intent.reference_id,
        }
      : {}
  }

  const reservation = await findReservation(container, key, delta, hint)
  const order = reservation?.line_item_id ? await orderOfLineItem(container, reservation.line_item_id) : null
  const reference = order
    ? { reference_type: "order", reference_id: order.id }
    : reservation
      ? { reference_type: "reservation", reference_id: reservation.id }
      : {}

  if (delta.stocked_delta < 0 && delta.reserved_delta < 0) {
    // Medusa ships (creates a fulfillment) by taking stock and releasing the reservation at once.
    return { reason: "fulfillment_shipped", ...reference }
  }
  if (delta.stocked_delta === 0 && delta.reserved_delta > 0 && order) {
    return {
      reason: "order_placed",
      actor_type: order.customer_id ? "customer" : "system",
      actor_id: order.customer_id ?? null,
      ...reference,
    }
  }
  if (delta.stocked_delta === 0 && delta.reserved_delta < 0 && order?.status === "canceled") {
    // Who canceled: the note the admin cancel route left, when it was an admin.
    const intent = await ledger.takeAdjustmentIntent(key.inventory_item_id, key.location_id, ["order_canceled"])
    const actor = intent?.reference_id === order.id ? { actor_type: "user" as const, actor_id: intent.actor_id } : {}
    return { reason: "order_canceled", ...actor, ...reference }
  }
  return reference
}

/**
 * The reservation behind a reserved-only change: the event's own when it was a reservation
 * event, otherwise (the level event won the race) the newest reservation of the pair created
 * (or deleted) since the last entry.
 */
async function findReservation(
  container: MedusaContainer,
  key: LevelKey,
  delta: StockDelta,
  hint?: ReservationHint
): Promise<ReservationRow | null> {
  const inventory = container.resolve(Modules.INVENTORY)
  if (hint) {
    const [own] = await inventory.listReservationItems({ id: hint.reservation_id }, { withDeleted: true })
    return own ?? null
  }
  if (delta.reserved_delta === 0) {
    return null
  }
  const since = delta.since ?? new Date(0)
  const changedSince = delta.reserved_delta > 0 ? { created_at: { $gte: since } } : { deleted_at: { $gte: since } }
  const [newest] = await inventory.listReservationItems(
    { inventory_item_id: key.inventory_item_id, location_id: key.location_id, ...changedSince },
    { withDeleted: true, take: 1, order: { [delta.reserved_delta > 0 ? "created_at" : "deleted_at"]: "DESC" } }
  )
  return newest ?? null
}

async function orderOfLineItem(container: MedusaContainer, lineItemId: string) {
  // The Order Module joins orders to line items through order_item, which Query's schema does
  // not expose; the module's own list filters through the relation.
  // FilterableOrderProps does not declare relation filters; the module passes them to the ORM,
  // where an order's `items` are its line items.
  const byLineItem: FilterableOrderProps & { items: { id: string } } = { items: { id: lineItemId } }
  const orders = await container.resolve(Modules.ORDER).listOrders(
    byLineItem,
    { select: ["id", "status", "customer_id"], take: 1 }
  )
  const order = orders[0]
  return order ? { id: order.id, status: String(order.status), customer_id: order.customer_id ?? null } : null
}
