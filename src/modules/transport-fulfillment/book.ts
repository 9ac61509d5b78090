import type { CreateFulfillmentResult, FulfillmentDTO, FulfillmentItemDTO, FulfillmentOrderDTO, Logger, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, generateEntityId, MedusaError, Modules } from "@medusajs/framework/utils"
import { TRANSPORT_MODULE } from "../transport"
import { carrierAdapter } from "../transport/carriers/registry"
import type { Address } from "../transport/carriers/types"
import { resolveSizes } from "../transport/rates/engine"
import type TransportModuleService from "../transport/service"
import { positiveOrNull } from "./parcel"

export type BookInput = {
  carrier_code: string
  service_level_code: string
  is_return: boolean
  items: Partial<Omit<FulfillmentItemDTO, "fulfillment">>[]
  order: Partial<FulfillmentOrderDTO> | undefined
  fulfillment: Partial<Omit<FulfillmentDTO, "provider_id" | "data" | "items">>
}

/** Where the merchant downloads a label: an admin route, since labels carry customers' addresses. */
export function labelPath(shipmentId: string): string {
  return `/admin/transport/shipments/${shipmentId}/label`
}

/**
 * Books a parcel for a Medusa fulfillment: the carrier's tracking number and label PDF (kept
 * private in Medusa's File Module), and a shipment record the webhooks will move along.
 */
export async function bookShipment(container: MedusaContainer, input: BookInput): Promise<CreateFulfillmentResult> {
  const transport = container.resolve<TransportModuleService>(TRANSPORT_MODULE)
  const table = await transport.getRateTable()
  const carrier = table.carriers.find((row) => row.code === input.carrier_code)
  const service = carrier?.service_levels.find((row) => row.code === input.service_level_code) ?? carrier?.service_levels[0]
  const adapter = carrierAdapter(input.carrier_code)
  if (!carrier || !service || !adapter) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `Carrier "${input.carrier_code}" is not configured for shipping.`)
  }

  const facts = await orderFacts(container, input)
  const sized = resolveSizes(table, facts.parcelItems)
  const weight_g = Array.isArray(sized) ? Math.ceil(sized.reduce((sum, item) => sum + item.weight_g * item.quantity, 0)) : 0
  const [from, to] = input.is_return ? [facts.customer, facts.warehouse] : [facts.warehouse, facts.customer]

  const booked = await adapter.createShipment({
    reference: String(input.fulfillment.id),
    order_display_id: facts.displayId,
    service_level_code: service.code,
    service_level_name: service.name,
    is_return: input.is_return,
    from,
    to,
    weight_g,
    items: input.items.map((item) => ({ title: item.title ?? "", sku: item.sku ?? null, quantity: Number(item.quantity ?? 1) })),
    tracking_url_template: carrier.tracking_url_template,
  })

  const files = container.resolve(Modules.FILE)
  const file = await files.createFiles({
    filename: `label-${booked.tracking_number}.pdf`,
    mimeType: "application/pdf",
    content: booked.label_pdf.toString("base64"),
    access: "private",
  })

  const shipmentId = generateEntityId(undefined, "tshp")
  await transport.createTransportShipments({
    id: shipmentId,
    fulfillment_id: String(input.fulfillment.id),
    order_id: facts.orderId,
    carrier_code: carrier.code,
    service_level_code: service.code,
    tracking_number: booked.tracking_number,
    tracking_url: booked.tracking_url,
    label_file_id: file.id,
    label_url: labelPath(shipmentId),
    is_return: input.is_return,
    weight_g,
  })

  return {
    data: { shipment_id: shipmentId, carrier_code: carrier.code, service_level_code: service.code, tracking_number: booked.tracking_number },
    labels: [{ tracking_number: booked.tracking_number, tracking_url: booked.tracking_url, label_url: labelPath(shipmentId) }],
  }
}

/** A canceled fulfillment voids its label. Unknown data (a fulfillment booked elsewhere) is left alone. */
export async function voidBookedShipment(container: MedusaContainer, data: Record<string, unknown>, logger: Logger): Promise<void> {
  const shipmentId = typeof data.shipment_id === "string" ? data.shipment_id : null
  if (!shipmentId) {
    logger.warn("transport: canceled fulfillment has no shipment to void")
    return
  }
  await container.resolve<TransportModuleService>(TRANSPORT_MODULE).voidShipment(shipmentId)
}

type OrderFacts = {
  orderId: string | null
  displayId: string | number | null
  customer: Address
  warehouse: Address
  parcelItems: Parameters<typeof resolveSizes>[1]
}

async function orderFacts(container: MedusaContainer, input: BookInput): Promise<OrderFacts> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const orderId = (input.order?.id as string | undefined) ?? (await orderOfLineItem(container, input.items[0]?.line_item_id))
  const { data: orders } = orderId
    ? await query.graph({
        entity: "order",
        filters: { id: orderId },
        fields: [
          "id",
          "display_id",
          "shipping_address.*",
          "items.id",
          "items.product_type_id",
          "items.variant.weight",
          "items.variant.length",
          "items.variant.width",
          "items.variant.height",
        ],
      })
    : { data: [] as any[] }
  const order = orders[0]

  const locationId = (input.fulfillment as { location_id?: string }).location_id
  const { data: locations } = locationId
    ? await query.graph({ entity: "stock_location", filters: { id: locationId }, fields: ["name", "address.*"] })
    : { data: [] as any[] }
  const location = locations[0]

  const delivery = (input.fulfillment as { delivery_address?: Record<string, any> }).delivery_address
  const customerSource = input.is_return ? order?.shipping_address ?? delivery : delivery ?? order?.shipping_address
  const lines = new Map<string, any>((order?.items ?? []).map((item: any) => [item.id, item]))

  return {
    orderId,
    displayId: order?.display_id ?? null,
    customer: toAddress(customerSource, "Customer"),
    warehouse: toAddress({ ...(location?.address ?? {}), company: location?.name }, location?.name ?? "Warehouse"),
    parcelItems: input.items.map((item) => {
      const line = lines.get(String(item.line_item_id))
      return {
        id: String(item.line_item_id ?? item.id),
        title: item.title ?? "",
        quantity: Number(item.quantity ?? 1),
        unit_price: 0,
        weight_g: positiveOrNull(line?.variant?.weight),
        length_cm: positiveOrNull(line?.variant?.length),
        width_cm: positiveOrNull(line?.variant?.width),
        height_cm: positiveOrNull(line?.variant?.height),
        product_type_id: line?.product_type_id ?? null,
      }
    }),
  }
}

/**
 * Medusa hands a return fulfillment to the provider without its order; the returned items'
 * order line ids lead back to it through the Order Module's own items (`listOrderItems`, a
 * generated method its typed interface does not declare).
 */
async function orderOfLineItem(container: MedusaContainer, lineItemId: string | null | undefined): Promise<string | null> {
  if (!lineItemId) {
    return null
  }
  const orders = container.resolve(Modules.ORDER) as unknown as {
    listOrderItems(filters: { item_id: string }, config: { select: string[] }): Promise<{ order_id: string }[]>
  }
  const [item] = await orders.listOrderItems({ item_id: lineItemId }, { select: ["order_id"] })
  return item?.order_id ?? null
}

function toAddress(source: Record<string, any> | null | undefined, fallbackName: string): Address {
  const name = [source?.first_name, source?.last_name].filter(Boolean).join(" ")
  return {
    name: name || source?.company || fallbackName,
    company: name ? source?.company ?? null : null,
    address_1: source?.address_1 ?? "",
    address_2: source?.address_2 ?? null,
    postal_code: source?.postal_code ?? "",
    city: source?.city ?? "",
    province: source?.province ?? null,
    country_code: (source?.country_code ?? "").toUpperCase(),
    phone: source?.phone ?? null,
  }
}
