import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"

/** Carrier webhooks are a few hundred bytes; anything much larger is not one. */
export const WEBHOOK_BODY_LIMIT_BYTES = 64 * 1024

/**
 * Keeps the body exactly as it was sent (`req.rawBody`, a Buffer) and parses nothing. The route
 * turns Medusa's body parser off: `preserveRawBody` would also keep the bytes, but its JSON parser
 * answers a malformed body with a 400 *before* the signature is checked, and skips bodies not
 * sent as JSON. Here nothing about the body is trusted or judged until the carrier's signature
 * matched.
 */
export function readRawBody(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const chunks: Buffer[] = []
  let size = 0
  let failed = false
  req.on("data", (chunk: Buffer) => {
    if (failed) return
    size += chunk.length
    if (size > WEBHOOK_BODY_LIMIT_BYTES) {
      failed = true
      res.status(413).json({ type: "invalid_data", message: `Webhook body larger than ${WEBHOOK_BODY_LIMIT_BYTES} bytes.` })
      return
    }
    chunks.push(chunk)
  })
  req.on("end", () => {
    if (failed) return
    ;(req as MedusaRequest & { rawBody?: Buffer }).rawBody = Buffer.concat(chunks)
    next()
  })
  req.on("error", (error) => {
    if (!failed) {
      failed = true
      next(error)
    }
  })
}
