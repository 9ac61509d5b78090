import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/postgresql"
import type { Context } from "@medusajs/framework/types"
import { InjectManager, InjectTransactionManager, MedusaContext, MedusaError, MedusaService } from "@medusajs/framework/utils"
import { carrierAdapter } from "./carriers/registry"
import type { TrackingUpdate } from "./carriers/types"
import TransportCarrier from "./models/transport-carrier"
import TransportRate from "./models/transport-rate"
import TransportServiceLevel from "./models/transport-service-level"
import TransportShipment, { type ShipmentStatus } from "./models/transport-shipment"
import TransportSurcharge from "./models/transport-surcharge"
import TransportTrackingEvent from "./models/transport-tracking-event"
import TransportWeightDefault from "./models/transport-weight-default"
import TransportZone from "./models/transport-zone"
import { quoteParcel } from "./rates/engine"
import type { QuoteRequest, QuoteResult, RateTable } from "./rates/types"
import { rateTableProblems } from "./rates/validate"
import { loadRateTable, writeRateTable } from "./rates/store"
import { applyTrackingUpdate, type AppliedUpdate } from "./tracking"

/** Module options (src/config/medusa.ts). */
export type TransportModuleOptions = {
  /** How long a process reuses the rate table it read. Default 5000 ms; edits in this process apply at once. */
  rate_table_ttl_ms?: number
}

/** Emitted for every accepted tracking event; the payload carries ids only. */
export const TRACKING_UPDATED_EVENT = "transport.tracking.updated"
/** Emitted when a carrier reports a failed delivery or a return to sender. */
export const SHIPMENT_EXCEPTION_EVENT = "transport.shipment.exception"

export default class TransportModuleService extends MedusaService({
  TransportCarrier,
  TransportServiceLevel,
  TransportZone,
  TransportRate,
  TransportSurcharge,
  TransportWeightDefault,
  TransportShipment,
  TransportTrackingEvent,
}) {
  private readonly ttlMs_: number
  private table_: { value: RateTable; at: number } | null = null

  constructor(container: Record<string, unknown>, options: TransportModuleOptions = {}) {
    // eslint-disable-next-line prefer-rest-params
    super(...arguments)
    this.ttlMs_ = options.rate_table_ttl_ms ?? 5000
  }

  /** The whole rate table, as the admin edits it (no webhook secrets). */
  async getRateTable(): Promise<RateTable> {
    if (this.table_ && Date.now() - this.table_.at < this.ttlMs_) {
      return this.table_.value
    }
    const value = await this.readRateTable_()
    this.table_ = { value, at: Date.now() }
    return value
  }

  @InjectManager()
  protected async readRateTable_(@MedusaContext() context: Context = {}): Promise<RateTable> {
    return loadRateTable(context.manager as SqlEntityManager)
  }

  /**
   * Replaces the rate table in one transaction: readers see the old table or the new one.
   * Carriers are matched by code, so their webhook secrets survive an edit.
   */
  async replaceRateTable(table: RateTable): Promise<RateTable> {
    const problems = rateTableProblems(table)
    const unknownCarriers = table.carriers.filter((carrier) => !carrierAdapter(carrier.code))
    for (const carrier of unknownCarriers) {
      problems.push(`Carrier "${carrier.code}" has no adapter installed.`)
    }
    if (problems.length) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, problems.join(" "))
    }
    await this.writeRateTable_(table)
    this.table_ = null
    return this.getRateTable()
  }

  @InjectTransactionManager()
  protected async writeRateTable_(table: RateTable, @MedusaContext() context: Context = {}): Promise<void> {
    await writeRateTable(context.transactionManager as SqlEntityManager, table)
  }

  /** Prices a parcel with the current table. Never returns a zero price for something that cannot ship. */
  async quote(request: QuoteRequest): Promise<QuoteResult> {
    return quoteParcel(await this.getRateTable(), request)
  }

  /** Sets (or clears, with null) a carrier's webhook secret. The secret is never read back by the API. */
  async setWebhookSecret(carrierCode: string, secret: string | null): Promise<void> {
    const [carrier] = await this.listTransportCarriers({ code: carrierCode }, { select: ["id"] })
    if (!carrier) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Carrier "${carrierCode}" does not exist.`)
    }
    await this.updateTransportCarriers({ id: carrier.id, webhook_secret: secret })
    // The cached table carries has_webhook_secret.
    this.table_ = null
  }

  /** What the webhook route needs: the secret and tolerance, or null for an unknown carrier. */
  async webhookSettings(carrierCode: string): Promise<{ secret: string | null; tolerance_seconds: number } | null> {
    const [carrier] = await this.listTransportCarriers(
      { code: carrierCode },
      { select: ["webhook_secret", "webhook_tolerance_seconds"] }
    )
    return carrier ? { secret: carrier.webhook_secret ?? null, tolerance_seconds: carrier.webhook_tolerance_seconds } : null
  }

  /**
   * Stores carrier events and moves shipments forward, each in its own transaction. A replayed
   * event id changes nothing; a late event joins the timeline but never moves a shipment back.
   */
  async recordTrackingUpdates(carrierCode: string, updates: TrackingUpdate[]): Promise<AppliedUpdate[]> {
    const applied: AppliedUpdate[] = []
    for (const update of updates) {
      applied.push(await this.recordTrackingUpdate_(carrierCode, update))
    }
    return applied
  }

  @InjectTransactionManager()
  protected async recordTrackingUpdate_(
    carrierCode: string,
    update: TrackingUpdate,
    @MedusaContext() context: Context = {}
  ): Promise<AppliedUpdate> {
    return applyTrackingUpdate(context.transactionManager as SqlEntityManager, carrierCode, update)
  }

  /** Marks a shipment voided (its fulfillment was canceled); tracking events for it are still stored. */
  async voidShipment(shipmentId: string): Promise<void> {
    const shipment = await this.retrieveTransportShipment(shipmentId)
    if (shipment.voided_at) {
      return
    }
    await carrierAdapter(shipment.carrier_code)?.voidShipment({ tracking_number: shipment.tracking_number })
    await this.updateTransportShipments({ id: shipmentId, status: "voided" as ShipmentStatus, voided_at: new Date() })
  }
}
