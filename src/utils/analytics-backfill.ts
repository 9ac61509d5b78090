import type { MedusaContainer } from "@medusajs/framework/types"
import { syncCartFacts, syncOrderFacts, syncRefundFacts, syncRegistrations } from "./analytics-facts"
import { eachPage, PAGE } from "./each-page"

type Filters = Record<string, unknown>

export type BackfillResult = { orders: number; refunds: number; carts: number; registrations: number }

/**
 * Imports what happened before the analytics module was installed (or while its subscribers
 * were not running): every order, refund, cart and registered customer, page by page. Safe to
 * run any number of times: every fact is upserted by its Medusa id.
 */
export async function backfillAnalytics(container: MedusaContainer): Promise<BackfillResult> {
  return {
    orders: await syncOrders(container, {}),
    refunds: await syncRefunds(container, {}),
    carts: await eachPageOf(container, "cart", {}, "id", async (ids) => (await syncCartFacts(container, ids)).length),
    registrations: await syncAccounts(container, {}),
  }
}

export type CatchUpResult = { orders: number; refunds: number; registrations: number }

/**
 * What changed in the last `lookbackMs`: orders updated (edits, claims and cancellations change
 * totals, and not every path emits an event the subscribers hear), refunds made (an order
 * cancellation refunds without `payment.refunded`) and accounts registered. Run by a job every
 * ten minutes over the last thirty, so one missed run loses nothing either. Idempotent.
 */
export async function catchUpAnalytics(container: MedusaContainer, lookbackMs = 30 * 60_000): Promise<CatchUpResult> {
  const since = new Date(Date.now() - lookbackMs)
  return {
    orders: await syncOrders(container, { updated_at: { $gte: since } }),
    refunds: await syncRefunds(container, { created_at: { $gte: since } }),
    registrations: await syncAccounts(container, { created_at: { $gte: since } }),
  }
}

const syncOrders = (container: MedusaContainer, filters: Filters) =>
  eachPageOf(container, "order", { is_draft_order: false, ...filters }, "id", async (ids) => (await syncOrderFacts(container, ids)).length)

const syncAccounts = (container: MedusaContainer, filters: Filters) =>
  eachPageOf(container, "customer", { has_account: true, ...filters }, "id", async (ids) => (await syncRegistrations(container, ids)).length)

/** Refunds hang off payments: the payments of the matching refunds are synced, each once. */
async function syncRefunds(container: MedusaContainer, filters: Filters): Promise<number> {
  const paymentIds = new Set<string>()
  await eachPageOf(container, "refund", filters, "payment_id", async (ids) => {
    ids.forEach((id) => paymentIds.add(id))
    return 0
  })
  const ids = [...paymentIds]
  let refunds = 0
  for (let i = 0; i < ids.length; i += PAGE) {
    refunds += (await syncRefundFacts(container, ids.slice(i, i + PAGE))).length
  }
  return refunds
}

/** The `field` values of each page of `entity`, handed to `handle`. */
const eachPageOf = (
  container: MedusaContainer,
  entity: string,
  filters: Filters,
  field: string,
  handle: (values: string[]) => Promise<number>
) => eachPage<Record<string, string>>(container, entity, [field], filters, (rows) => handle(rows.map((r) => r[field])))
