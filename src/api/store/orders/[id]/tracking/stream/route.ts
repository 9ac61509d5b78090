import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { trackingHub, type TrackingMessage } from "../../../../../../modules/transport/tracking-hub"
import { orderTracking, orderVisibleToCaller } from "../order-tracking"

/** Below the idle timeouts of common proxies (60 s) and load balancers, so an idle stream stays open. */
export const HEARTBEAT_MS = 25_000

/**
 * GET /store/orders/:id/tracking/stream — Server-Sent Events for an order page: `snapshot` with
 * the whole tracking view first, then `tracking` for each new carrier event, and a comment line
 * every 25 s. Same access rule as GET …/tracking; the guest token travels in `?token=` because
 * EventSource cannot send headers.
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const orderId = await orderVisibleToCaller(req)
  const logger = req.scope.resolve(ContainerRegistrationKeys.LOGGER)

  let closed = false
  let stopListening: (() => void) | null = null
  let heartbeat: NodeJS.Timeout | null = null
  // `res` 'close' fires when the client goes away (or the server shuts down). The request's own
  // 'close' is not used: Node emits it once the request body has been read.
  res.on("close", () => {
    closed = true
    if (heartbeat) clearInterval(heartbeat)
    stopListening?.()
  })

  const write = (chunk: string) => {
    if (closed) return
    res.write(chunk)
    // Medusa's optional response compression buffers; flush so each event leaves at once.
    ;(res as MedusaResponse & { flush?: () => void }).flush?.()
  }
  const send = (event: string, data: unknown, id?: string) =>
    write(`event: ${event}\n${id ? `id: ${id}\n` : ""}data: ${JSON.stringify(data)}\n\n`)

  // Listen before reading the snapshot so nothing recorded in between is lost; what arrives
  // before the snapshot is sent waits, and what the snapshot already holds is not sent twice.
  const seen = new Set<string>()
  let waiting: TrackingMessage[] | null = []
  const onMessage = (message: TrackingMessage) => {
    if (waiting) {
      waiting.push(message)
    } else if (!seen.has(message.event.id)) {
      seen.add(message.event.id)
      send("tracking", message, message.event.id)
    }
  }
  const unsubscribe = await trackingHub(logger).subscribe(orderId, onMessage)
  if (closed) {
    unsubscribe()
    return
  }
  stopListening = unsubscribe

  res.status(200)
  res.setHeader("Content-Type", "text/event-stream; charset=utf-8")
  res.setHeader("Cache-Control", "private, no-store, no-transform")
  res.setHeader("Connection", "keep-alive")
  // nginx would otherwise buffer the stream.
  res.setHeader("X-Accel-Buffering", "no")
  res.flushHeaders()
  req.socket.setTimeout(0)
  write("retry: 5000\n\n")

  try {
    const shipments = await orderTracking(req.scope, orderId)
    shipments.forEach((shipment) => shipment.events.forEach((event) => seen.add(event.id)))
    send("snapshot", { order_id: orderId, shipments })
  } catch (error) {
    logger.error(`[transport] tracking stream of order ${orderId}: ${(error as Error).message}`)
    send("error", { message: "Tracking is unavailable right now." })
    res.end()
    return
  }
  const early = waiting
  waiting = null
  early.forEach(onMessage)

  heartbeat = setInterval(() => write(": heartbeat\n\n"), HEARTBEAT_MS)
  heartbeat.unref()
}
