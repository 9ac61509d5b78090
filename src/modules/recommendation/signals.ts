import type { WrittenProductEvent } from "../analytics/written-events"
import type { SignalKind } from "./models/recommendation-signal"

/** One interaction to record (see RecommendationSignal). */
export type SignalInput = {
  event_key: string
  kind: SignalKind
  product_id: string
  customer_id?: string | null
  anonymous_id?: string | null
  session_key?: string | null
  order_id?: string | null
  occurred_at?: Date | string
  /** Defaults to the module's weight for the kind. */
  weight?: number
}

export type SignalRow = Required<Omit<SignalInput, "occurred_at">> & { occurred_at: string }

export type SignalWeights = Record<SignalKind, number>

/** How much each interaction says about interest; a purchase says most. */
export const DEFAULT_WEIGHTS: SignalWeights = { view: 1, wishlist: 2, cart: 3, review: 4, purchase: 5 }

/** Analytics event names the models learn from, and what each one is. */
export const ANALYTICS_SIGNALS: Record<string, SignalKind> = {
  product_viewed: "view",
  product_wishlisted: "wishlist",
  product_reviewed: "review",
}

export function toSignalRow(input: SignalInput, weights: SignalWeights, now = new Date()): SignalRow {
  const at = input.occurred_at ? new Date(input.occurred_at) : now
  return {
    event_key: input.event_key,
    kind: input.kind,
    product_id: input.product_id,
    customer_id: input.customer_id ?? null,
    anonymous_id: input.anonymous_id ?? null,
    session_key: input.session_key ?? null,
    order_id: input.order_id ?? null,
    weight: input.weight ?? weights[input.kind],
    occurred_at: (Number.isNaN(at.getTime()) ? now : at).toISOString(),
  }
}

/** Analytics product events the models use, as signals keyed by the analytics event id. */
export function signalsFromAnalytics(events: WrittenProductEvent[]): SignalInput[] {
  const signals: SignalInput[] = []
  for (const event of events) {
    const kind = ANALYTICS_SIGNALS[event.name]
    if (!kind || !event.product_id) continue
    signals.push({
      event_key: `analytics:${event.id}`,
      kind,
      product_id: event.product_id,
      customer_id: event.customer_id,
      anonymous_id: event.anonymous_id,
      session_key: event.session_key,
      occurred_at: event.occurred_at,
    })
  }
  return signals
}
