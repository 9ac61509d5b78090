import { defineWidgetConfig } from "@medusajs/admin-sdk"
import { ArrowDownTray } from "@medusajs/icons"
import type { AdminOrder, DetailWidgetProps } from "@medusajs/framework/types"
import { Badge, Container, Heading, Text } from "@medusajs/ui"
import { useAdminJson } from "../lib/use-admin-json"

type TrackingEvent = { id: string; status: string; description: string; location: string | null; occurred_at: string }
type Shipment = {
  id: string
  carrier_code: string
  service_level_code: string
  tracking_number: string
  tracking_url: string
  label_url: string | null
  has_label: boolean
  is_return: boolean
  status: string
  exception: string | null
  events: TrackingEvent[]
}
type CarrierNames = { rate_table: { carriers: { code: string; name: string; service_levels: { code: string; name: string }[] }[] } }

const STATUS: Record<string, { label: string; color: "green" | "blue" | "orange" | "red" | "grey" }> = {
  label_created: { label: "Label created", color: "grey" },
  in_transit: { label: "In transit", color: "blue" },
  out_for_delivery: { label: "Out for delivery", color: "blue" },
  delivered: { label: "Delivered", color: "green" },
  exception: { label: "Exception", color: "red" },
  returned_to_sender: { label: "Returned to sender", color: "red" },
  voided: { label: "Voided", color: "grey" },
  failed_delivery: { label: "Delivery failed", color: "red" },
}
const statusOf = (status: string) => STATUS[status] ?? { label: status, color: "grey" as const }

const when = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" })

/**
 * On an order: the parcels booked with a transport carrier for it (outbound and returns), where
 * each is, its label to print, and the carrier's scans oldest first.
 */
const OrderShipmentsWidget = ({ data: order }: DetailWidgetProps<AdminOrder>) => {
  const { data, error } = useAdminJson<{ shipments: Shipment[] }>(`/admin/transport/shipments?order_id=${encodeURIComponent(order.id)}&limit=100`)
  // Only for names; codes are shown if it cannot be read.
  const { data: names } = useAdminJson<CarrierNames>("/admin/transport/rate-table")
  const carrierName = (code: string) => names?.rate_table.carriers.find((c) => c.code === code)?.name ?? code
  const serviceName = (carrier: string, service: string) =>
    names?.rate_table.carriers.find((c) => c.code === carrier)?.service_levels.find((s) => s.code === service)?.name ?? service

  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h2">Shipments</Heading>
      </div>
      {error ? (
        <Text className="px-6 py-4 text-ui-fg-error">Could not load the shipments: {error}</Text>
      ) : !data ? (
        <Text className="px-6 py-4 text-ui-fg-subtle">Loading…</Text>
      ) : data.shipments.length === 0 ? (
        <Text size="small" className="px-6 py-4 text-ui-fg-subtle">
          No carrier shipments yet: they appear when a fulfillment ships with a transport carrier.
        </Text>
      ) : (
        data.shipments.map((shipment) => {
          const status = statusOf(shipment.status)
          return (
            <div key={shipment.id} className="flex flex-col gap-y-2 px-6 py-4" role="group" aria-label={`Shipment ${shipment.tracking_number}`}>
              <div className="flex items-center justify-between gap-x-2">
                <Text size="small" weight="plus">
                  {carrierName(shipment.carrier_code)} · {serviceName(shipment.carrier_code, shipment.service_level_code)}
                </Text>
                <div className="flex gap-x-1">
                  {shipment.is_return ? (
                    <Badge size="2xsmall" color="purple">
                      Return
                    </Badge>
                  ) : null}
                  <Badge size="2xsmall" color={status.color}>
                    {status.label}
                  </Badge>
                </div>
              </div>
              {shipment.exception ? (
                <Text size="small" className="text-ui-fg-error">
                  {shipment.exception}
                </Text>
              ) : null}
              <div className="flex items-center justify-between gap-x-2">
                <a
                  className="txt-compact-small text-ui-fg-interactive hover:text-ui-fg-interactive-hover"
                  href={shipment.tracking_url}
                  target="_blank"
                  rel="noopener noreferrer"
                >
                  {shipment.tracking_number}
                </a>
                {shipment.has_label && shipment.label_url ? (
                  // Same origin: the dashboard's session cookie authenticates the download.
                  <a
                    className="txt-compact-small-plus flex items-center gap-x-1 text-ui-fg-interactive hover:text-ui-fg-interactive-hover"
                    href={shipment.label_url}
                    target="_blank"
                    rel="noopener"
                  >
                    <ArrowDownTray />
                    Download label
                  </a>
                ) : null}
              </div>
              {shipment.events.length ? (
                <ol className="flex flex-col gap-y-2 border-l border-ui-border-base pl-3" aria-label={`Tracking of ${shipment.tracking_number}`}>
                  {shipment.events.map((event) => (
                    <li key={event.id} className="flex flex-col">
                      <Text size="xsmall" className="text-ui-fg-subtle">
                        {when(event.occurred_at)}
                        {event.location ? ` · ${event.location}` : ""}
                      </Text>
                      <Text size="small" className={statusOf(event.status).color === "red" ? "text-ui-fg-error" : undefined}>
                        {event.description}
                      </Text>
                    </li>
                  ))}
                </ol>
              ) : (
                <Text size="xsmall" className="text-ui-fg-subtle">
                  No scans yet.
                </Text>
              )}
            </div>
          )
        })
      )}
    </Container>
  )
}

export const config = defineWidgetConfig({
  zone: "order.details.side.after",
})

export default OrderShipmentsWidget
