import type { TrackInput } from "./events"

/** What the Analytics Module provider needs: somewhere to put an event. */
export type AnalyticsSink = { track(events: TrackInput | TrackInput[]): number }

/**
 * Medusa gives a module provider only its own module's container, so the provider cannot
 * resolve this module. The module registers itself here when it is constructed (once per
 * process), and the provider looks it up on every call.
 */
const SINK = Symbol.for("emporium.analytics.sink")

type Holder = { [SINK]?: AnalyticsSink }

export function registerAnalyticsSink(sink: AnalyticsSink): void {
  ;(globalThis as Holder)[SINK] = sink
}

export function analyticsSink(): AnalyticsSink | undefined {
  return (globalThis as Holder)[SINK]
}
