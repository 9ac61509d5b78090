/**
 * What a carrier integration implements. The house carrier (`house.ts`) is the built-in one;
 * an EasyPost, Shippo or DHL adapter implements the same interface and registers under its own
 * code (see the module README, "Writing a carrier adapter").
 */
export interface CarrierAdapter {
  /** Matches `transport_carrier.code` and the webhook path `/hooks/transport/:carrier`. */
  readonly code: string

  /** Books a parcel: a unique tracking number, the public tracking URL and a printable label. */
  createShipment(request: ShipmentRequest): Promise<BookedShipment>

  /** Cancels an unused label. Must succeed for a label already voided. */
  voidShipment(shipment: { tracking_number: string }): Promise<void>

  /**
   * Checks a webhook's signature (throws `WebhookSignatureError` when it is missing, wrong or
   * outside the tolerance) and turns its body into tracking updates. Never trusts the body
   * before the signature is verified.
   */
  parseWebhook(request: WebhookRequest): TrackingUpdate[]
}

export type Address = {
  name: string
  company?: string | null
  address_1: string
  address_2?: string | null
  postal_code: string
  city: string
  province?: string | null
  country_code: string
  phone?: string | null
}

export type ShipmentRequest = {
  /** Idempotency key for carriers that accept one: the Medusa fulfillment id. */
  reference: string
  order_display_id?: string | number | null
  service_level_code: string
  service_level_name: string
  is_return: boolean
  from: Address
  to: Address
  weight_g: number
  items: { title: string; sku?: string | null; quantity: number }[]
  tracking_url_template: string
}

export type BookedShipment = {
  tracking_number: string
  tracking_url: string
  /** The label as a PDF document. */
  label_pdf: Buffer
}

export type WebhookRequest = {
  raw_body: Buffer
  headers: Record<string, string | string[] | undefined>
  secret: string
  tolerance_seconds: number
  now: Date
}

export type TrackingUpdate = {
  /** The carrier's own event id: the idempotency key. */
  event_id: string
  tracking_number: string
  status: "in_transit" | "out_for_delivery" | "delivered" | "failed_delivery" | "returned_to_sender"
  description: string
  location: string | null
  occurred_at: Date
}

export class WebhookSignatureError extends Error {}
export class WebhookPayloadError extends Error {}
