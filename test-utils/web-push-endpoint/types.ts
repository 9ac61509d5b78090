/** A subscription as a browser hands it to the application server (`PushSubscription.toJSON()`). */
export type PushSubscriptionJson = {
  endpoint: string
  keys: {
    /** The user agent's P-256 public key, uncompressed, URL-safe base64 (RFC 8291 §2). */
    p256dh: string
    /** The 16-byte authentication secret, URL-safe base64 (RFC 8291 §2). */
    auth: string
  }
}

export type CreateSubscriptionOptions = {
  /**
   * Restricts the subscription to one application server (RFC 8292 §4.2), as
   * `pushManager.subscribe({ applicationServerKey })` does: the VAPID public key (URL-safe
   * base64). A message signed with another key is refused with 403.
   */
  applicationServerKey?: string
}

/** A push message the fake accepted, decrypted. */
export type ReceivedPushMessage = {
  endpoint: string
  /** The decrypted payload as UTF-8 text; "" for a message without payload. */
  payload: string
  /** The TTL header, seconds. */
  ttl: number
  urgency?: string
  topic?: string
  /** Claims of the verified VAPID JWT. */
  vapid: { aud: string; sub: string; exp: number }
  /** The VAPID public key (`k`) the JWT was verified with. */
  vapidPublicKey: string
  /** The Location the fake answered with. */
  location: string
}

/** A request the fake refused. */
export type RejectedPushRequest = { endpoint: string; status: number; reason: string }

export type PushEndpointOptions = {
  /** Port on 127.0.0.1; 0 (default) picks a free one. */
  port?: number
  /**
   * The TLS certificate and key (PEM) to serve, from `createPushEndpointCertificate()`, when
   * the sender had to be told to trust it before the fake started. Default: a new one.
   */
  certificate?: { cert: string; key: string }
}

export type PushEndpointFake = {
  /** Origin of the push service, `https://127.0.0.1:<port>`: the VAPID `aud`. */
  url: string
  /** The self-signed certificate (PEM) clients must trust: `https.Agent({ ca })`, or the provider's `ca` option. */
  ca: string
  /** A new subscription, as a browser would create it. The fake keeps its private key. */
  createSubscription(options?: CreateSubscriptionOptions): PushSubscriptionJson
  received(): ReceivedPushMessage[]
  rejected(): RejectedPushRequest[]
  /** From now on the endpoint answers 410 Gone, as after the user unsubscribed. */
  expire(endpoint: string): void
  close(): Promise<void>
}

/** Same as `PushEndpointFake`. */
export type PushEndpoint = PushEndpointFake
