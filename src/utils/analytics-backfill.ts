import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { syncCartFacts, syncOrderFacts, syncRefundFacts, syncRegistrations } from "./analytics-facts"

const PAGE = 200

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
    carts: await eachPage(container, "cart", {}, "id", async (ids) => (await syncCartFacts(container, ids)).length),
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
  eachPage(container, "order", { is_draft_order: false, ...filters }, "id", async (ids) => (await syncOrderFacts(container, ids)).length)

const syncAccounts = (container: MedusaContainer, filters: Filters) =>
  eachPage(container, "customer", { has_account: true, ...filters }, "id", async (ids) => (await syncRegistrations(container, ids)).length)

/** Refunds hang off payments: the payments of the matching refunds are synced, each once. */
async function syncRefunds(container: MedusaContainer, filters: Filters): Promise<number> {
  const paymentIds = new Set<string>()
  await eachPage(container, "refund", filters, "payment_id", async (ids) => {
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

/** Pages through `entity` (by id), handing each page's `field` values to `handle`; returns the sum of what it returned. */
async function eachPage(
  container: MedusaContainer,
  entity: string,
  filters: Filters,
  field: string,
  handle: (values: string[]) => Promise<number>
): Promise<number> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  let done = 0
  for (let skip = 0; ; skip += PAGE) {
    const { data } = await query.graph({ entity, fields: [field], filters, pagination: { skip, take: PAGE, order: { id: "ASC" } } })
    if (data.length) {
      done += await handle((data as Record<string, string>[]).map((r) => r[field]))
    }
    if (data.length < PAGE) {
      return done
    }
  }
}
