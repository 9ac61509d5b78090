/**
 * The HTTP layer: authentication, form/query parsing (Stripe's bracket notation via `qs`),
 * routing, idempotency and the request log. Plain Node `http`.
 */
import http from "http"
import qs from "qs"
import { StripeApiError } from "./errors"
import { newId } from "./ids"
import { fingerprint as fingerprintOf, IdempotencyStore } from "./idempotency"
import type { Route } from "./route"
import { API_VERSION, FakeState } from "./state"
import type { RecordedRequest } from "./types"
import { chargeRoutes } from "./resources/charges"
import { customerRoutes } from "./resources/customers"
import { eventRoutes } from "./resources/events"
import { paymentIntentRoutes } from "./resources/payment-intents"
import { paymentMethodRoutes } from "./resources/payment-methods"
import { setupIntentRoutes } from "./resources/setup-intents"

const QS_OPTIONS = { depth: 20, arrayLimit: 1000, parameterLimit: 10000, allowPrototypes: false }

interface CompiledRoute extends Route {
  regex: RegExp
}

const ROUTES: CompiledRoute[] = [
  ...paymentIntentRoutes,
  ...chargeRoutes,
  ...customerRoutes,
  ...paymentMethodRoutes,
  ...setupIntentRoutes,
  ...eventRoutes,
].map((r) => ({ ...r, regex: new RegExp(`^${r.pattern.replace(/:id/g, "([^/]+)")}/?$`) }))

function match(method: string, path: string): { route: CompiledRoute; id: string } | undefined {
  for (const route of ROUTES) {
    const m = route.method === method ? route.regex.exec(path) : null
    if (m) return { route, id: m[1] ? decodeURIComponent(m[1]) : "" }
  }
  return undefined
}

/** Stripe API reference "Authentication": HTTP Bearer (or Basic with the key as user name). */
function apiKeyOf(req: http.IncomingMessage): { key?: string; error?: StripeApiError } {
  const header = req.headers.authorization
  if (!header) {
    return {
      error: new StripeApiError(401, {
        type: "invalid_request_error",
        message:
          "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY'). See https://stripe.com/docs/api#authentication for details, or we can help at https://support.stripe.com/.",
      }, false),
    }
  }
  let key = ""
  const [scheme, value = ""] = header.split(" ")
  if (/^bearer$/i.test(scheme)) key = value.trim()
  else if (/^basic$/i.test(scheme)) key = Buffer.from(value, "base64").toString().split(":")[0]
  if (!/^(sk|rk)_test_\w+$/.test(key)) {
    const masked = key.length > 8 ? `${key.slice(0, 8)}${"*".repeat(Math.max(0, key.length - 12))}${key.slice(-4)}` : key
    return {
      error: new StripeApiError(401, { type: "invalid_request_error", message: `Invalid API Key provided: ${masked}` }, false),
    }
  }
  return { key }
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on("data", (c: Buffer) => chunks.push(c))
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")))
    req.on("error", reject)
  })
}

export function createHandler(state: FakeState, requests: RecordedRequest[]): http.RequestListener {
  const idempotency = new IdempotencyStore()

  return async (req, res) => {
    const method = (req.method ?? "GET").toUpperCase()
    const url = new URL(req.url ?? "/", "http://localhost")
    const path = url.pathname
    const raw = await readBody(req).catch(() => "")
    const params: any =
      method === "POST" ? qs.parse(raw, QS_OPTIONS) : qs.parse(url.search.replace(/^\?/, ""), QS_OPTIONS)
    const idempotencyKey = (req.headers["idempotency-key"] as string | undefined) ?? null
    const requestId = newId("req")

    const send = (status: number, body: any, headers: Record<string, string> = {}, replayed = false) => {
      requests.push({ method, path, idempotencyKey, params, status, replayed })
      res.writeHead(status, {
        "Content-Type": "application/json",
        "Request-Id": requestId,
        "Stripe-Version": String(req.headers["stripe-version"] ?? API_VERSION),
        ...(idempotencyKey && method === "POST" ? { "Idempotency-Key": idempotencyKey } : {}),
        ...headers,
      })
      res.end(JSON.stringify(body, null, 2))
    }
    const sendError = (e: StripeApiError) => send(e.status, { error: e.body })

    const auth = apiKeyOf(req)
    if (auth.error) return sendError(auth.error)
    // Stripe API reference "Errors": 500-level answers are rare errors on Stripe's side (api_error).
    if (state.outageRequests > 0) {
      state.outageRequests--
      return sendError(new StripeApiError(500, { type: "api_error", message: "An unknown error occurred on Stripe's side (the fake's simulated outage)." }))
    }
    const matched = match(method, path)
    if (!matched) {
      return sendError(
        new StripeApiError(404, {
          type: "invalid_request_error",
          message: `Unrecognized request URL (${method}: ${path}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.`,
        })
      )
    }

    // Stripe API reference "Idempotent requests": only POST requests are idempotent.
    const idempotent = method === "POST" && idempotencyKey !== null
    if (idempotent) {
      if (idempotencyKey!.length > 255) {
        return sendError(new StripeApiError(400, { type: "invalid_request_error", message: "Idempotency-Key must be at most 255 characters long." }))
      }
      try {
        const saved = idempotency.lookup(auth.key!, idempotencyKey!, method, path, params)
        if (saved) {
          return send(saved.status, saved.body, { "Idempotent-Replayed": "true", "Original-Request": saved.requestId }, true)
        }
      } catch (e) {
        return sendError(e as StripeApiError)
      }
    }

    let status = 200
    let body: any
    let save = true
    state.withRequest({ id: requestId, idempotency_key: idempotencyKey }, () => {
      try {
        body = matched.route.handler(state, { params, id: matched.id, path })
      } catch (e) {
        if (e instanceof StripeApiError) {
          status = e.status
          body = { error: e.body }
          save = e.saveForIdempotency
        } else {
          status = 500
          body = { error: { type: "api_error", message: `Stripe fake internal error: ${(e as Error)?.message}` } }
          save = false
        }
      }
    })
    if (idempotent && save) {
      idempotency.save(auth.key!, idempotencyKey!, { method, path, fingerprint: fingerprintOf(params), status, body, requestId })
    }
    send(status, body)
  }
}
