import { acquireLockStep, createOrderShipmentWorkflow, emitEventStep, markOrderFulfillmentAsDeliveredWorkflow, releaseLockStep, useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, when, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { SHIPMENT_EXCEPTION_EVENT, TRACKING_UPDATED_EVENT } from "../../modules/transport/service"
import { planOrderSync, type RecordedTrackingEvent, type ShipmentForSync } from "./plan-order-sync"
import { setOrderTransportExceptionStep } from "./steps/set-order-transport-exception"

export type SyncOrderWithShipmentInput = {
  shipment_id: string
  /** The tracking event just recorded; null when the webhook was a replay (the sync then only repairs). */
  recorded: RecordedTrackingEvent | null
}

export const syncOrderWithShipmentWorkflowId = "sync-order-with-shipment"

/**
 * Brings Medusa's order in line with a shipment after a carrier's tracking update: the
 * fulfillment is marked shipped (Medusa's createOrderShipmentWorkflow) once the parcel moves and
 * delivered (markOrderFulfillmentAsDeliveredWorkflow) once the carrier delivered it; a parcel in
 * trouble flags the order (`metadata.transport_exception`) and emits transport.shipment.exception;
 * every recorded event emits transport.tracking.updated.
 *
 * A workflow rather than a function: Medusa's two order workflows run as its steps, so if
 * delivery fails after shipping, or the flag cannot be written, what already ran is compensated,
 * and the events are only released when everything succeeded. A per-shipment lock keeps two
 * webhooks for one parcel (in transit and delivered, seconds apart) from both shipping it.
 */
export const syncOrderWithShipmentWorkflow = createWorkflow(
  syncOrderWithShipmentWorkflowId,
  (input: WorkflowData<SyncOrderWithShipmentInput>) => {
    const lockKey = transform({ input }, ({ input }) => `transport-sync:${input.shipment_id}`)
    acquireLockStep({ key: lockKey, timeout: 15, ttl: 60 })

    const { data: shipment } = useQueryGraphStep({
      entity: "transport_shipment",
      fields: [
        "id",
        "status",
        "exception",
        "is_return",
        "order_id",
        "fulfillment_id",
        "tracking_number",
        "last_event_at",
        "fulfillment.id",
        "fulfillment.shipped_at",
        "fulfillment.delivered_at",
        "fulfillment.canceled_at",
        "fulfillment.labels.*",
        "fulfillment.items.line_item_id",
        "fulfillment.items.quantity",
        "order.id",
        "order.status",
        "order.metadata",
      ],
      filters: { id: input.shipment_id },
      options: { throwIfKeyNotFound: true, isList: false },
    }).config({ name: "get-shipment" })

    const plan = transform({ shipment, input }, ({ shipment, input }) =>
      planOrderSync(shipment as unknown as ShipmentForSync, input.recorded)
    )

    when("ship-fulfillment", { plan }, ({ plan }) => !!plan.ship).then(() => {
      const shipInput = transform({ plan }, ({ plan }) => plan.ship!)
      createOrderShipmentWorkflow.runAsStep({ input: shipInput })
    })
    when("deliver-fulfillment", { plan }, ({ plan }) => !!plan.deliver).then(() => {
      const deliverInput = transform({ plan }, ({ plan }) => plan.deliver!)
      markOrderFulfillmentAsDeliveredWorkflow.runAsStep({ input: deliverInput })
    })
    when("flag-order-exception", { plan }, ({ plan }) => !!plan.flag).then(() => {
      const flag = transform({ plan }, ({ plan }) => plan.flag!)
      setOrderTransportExceptionStep(flag)
    })

    const trackingUpdated = transform({ plan }, ({ plan }) => plan.tracking_updated)
    const exceptions = transform({ plan }, ({ plan }) => plan.exceptions)
    emitEventStep({ eventName: TRACKING_UPDATED_EVENT, data: trackingUpdated }).config({ name: "emit-tracking-updated" })
    emitEventStep({ eventName: SHIPMENT_EXCEPTION_EVENT, data: exceptions }).config({ name: "emit-shipment-exception" })

    releaseLockStep({ key: lockKey })
    return new WorkflowResponse(plan)
  }
)
