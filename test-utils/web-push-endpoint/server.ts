/**
 * The push service's HTTP side (RFC 8030 §5): `POST /push/<id>` is a push resource. Every
 * request is answered, and recorded in `received` or `rejected`.
 */
import { randomBytes } from "crypto"
import type http from "http"
import { decryptPushMessage } from "./decrypt"
import type { SubscriptionStore } from "./subscriptions"
import type { ReceivedPushMessage, RejectedPushRequest } from "./types"
import { verifyVapid } from "./vapid"

/** RFC 8030 §7.2: a push service must take at least 4096 bytes; the fake takes exactly that. */
const MAX_BODY_BYTES = 4096
const URGENCIES = ["very-low", "low", "normal", "high"]

export type PushLog = { received: ReceivedPushMessage[]; rejected: RejectedPushRequest[] }

class Refusal {
  constructor(
    readonly status: number,
    readonly reason: string,
    readonly headers: Record<string, string> = {}
  ) {}
}

function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on("data", (chunk: Buffer) => {
      size += chunk.length
      // Keep reading (so the client sees the answer) but stop keeping.
      if (size <= limit) chunks.push(chunk)
    })
    req.on("end", () => resolve(size > limit ? undefined : Buffer.concat(chunks)))
    req.on("error", reject)
  })
}

const header = (req: http.IncomingMessage, name: string) => {
  const value = req.headers[name]
  return Array.isArray(value) ? value[0] : value
}

export function createPushHandler(origin: string, subscriptions: SubscriptionStore, log: PushLog): http.RequestListener {
  async function accept(req: http.IncomingMessage): Promise<{ location: string; ttl: number }> {
    const path = new URL(req.url ?? "/", origin).pathname
    const match = /^\/push\/([A-Za-z0-9_-]+)$/.exec(path)
    const subscription = match ? subscriptions.get(match[1]) : undefined
    if (!subscription) throw new Refusal(404, "no such push subscription")
    if (subscription.expired) throw new Refusal(410, "the push subscription has expired or was unsubscribed")
    if (req.method !== "POST") throw new Refusal(405, "push resources only take POST (RFC 8030 §5)", { Allow: "POST" })

    const vapid = verifyVapid(header(req, "authorization"), origin, subscription.applicationServerKey)
    if (!vapid.ok) throw new Refusal(vapid.status, vapid.reason, vapid.status === 401 ? { "WWW-Authenticate": "vapid" } : {})

    // RFC 8030 §5.2: a request without TTL gets 400.
    const ttlHeader = header(req, "ttl")
    if (ttlHeader === undefined) throw new Refusal(400, "the TTL header is required (RFC 8030 §5.2)")
    if (!/^\d+$/.test(ttlHeader.trim())) throw new Refusal(400, "TTL must be a non-negative whole number of seconds")
    const ttl = Number(ttlHeader.trim())
    const urgency = header(req, "urgency")
    if (urgency !== undefined && !URGENCIES.includes(urgency)) throw new Refusal(400, `Urgency must be one of ${URGENCIES.join(", ")} (RFC 8030 §5.3)`)
    const topic = header(req, "topic")
    if (topic !== undefined && !/^[A-Za-z0-9_-]{1,32}$/.test(topic)) throw new Refusal(400, "Topic must be 1 to 32 URL-safe base64 characters (RFC 8030 §5.4)")

    const body = await readBody(req, MAX_BODY_BYTES)
    if (!body) throw new Refusal(413, `the body is larger than ${MAX_BODY_BYTES} bytes (RFC 8030 §7.2)`)
    let payload = ""
    // RFC 8030 allows a message without payload; one with a body must be encrypted.
    if (body.length) {
      const encoding = header(req, "content-encoding")
      if (encoding !== "aes128gcm") throw new Refusal(400, `Content-Encoding must be aes128gcm (RFC 8291 §4), got ${encoding ?? "none"}`)
      const decrypted = decryptPushMessage(body, subscription)
      if (!decrypted.ok) throw new Refusal(400, decrypted.reason)
      payload = decrypted.plaintext.toString("utf8")
    }

    const location = `${origin}/message/${randomBytes(12).toString("base64url")}`
    log.received.push({
      endpoint: subscription.endpoint,
      payload,
      ttl,
      ...(urgency ? { urgency } : {}),
      ...(topic ? { topic } : {}),
      vapid: vapid.claims,
      vapidPublicKey: vapid.publicKey.toString("base64url"),
      location,
    })
    return { location, ttl }
  }

  return async (req, res) => {
    const endpoint = new URL(req.url ?? "/", origin).href
    try {
      const { location, ttl } = await accept(req)
      // RFC 8030 §5: 201 Created, Location = the push message resource, TTL = what is kept.
      res.writeHead(201, { Location: location, TTL: String(ttl), "Content-Length": "0" })
      res.end()
    } catch (error) {
      const refusal = error instanceof Refusal ? error : new Refusal(500, error instanceof Error ? error.message : String(error))
      log.rejected.push({ endpoint, status: refusal.status, reason: refusal.reason })
      // Drain what is left of the body, so the client reads the answer instead of EPIPE.
      req.resume()
      const body = JSON.stringify({ code: refusal.status, message: refusal.reason })
      res.writeHead(refusal.status, { "Content-Type": "application/json", ...refusal.headers })
      res.end(body)
    }
  }
}
