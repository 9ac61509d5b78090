import type { Logger, ProviderIdentifyAnalyticsEventDTO, ProviderTrackAnalyticsEventDTO } from "@medusajs/framework/types"
import { AbstractAnalyticsProviderService } from "@medusajs/framework/utils"
import type { TrackInput } from "../../events"
import { analyticsSink } from "../../sink"

/**
 * Medusa Analytics Module provider: `analytics.track()` and `identify()` become events in
 * Emporium's store (source `provider`), next to the storefront's and the server's.
 * `actor_id` is taken as the customer; a `group` and the `properties` are kept as properties.
 * An `event_key` or `session_id` / `anonymous_id` in `properties` are honoured like the
 * storefront's (idempotency and funnel sessions).
 */
export class EmporiumAnalyticsProviderService extends AbstractAnalyticsProviderService {
  static identifier = "emporium"
  protected readonly logger_: Logger

  constructor({ logger }: { logger: Logger }) {
    super()
    this.logger_ = logger
  }

  async track(data: ProviderTrackAnalyticsEventDTO): Promise<void> {
    const properties: Record<string, unknown> = { ...(data.properties ?? {}), ...(data.group ? { group: data.group } : {}) }
    this.forward({
      name: data.event,
      source: "provider",
      customer_id: data.actor_id ?? null,
      event_key: stringOrNull(properties.event_key),
      session_id: stringOrNull(properties.session_id),
      anonymous_id: stringOrNull(properties.anonymous_id),
      product_id: stringOrNull(properties.product_id),
      cart_id: stringOrNull(properties.cart_id),
      order_id: stringOrNull(properties.order_id),
      properties,
    })
  }

  async identify(data: ProviderIdentifyAnalyticsEventDTO): Promise<void> {
    const group = "group" in data ? data.group : undefined
    this.forward({
      name: group ? "group_identified" : "actor_identified",
      source: "provider",
      customer_id: data.actor_id ?? null,
      properties: { ...(data.properties ?? {}), ...(group ? { group } : {}) },
    })
  }

  private forward(event: TrackInput): void {
    const sink = analyticsSink()
    if (!sink) {
      // Only when the emporium_analytics module is not loaded (vanilla mode): say so once per call site.
      this.logger_.warn("analytics: emporium_analytics module is not loaded, event dropped")
      return
    }
    sink.track(event)
  }
}

const stringOrNull = (value: unknown): string | null => (typeof value === "string" && value ? value : null)
