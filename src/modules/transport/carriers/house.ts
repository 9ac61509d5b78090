import crypto from "node:crypto"
import { renderLabelPdf } from "../labels/render-label"
import {
  WebhookPayloadError,
  WebhookSignatureError,
  type BookedShipment,
  type CarrierAdapter,
  type ShipmentRequest,
  type TrackingUpdate,
  type WebhookRequest,
} from "./types"

export const HOUSE_CARRIER = "house"
export const HOUSE_SIGNATURE_HEADER = "emporium-signature"

const STATUSES = new Set<TrackingUpdate["status"]>(["in_transit", "out_for_delivery", "delivered", "failed_delivery", "returned_to_sender"])

/**
 * The built-in carrier: prices come from the rate table, tracking numbers follow the UPU S10
 * format (the one postal operators print: 2 letters, 8 digits, a check digit, origin country),
 * and labels are rendered here. Its webhooks are signed like Stripe's:
 * `emporium-signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`.
 */
export class HouseCarrier implements CarrierAdapter {
  readonly code = HOUSE_CARRIER

  async createShipment(request: ShipmentRequest): Promise<BookedShipment> {
    const tracking_number = s10TrackingNumber(request.is_return ? "RH" : "EH", request.from.country_code)
    const tracking_url = request.tracking_url_template.replace("{tracking_number}", encodeURIComponent(tracking_number))
    const label_pdf = await renderLabelPdf({
      carrier_name: "Emporium House Carrier",
      service_level_name: request.service_level_name,
      tracking_number,
      tracking_url,
      from: request.from,
      to: request.to,
      weight_g: request.weight_g,
      reference: String(request.order_display_id ?? request.reference),
      is_return: request.is_return,
      items: request.items,
      created_at: new Date(),
    })
    return { tracking_number, tracking_url, label_pdf }
  }

  async voidShipment(): Promise<void> {
    // House labels are not pre-paid anywhere: voiding is recorded on the shipment only.
  }

  parseWebhook({ raw_body, headers, secret, tolerance_seconds, now }: WebhookRequest): TrackingUpdate[] {
    verifyHouseSignature(raw_body, headers[HOUSE_SIGNATURE_HEADER], secret, tolerance_seconds, now)
    let body: unknown
    try {
      body = JSON.parse(raw_body.toString("utf8"))
    } catch {
      throw new WebhookPayloadError("The body is not JSON.")
    }
    return [houseUpdate(body)]
  }
}

/** `{id, type: "tracking.updated", data: {tracking_number, status, description, location?, occurred_at}}` */
function houseUpdate(body: unknown): TrackingUpdate {
  const event = body as { id?: unknown; type?: unknown; data?: Record<string, unknown> }
  const data = event?.data ?? {}
  const occurred = new Date(String(data.occurred_at))
  if (
    typeof event?.id !== "string" ||
    !event.id ||
    event.type !== "tracking.updated" ||
    typeof data.tracking_number !== "string" ||
    !STATUSES.has(data.status as TrackingUpdate["status"]) ||
    Number.isNaN(occurred.getTime())
  ) {
    throw new WebhookPayloadError(
      `Expected {id, type: "tracking.updated", data: {tracking_number, status (${[...STATUSES].join("|")}), description, occurred_at}}.`
    )
  }
  return {
    event_id: event.id,
    tracking_number: data.tracking_number,
    status: data.status as TrackingUpdate["status"],
    description: typeof data.description === "string" ? data.description.slice(0, 500) : String(data.status),
    location: typeof data.location === "string" ? data.location.slice(0, 200) : null,
    occurred_at: occurred,
  }
}

export function signHouseWebhook(rawBody: string | Buffer, secret: string, timestamp = Math.floor(Date.now() / 1000)): string {
  const mac = crypto.createHmac("sha256", secret).update(`${timestamp}.`).update(rawBody).digest("hex")
  return `t=${timestamp},v1=${mac}`
}

function verifyHouseSignature(rawBody: Buffer, header: string | string[] | undefined, secret: string, toleranceSeconds: number, now: Date): void {
  const value = Array.isArray(header) ? header[0] : header
  if (!value) {
    throw new WebhookSignatureError(`Missing ${HOUSE_SIGNATURE_HEADER} header.`)
  }
  const parts = new Map(value.split(",").map((part) => part.trim().split("=", 2) as [string, string]))
  const timestamp = Number(parts.get("t"))
  const given = parts.get("v1") ?? ""
  if (!Number.isInteger(timestamp) || !/^[0-9a-f]{64}$/.test(given)) {
    throw new WebhookSignatureError("Malformed signature header.")
  }
  if (Math.abs(now.getTime() / 1000 - timestamp) > toleranceSeconds) {
    throw new WebhookSignatureError("Signature timestamp outside the tolerance.")
  }
  const expected = crypto.createHmac("sha256", secret).update(`${timestamp}.`).update(rawBody).digest()
  if (!crypto.timingSafeEqual(expected, Buffer.from(given, "hex"))) {
    throw new WebhookSignatureError("Signature does not match.")
  }
}

/** UPU S10: service letters, 8-digit serial, mod-11 check digit (weights 8 6 4 2 3 5 9 7), country. */
export function s10TrackingNumber(service: string, country: string, serial = crypto.randomInt(0, 100_000_000)): string {
  const digits = serial.toString().padStart(8, "0")
  return `${service}${digits}${s10CheckDigit(digits)}${country.toUpperCase()}`
}

export function s10CheckDigit(digits: string): number {
  const weights = [8, 6, 4, 2, 3, 5, 9, 7]
  const sum = [...digits].reduce((total, digit, index) => total + Number(digit) * weights[index], 0)
  const check = 11 - (sum % 11)
  return check === 10 ? 0 : check === 11 ? 5 : check
}
