import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { TRANSPORT_MODULE } from "../../../../modules/transport"
import { carrierAdapter } from "../../../../modules/transport/carriers/registry"
import { WebhookPayloadError, WebhookSignatureError, type CarrierAdapter, type TrackingUpdate } from "../../../../modules/transport/carriers/types"
import type TransportModuleService from "../../../../modules/transport/service"
import type { AppliedUpdate } from "../../../../modules/transport/tracking"
import { trackingHub } from "../../../../modules/transport/tracking-hub"
import { syncOrderWithShipmentWorkflow } from "../../../../workflows/transport/sync-order-with-shipment"
import { CarrierCodeParam } from "../validators"

type ShipmentAnswer = { id: string; tracking_number: string; status: string }

/**
 * POST /hooks/transport/:carrier — a carrier's tracking webhook. Order of checks: the carrier
 * exists (404), has a secret (401), signed this exact body recently (401), sent a body we
 * understand (400), about a parcel we booked (404). Then the events are stored (a replayed event
 * id changes nothing), Medusa's order is brought in line, and open storefront streams are told.
 */
export async function POST(req: MedusaRequest, res: MedusaResponse) {
  const logger = req.scope.resolve(ContainerRegistrationKeys.LOGGER)
  const transport = req.scope.resolve<TransportModuleService>(TRANSPORT_MODULE)

  const param = CarrierCodeParam.safeParse(req.params)
  const adapter = param.success ? carrierAdapter(param.data.carrier) : undefined
  const settings = param.success && adapter ? await transport.webhookSettings(param.data.carrier) : null
  if (!param.success || !adapter || !settings) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, "Unknown carrier.")
  }
  const carrier = param.data.carrier
  if (!settings.secret) {
    logger.warn(`[transport] webhook from carrier "${carrier}" refused: set its webhook secret in the admin (POST /admin/transport/carriers/${carrier}/webhook-secret).`)
    throw new MedusaError(MedusaError.Types.UNAUTHORIZED, "Webhooks are not enabled for this carrier.")
  }

  const updates = parseSignedWebhook(req, adapter, settings.secret, settings.tolerance_seconds)
  const applied = await transport.recordTrackingUpdates(carrier, updates)

  const unknown = applied.filter((a) => a.outcome === "unknown_tracking_number")
  for (const { update } of unknown) {
    logger.warn(`[transport] ${carrier} webhook event ${update.event_id} names unknown tracking number ${update.tracking_number}; ignored.`)
  }
  if (unknown.length === applied.length) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, "Unknown tracking number.")
  }

  const known = applied.filter((a): a is AppliedUpdate & { shipment_id: string } => !!a.shipment_id)
  const failures: string[] = []
  for (const update of known) {
    // The event is stored whatever happens next; a failed sync answers 500 so the carrier
    // retries, and the retry (a duplicate) repairs the order.
    try {
      await syncOrder(req, update)
    } catch (error) {
      failures.push((error as Error).message)
      logger.error(`[transport] tracking event ${update.update.event_id} stored, but updating order ${update.order_id} failed: ${(error as Error).message}`)
    }
    if (update.outcome === "recorded") {
      // Live streams are a courtesy: a storefront that misses one refetches the timeline.
      await announce(req, update).catch((error: Error) => logger.warn(`[transport] live tracking not announced: ${error.message}`))
    }
  }
  if (failures.length) {
    res.status(500).json({ type: "unknown_error", message: "Tracking stored; updating the order failed. Retry the webhook." })
    return
  }

  res.json({
    received: true,
    duplicate: known.every((a) => a.outcome === "duplicate"),
    shipments: await shipmentAnswers(transport, known),
    ...(unknown.length ? { unknown_tracking_numbers: unknown.map((a) => a.update.tracking_number) } : {}),
  })
}

/** Verifies and parses: signature problems are 401s, payload problems (only after a valid signature) 400s. */
function parseSignedWebhook(
  req: MedusaRequest,
  adapter: CarrierAdapter,
  secret: string,
  toleranceSeconds: number
): TrackingUpdate[] {
  const rawBody = (req as MedusaRequest & { rawBody?: Buffer }).rawBody ?? Buffer.alloc(0)
  try {
    return adapter.parseWebhook({ raw_body: rawBody, headers: req.headers, secret, tolerance_seconds: toleranceSeconds, now: new Date() })
  } catch (error) {
    if (error instanceof WebhookSignatureError) {
      throw new MedusaError(MedusaError.Types.UNAUTHORIZED, `Invalid signature: ${error.message}`)
    }
    if (error instanceof WebhookPayloadError) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, error.message)
    }
    throw error
  }
}

async function syncOrder(req: MedusaRequest, update: AppliedUpdate & { shipment_id: string }) {
  const recorded = update.outcome === "recorded" && update.event_id ? { id: update.event_id, status: update.update.status } : null
  await syncOrderWithShipmentWorkflow(req.scope).run({ input: { shipment_id: update.shipment_id, recorded } })
}

/** Tells every process's open tracking streams of the order (see tracking-hub.ts). */
async function announce(req: MedusaRequest, update: AppliedUpdate) {
  if (!update.order_id || !update.shipment_id || !update.event_id) return
  const logger = req.scope.resolve(ContainerRegistrationKeys.LOGGER)
  const transport = req.scope.resolve<TransportModuleService>(TRANSPORT_MODULE)
  const shipment = await transport.retrieveTransportShipment(update.shipment_id, { select: ["tracking_number", "status"] })
  await trackingHub(logger).publish({
    order_id: update.order_id,
    shipment_id: update.shipment_id,
    tracking_number: shipment.tracking_number,
    shipment_status: shipment.status,
    event: {
      id: update.event_id,
      status: update.update.status,
      description: update.update.description,
      location: update.update.location,
      occurred_at: update.update.occurred_at.toISOString(),
    },
  })
}

async function shipmentAnswers(transport: TransportModuleService, applied: { shipment_id: string }[]): Promise<ShipmentAnswer[]> {
  const ids = [...new Set(applied.map((a) => a.shipment_id))]
  const shipments = await transport.listTransportShipments({ id: ids }, { select: ["id", "tracking_number", "status"] })
  return shipments.map(({ id, tracking_number, status }) => ({ id, tracking_number, status }))
}
