/**
 * The HTTP side: `POST /2010-04-01/Accounts/:sid/Messages.json` (form-urlencoded, HTTP Basic
 * auth), answered as Twilio's Messages API answers. Plain Node `http`.
 */
import { randomBytes } from "crypto"
import type http from "http"
import { authenticationError, notFoundError, TwilioError } from "./errors"
import { segmentCount } from "./segments"
import type { ReceivedSms, SmsFakeOptions, TwilioMessage } from "./types"
import { validateMessageParams, type MessageParams } from "./validate"

export type SmsFakeState = { messages: ReceivedSms[]; nextFailure?: TwilioError }

const MESSAGES_PATH = /^\/2010-04-01\/Accounts\/([^/]+)\/Messages\.json$/

/** Twilio writes dates as RFC 2822: "Thu, 30 Jul 2015 20:12:31 +0000". */
const rfc2822 = (date: Date) => date.toUTCString().replace("GMT", "+0000")

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on("data", (chunk: Buffer) => chunks.push(chunk))
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")))
    req.on("error", reject)
  })
}

/** HTTP Basic with the account SID and auth token, for the account named in the URL. */
function isAuthenticated(req: http.IncomingMessage, urlSid: string, options: SmsFakeOptions): boolean {
  const [scheme, encoded = ""] = (req.headers.authorization ?? "").split(" ")
  if (!/^basic$/i.test(scheme)) return false
  const decoded = Buffer.from(encoded, "base64").toString("utf8")
  const colon = decoded.indexOf(":")
  if (colon < 0) return false
  return decoded.slice(0, colon) === options.accountSid && decoded.slice(colon + 1) === options.authToken && urlSid === options.accountSid
}

function createMessage(accountSid: string, params: MessageParams): TwilioMessage {
  const sid = `SM${randomBytes(16).toString("hex")}`
  const now = rfc2822(new Date())
  const uri = `/2010-04-01/Accounts/${accountSid}/Messages/${sid}.json`
  return {
    sid,
    account_sid: accountSid,
    api_version: "2010-04-01",
    to: params.to,
    from: params.from ?? null,
    messaging_service_sid: params.messagingServiceSid ?? null,
    body: params.body,
    // Twilio: a request through a Messaging Service is "accepted" first, any other "queued".
    status: params.messagingServiceSid ? "accepted" : "queued",
    direction: "outbound-api",
    num_segments: String(segmentCount(params.body)),
    num_media: "0",
    error_code: null,
    error_message: null,
    price: null,
    price_unit: "USD",
    date_created: now,
    date_updated: now,
    date_sent: null,
    uri,
    subresource_uris: { media: uri.replace(/\.json$/, "/Media.json") },
  }
}

function send(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { "Content-Type": "application/json", ...headers })
  res.end(JSON.stringify(body))
}

export function createSmsHandler(options: SmsFakeOptions, state: SmsFakeState): http.RequestListener {
  return async (req, res) => {
    const path = new URL(req.url ?? "/", "http://localhost").pathname
    const match = MESSAGES_PATH.exec(path)
    const body = await readBody(req)
    if (!match || req.method !== "POST") return send(res, 404, notFoundError(path).toJSON())

    const failure = state.nextFailure
    if (failure) {
      state.nextFailure = undefined
      return send(res, failure.status, failure.toJSON())
    }
    if (!isAuthenticated(req, decodeURIComponent(match[1]), options)) {
      return send(res, 401, authenticationError().toJSON(), { "WWW-Authenticate": 'Basic realm="Twilio API"' })
    }
    const params = validateMessageParams(new URLSearchParams(body))
    if (params instanceof TwilioError) return send(res, params.status, params.toJSON())
    const message = createMessage(options.accountSid, params)
    state.messages.push({
      To: params.to,
      From: params.from ?? null,
      MessagingServiceSid: params.messagingServiceSid ?? null,
      Body: params.body,
      message,
    })
    send(res, 201, message)
  }
}
