/**
 * Product events as they are written, for modules that learn from them (recommendations): the
 * analytics store is the one ingestion path for storefront events, and it hands on only the
 * events it really inserted, so a redelivered batch reaches no listener twice.
 *
 * Listeners are kept on globalThis, like the sink: a module gets no handle on another module's
 * service when it is constructed, and both run in the same process.
 */
export type WrittenProductEvent = {
  /** The analytics event id (`aevt_…`): unique, a listener's idempotency key. */
  id: string
  name: string
  occurred_at: string
  session_key: string | null
  customer_id: string | null
  anonymous_id: string | null
  sales_channel_id: string | null
  product_id: string
}

export type WrittenEventsListener = (events: WrittenProductEvent[]) => void

const LISTENERS = Symbol.for("emporium.analytics.written-listeners")
type Holder = { [LISTENERS]?: Set<WrittenEventsListener> }

function listeners(): Set<WrittenEventsListener> {
  const holder = globalThis as Holder
  return (holder[LISTENERS] ??= new Set())
}

/** Returns the function that removes the listener. */
export function onProductEventsWritten(listener: WrittenEventsListener): () => void {
  listeners().add(listener)
  return () => listeners().delete(listener)
}

/** A listener that throws never fails the analytics write, which is already committed. */
export function emitProductEventsWritten(events: WrittenProductEvent[], onError: (error: unknown) => void): void {
  if (!events.length) return
  for (const listener of listeners()) {
    try {
      listener(events)
    } catch (error) {
      onError(error)
    }
  }
}
