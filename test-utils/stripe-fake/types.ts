/** Public types of the Stripe fake. */

/** A Stripe Event object (Stripe API reference: "The Event object"). */
export interface StripeEvent {
  id: string
  object: "event"
  api_version: string
  created: number
  data: { object: any; previous_attributes?: Record<string, any> }
  livemode: false
  pending_webhooks: number
  /** Stripe API reference: Event.request — null id for events not caused by an API request. */
  request: { id: string | null; idempotency_key: string | null }
  type: string
}

export interface RecordedRequest {
  method: string
  /** path without the query string, e.g. /v1/payment_intents */
  path: string
  /** value of the Idempotency-Key header, or null */
  idempotencyKey: string | null
  /** parsed form body (POST) or query string (GET/DELETE) */
  params: any
  /** HTTP status the fake answered with */
  status: number
  /** true when the response was an idempotent replay (no side effects happened) */
  replayed: boolean
}

export interface StripeFakeOptions {
  /** port to listen on (127.0.0.1); default: a free port */
  port?: number
  /** when set, every generated event is POSTed (signed) to `url` */
  webhook?: { url: string; secret: string }
}

export interface StripeFake {
  url: string
  port: number
  /** options to pass to `new Stripe(key, …)` */
  sdkOptions: { host: string; port: number; protocol: "http" }
  close(): Promise<void>
  requests: RecordedRequest[]
  events: StripeEvent[]
  paymentIntent(id: string): any | undefined
  charge(id: string): any | undefined
  /** The customer passes/fails the 3DS challenge of a PaymentIntent (or SetupIntent) in requires_action; returns the intent. */
  completeThreeDSecure(intentId: string, outcome?: "succeed" | "fail"): any
  /** A refund made from Stripe's dashboard (not through the API caller); returns the refund. */
  refundFromDashboard(paymentIntentId: string, amount?: number): any
  /** The cardholder disputes the payment; returns the dispute. */
  openDispute(paymentIntentId: string, reason?: string): any
  /** `{ payload, header }` for a webhook delivery of `event`, signed with the real SDK's generateTestHeaderString. */
  signedDelivery(event: StripeEvent, secret: string): { payload: string; header: string }
  /** The next `requests` API requests answer 500 api_error, as during an outage at Stripe. */
  simulateOutage(requests: number): void
  /** Resolves once every webhook delivery queued so far has been attempted (no-op without options.webhook). */
  waitForWebhooks(): Promise<void>
}
