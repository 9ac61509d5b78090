import { clone } from "./ids"

/**
 * Stripe's error shape (Stripe API reference: "Errors"):
 *   { error: { type, code?, decline_code?, message, param?, payment_intent?, setup_intent?, … } }
 * with 400 invalid_request_error, 401 authentication, 402 card_error, 404 resource_missing.
 */
export interface StripeErrorBody {
  type: string
  message: string
  code?: string
  decline_code?: string
  param?: string
  doc_url?: string
  charge?: string
  payment_intent?: any
  setup_intent?: any
  payment_method?: any
}

export class StripeApiError extends Error {
  constructor(
    public status: number,
    public body: StripeErrorBody,
    /**
     * Stripe API reference, "Idempotent requests": results are only saved if an API
     * endpoint started executing; parameter validation failures are not saved.
     */
    public saveForIdempotency = true
  ) {
    super(body.message)
  }
}

function withDoc(body: StripeErrorBody): StripeErrorBody {
  return body.code ? { ...body, doc_url: `https://stripe.com/docs/error-codes/${body.code.replace(/_/g, "-")}` } : body
}

/** A 400 raised while the endpoint is running (saved for idempotent replay). */
export function invalidRequest(message: string, extra: Partial<StripeErrorBody> = {}): StripeApiError {
  return new StripeApiError(400, withDoc({ type: "invalid_request_error", message, ...extra }))
}

/** A 400 for malformed parameters (not saved for idempotent replay). */
export function paramError(message: string, param: string, code?: string): StripeApiError {
  return new StripeApiError(400, withDoc({ type: "invalid_request_error", message, param, ...(code ? { code } : {}) }), false)
}

export function resourceMissing(kind: string, id: string, param = "id"): StripeApiError {
  return new StripeApiError(
    404,
    withDoc({ type: "invalid_request_error", code: "resource_missing", message: `No such ${kind}: '${id}'`, param })
  )
}

export function cardError(body: Omit<StripeErrorBody, "type">): StripeApiError {
  return new StripeApiError(402, withDoc({ type: "card_error", ...body }))
}

/** code payment_intent_unexpected_state / setup_intent_unexpected_state, with the intent attached. */
export function unexpectedState(
  message: string,
  intent: { object: string },
  param?: string
): StripeApiError {
  const isSetup = intent.object === "setup_intent"
  return invalidRequest(message, {
    code: isSetup ? "setup_intent_unexpected_state" : "payment_intent_unexpected_state",
    ...(param ? { param } : {}),
    ...(isSetup ? { setup_intent: clone(intent) } : { payment_intent: clone(intent) }),
  })
}
