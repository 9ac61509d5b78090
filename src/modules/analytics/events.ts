import type { AnalyticsEventSource } from "./models/analytics-event"

/** Events a storefront may send to `POST /store/analytics/events`. */
export const STORE_EVENT_NAMES = [
  "page_view",
  "product_list_viewed",
  "product_viewed",
  "search_performed",
  "product_added_to_cart",
  "product_removed_from_cart",
  "checkout_started",
] as const

/** One event to record. Ids are copied into columns so reports and recommendations index them. */
export type TrackInput = {
  name: string
  source: AnalyticsEventSource
  occurred_at?: Date | string
  /** Makes a redelivery a no-op: the storefront's event id, or `<name>:<entity id>` server-side. */
  event_key?: string | null
  /** The funnel session the event belongs to; by default derived from session_id / anonymous_id. */
  session_key?: string | null
  anonymous_id?: string | null
  session_id?: string | null
  customer_id?: string | null
  sales_channel_id?: string | null
  product_id?: string | null
  cart_id?: string | null
  order_id?: string | null
  properties?: Record<string, unknown> | null
}

/** A row of `analytics_event` as the buffer writes it (the id is made by PostgreSQL on insert). */
export type EventRow = {
  name: string
  source: AnalyticsEventSource
  occurred_at: string
  event_key: string | null
  session_key: string | null
  anonymous_id: string | null
  session_id: string | null
  customer_id: string | null
  sales_channel_id: string | null
  product_id: string | null
  cart_id: string | null
  order_id: string | null
  properties: Record<string, unknown> | null
}

/** How far back a client's timestamp may place an event; older (or future) times become "now". */
export const MAX_EVENT_AGE_MS = 24 * 60 * 60 * 1000

export function toEventRow(input: TrackInput, now = new Date()): EventRow {
  const at = input.occurred_at ? new Date(input.occurred_at) : now
  const valid = !Number.isNaN(at.getTime()) && at.getTime() <= now.getTime() && now.getTime() - at.getTime() <= MAX_EVENT_AGE_MS
  return {
    name: input.name,
    source: input.source,
    occurred_at: (valid ? at : now).toISOString(),
    event_key: input.event_key ?? null,
    session_key: input.session_key !== undefined ? input.session_key : sessionKey(input),
    anonymous_id: input.anonymous_id ?? null,
    session_id: input.session_id ?? null,
    customer_id: input.customer_id ?? null,
    sales_channel_id: input.sales_channel_id ?? null,
    product_id: input.product_id ?? null,
    cart_id: input.cart_id ?? null,
    order_id: input.order_id ?? null,
    properties: input.properties ?? null,
  }
}

/** The funnel's unit: the storefront's session, else its visitor. Server events name theirs explicitly. */
export function sessionKey(input: Pick<TrackInput, "session_id" | "anonymous_id">): string | null {
  if (input.session_id) {
    return `s:${input.session_id}`
  }
  if (input.anonymous_id) {
    return `a:${input.anonymous_id}`
  }
  return null
}
