import { createECDH, randomBytes, type ECDH } from "crypto"
import type { CreateSubscriptionOptions, PushSubscriptionJson } from "./types"

/** What the user agent keeps of a subscription (RFC 8291 §2): its key pair and auth secret. */
export type Subscription = {
  id: string
  endpoint: string
  /** The user agent's P-256 key pair. */
  ecdh: ECDH
  /** Uncompressed public point, 65 bytes. */
  publicKey: Buffer
  /** 16 random bytes (RFC 8291 §2 requires exactly 16). */
  authSecret: Buffer
  /** VAPID key the subscription is restricted to (RFC 8292 §4.2), 65 bytes. */
  applicationServerKey?: Buffer
  expired: boolean
}

export class SubscriptionStore {
  private readonly byId = new Map<string, Subscription>()

  constructor(private readonly origin: string) {}

  create(options: CreateSubscriptionOptions = {}): PushSubscriptionJson {
    const ecdh = createECDH("prime256v1")
    ecdh.generateKeys()
    const id = randomBytes(16).toString("base64url")
    const subscription: Subscription = {
      id,
      endpoint: `${this.origin}/push/${id}`,
      ecdh,
      publicKey: ecdh.getPublicKey(),
      authSecret: randomBytes(16),
      applicationServerKey: options.applicationServerKey ? Buffer.from(options.applicationServerKey, "base64url") : undefined,
      expired: false,
    }
    this.byId.set(id, subscription)
    return {
      endpoint: subscription.endpoint,
      keys: { p256dh: subscription.publicKey.toString("base64url"), auth: subscription.authSecret.toString("base64url") },
    }
  }

  get(id: string): Subscription | undefined {
    return this.byId.get(id)
  }

  expire(endpoint: string): void {
    const subscription = [...this.byId.values()].find((s) => s.endpoint === endpoint)
    if (!subscription) throw new Error(`Push endpoint fake: no subscription ${endpoint}`)
    subscription.expired = true
  }
}
