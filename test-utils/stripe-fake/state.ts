/**
 * In-memory "account": object stores, the event log and the context of the API request
 * being executed (Stripe stamps events with the request id and idempotency key).
 */
import { clone, newId, now } from "./ids"
import { paramError, resourceMissing } from "./errors"
import type { StripeEvent } from "./types"

export const API_VERSION = "2024-04-10"

/** id prefix → [store name, Stripe object name used in "No such …" messages] */
const PREFIXES: Record<string, [keyof Stores, string]> = {
  pi: ["paymentIntents", "payment_intent"],
  ch: ["charges", "charge"],
  py: ["charges", "charge"],
  re: ["refunds", "refund"],
  cus: ["customers", "customer"],
  pm: ["paymentMethods", "payment_method"],
  seti: ["setupIntents", "setup_intent"],
  dp: ["disputes", "dispute"],
  evt: ["events", "event"],
}

interface Stores {
  paymentIntents: Map<string, any>
  charges: Map<string, any>
  refunds: Map<string, any>
  customers: Map<string, any>
  paymentMethods: Map<string, any>
  setupIntents: Map<string, any>
  disputes: Map<string, any>
  events: Map<string, any>
}

export interface RequestContext {
  id: string | null
  idempotency_key: string | null
}

export class FakeState implements Stores {
  paymentIntents = new Map<string, any>()
  charges = new Map<string, any>()
  refunds = new Map<string, any>()
  customers = new Map<string, any>()
  paymentMethods = new Map<string, any>()
  setupIntents = new Map<string, any>()
  disputes = new Map<string, any>()
  events = new Map<string, any>()
  /** events in creation order */
  eventLog: StripeEvent[] = []
  /** test control: how many of the next API requests fail as during a Stripe outage */
  outageRequests = 0
  /** fake-only bookkeeping per object id, never serialized (e.g. which test card a pm_ is) */
  internal = new Map<string, any>()
  /** the request currently executing; handlers are synchronous so a plain field is safe */
  request: RequestContext = { id: null, idempotency_key: null }
  baseUrl = ""
  onEvent: (event: StripeEvent) => void = () => {}

  meta(id: string): any {
    let m = this.internal.get(id)
    if (!m) this.internal.set(id, (m = {}))
    return m
  }

  /** Run `fn` as if caused by a request (or by Stripe/dashboard/customer when id is null). */
  withRequest<T>(ctx: RequestContext, fn: () => T): T {
    const previous = this.request
    this.request = ctx
    try {
      return fn()
    } finally {
      this.request = previous
    }
  }

  /** Look up any object by id (used by `expand`). */
  find(id: string): any | undefined {
    const entry = PREFIXES[id.split("_")[0]]
    return entry ? this[entry[0]].get(id) : undefined
  }

  /** Look up an object in a store or throw Stripe's 404 resource_missing. */
  get(store: keyof Stores, id: string, param = "id"): any {
    const found = this[store].get(id)
    if (!found || found.deleted) {
      const kind = Object.values(PREFIXES).find(([s]) => s === store)![1]
      throw resourceMissing(kind, id, param)
    }
    return found
  }

  /**
   * Stripe API reference, "The Event object": data.object is a snapshot of the object at
   * the time of the event; previous_attributes lists changed values for *.updated-like events.
   */
  emit(type: string, object: any, previousAttributes?: Record<string, any>): StripeEvent {
    const event: StripeEvent = {
      id: newId("evt"),
      object: "event",
      api_version: API_VERSION,
      created: now(),
      data: previousAttributes ? { object: clone(object), previous_attributes: previousAttributes } : { object: clone(object) },
      livemode: false,
      pending_webhooks: 1,
      request: { ...this.request },
      type,
    }
    this.events.set(event.id, event)
    this.eventLog.push(event)
    this.onEvent(event)
    return event
  }
}

/**
 * Stripe API reference, "Expanding responses": `expand[]` takes dotted paths; a string id
 * at that path is replaced by the object. Lists use `data.<field>`.
 */
export function expand(state: FakeState, object: any, paths: string[] | undefined): any {
  const out = clone(object)
  for (const path of paths ?? []) expandPath(state, out, path.split("."), path)
  return out
}

function expandPath(state: FakeState, target: any, parts: string[], full: string): void {
  if (target === null || typeof target !== "object" || parts.length === 0) return
  const [head, ...rest] = parts
  if (Array.isArray(target)) {
    target.forEach((item) => expandPath(state, item, parts, full))
    return
  }
  if (!(head in target)) throw paramError(`This property cannot be expanded (${head}).`, "expand")
  let value = target[head]
  if (typeof value === "string") {
    const found = state.find(value)
    if (!found) throw paramError(`This property cannot be expanded (${head}).`, "expand")
    value = target[head] = clone(found)
  }
  if (rest.length) expandPath(state, value, rest, full)
}

/**
 * Stripe API reference, "Pagination": newest first, `limit` 1–100 (default 10),
 * `starting_after` / `ending_before` cursors, `has_more`.
 */
export function listObject(items: any[], params: Record<string, any>, url: string): any {
  const limitRaw = params.limit
  let limit = 10
  if (limitRaw !== undefined) {
    if (!/^\d+$/.test(String(limitRaw)) || Number(limitRaw) < 1 || Number(limitRaw) > 100) {
      throw paramError("Invalid integer: must be between 1 and 100", "limit", "parameter_invalid_integer")
    }
    limit = Number(limitRaw)
  }
  let slice = items
  if (params.starting_after) {
    const i = items.findIndex((o) => o.id === params.starting_after)
    if (i < 0) throw resourceMissing("object", String(params.starting_after), "starting_after")
    slice = items.slice(i + 1)
  } else if (params.ending_before) {
    const i = items.findIndex((o) => o.id === params.ending_before)
    if (i < 0) throw resourceMissing("object", String(params.ending_before), "ending_before")
    slice = items.slice(Math.max(0, i - limit), i)
  }
  return { object: "list", data: slice.slice(0, limit).map(clone), has_more: slice.length > limit, url }
}

/** Stored objects newest first (Stripe list order). */
export function newestFirst(map: Map<string, any>): any[] {
  return [...map.values()].reverse()
}
