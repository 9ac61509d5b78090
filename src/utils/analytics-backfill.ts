import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { syncCartFacts, syncOrderFacts, syncRefundFacts, syncRegistrations } from "./analytics-facts"

const PAGE = 200

export type BackfillResult = { orders: number; refunds: number; carts: number; registrations: number }

/**
 * Imports what happened before the analytics module was installed (or while its subscribers
 * were not running): every order, refund, cart and registered customer, page by page. Safe to
 * run any number of times: every fact is upserted by its Medusa id.
 */
export async function backfillAnalytics(container: MedusaContainer): Promise<BackfillResult> {
  const orders = await eachPage(container, "order", { is_draft_order: false }, async (ids) => (await syncOrderFacts(container, ids)).length)
  const paymentIds = new Set(await allIds(container, "refund", {}, "payment_id"))
  let refunds = 0
  for (let i = 0; i < paymentIds.size; i += PAGE) {
    refunds += (await syncRefundFacts(container, [...paymentIds].slice(i, i + PAGE))).length
  }
  const carts = await eachPage(container, "cart", {}, async (ids) => (await syncCartFacts(container, ids)).length)
  const registrations = await eachPage(container, "customer", { has_account: true }, async (ids) => (await syncRegistrations(container, ids)).length)
  return { orders, refunds, carts, registrations }
}

async function eachPage(
  container: MedusaContainer,
  entity: string,
  filters: Record<string, unknown>,
  handle: (ids: string[]) => Promise<number>
): Promise<number> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  let done = 0
  for (let skip = 0; ; skip += PAGE) {
    const { data } = await query.graph({ entity, fields: ["id"], filters, pagination: { skip, take: PAGE, order: { id: "ASC" } } })
    if (!data.length) {
      return done
    }
    done += await handle((data as { id: string }[]).map((r) => r.id))
    if (data.length < PAGE) {
      return done
    }
  }
}

async function allIds(container: MedusaContainer, entity: string, filters: Record<string, unknown>, field: string): Promise<string[]> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const ids: string[] = []
  for (let skip = 0; ; skip += PAGE) {
    const { data } = await query.graph({ entity, fields: [field], filters, pagination: { skip, take: PAGE, order: { id: "ASC" } } })
    ids.push(...(data as Record<string, string>[]).map((r) => r[field]))
    if (data.length < PAGE) {
      return ids
    }
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
  const orders = await eachPage(container, "order", { is_draft_order: false, updated_at: { $gte: since } }, async (ids) => (await syncOrderFacts(container, ids)).length)
  const paymentIds = [...new Set(await allIds(container, "refund", { created_at: { $gte: since } }, "payment_id"))]
  let refunds = 0
  for (let i = 0; i < paymentIds.length; i += PAGE) {
    refunds += (await syncRefundFacts(container, paymentIds.slice(i, i + PAGE))).length
  }
  const registrations = await eachPage(container, "customer", { has_account: true, created_at: { $gte: since } }, async (ids) => (await syncRegistrations(container, ids)).length)
  return { orders, refunds, registrations }
}
