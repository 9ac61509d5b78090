import type { MedusaRequest } from "@medusajs/framework/http"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { TRANSPORT_MODULE } from "../../../../../modules/transport"
import type TransportModuleService from "../../../../../modules/transport/service"
import { assertOrderVisible } from "../../order-access"
import type { StoreGetOrderTrackingType } from "./validators"

export type TrackingEventView = {
  id: string
  status: string
  description: string
  location: string | null
  occurred_at: string
}

export type ShipmentTrackingView = {
  id: string
  is_return: boolean
  carrier: { code: string; name: string }
  service_level: { code: string; name: string }
  tracking_number: string
  tracking_url: string
  status: string
  exception: string | null
  shipped_at: string | null
  delivered_at: string | null
  /** Oldest first, by the carrier's time (a late webhook still lands in its place). */
  events: TrackingEventView[]
}

/** The same rule as GET /store/orders/:id/status (see order-access.ts); returns the order id. */
export async function orderVisibleToCaller(req: MedusaRequest): Promise<string> {
  const { token } = req.validatedQuery as StoreGetOrderTrackingType
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "order", fields: ["id", "customer_id"], filters: { id: req.params.id } })
  assertOrderVisible(req, data[0], token)
  return data[0].id
}

/** The order's parcels, outbound and return, with their timelines. Voided labels never travelled and are left out. */
export async function orderTracking(scope: MedusaContainer, orderId: string): Promise<ShipmentTrackingView[]> {
  const transport = scope.resolve<TransportModuleService>(TRANSPORT_MODULE)
  const [shipments, table] = await Promise.all([
    transport.listTransportShipments({ order_id: orderId }, { relations: ["events"], order: { created_at: "ASC" } }),
    transport.getRateTable(),
  ])
  return shipments
    .filter((shipment) => shipment.status !== "voided")
    .map((shipment) => {
      const carrier = table.carriers.find((row) => row.code === shipment.carrier_code)
      const service = carrier?.service_levels.find((row) => row.code === shipment.service_level_code)
      return {
        id: shipment.id,
        is_return: shipment.is_return,
        carrier: { code: shipment.carrier_code, name: carrier?.name ?? shipment.carrier_code },
        service_level: { code: shipment.service_level_code, name: service?.name ?? shipment.service_level_code },
        tracking_number: shipment.tracking_number,
        tracking_url: shipment.tracking_url,
        status: shipment.status,
        exception: shipment.exception ?? null,
        shipped_at: iso(shipment.shipped_at),
        delivered_at: iso(shipment.delivered_at),
        events: (shipment.events ?? [])
          .map((event) => ({
            id: event.id,
            status: event.status,
            description: event.description,
            location: event.location ?? null,
            occurred_at: iso(event.occurred_at)!,
          }))
          .sort((a, b) => a.occurred_at.localeCompare(b.occurred_at) || a.id.localeCompare(b.id)),
      }
    })
}

function iso(value: Date | string | null | undefined): string | null {
  return value ? new Date(value).toISOString() : null
}
