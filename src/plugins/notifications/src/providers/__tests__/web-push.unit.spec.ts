import type { ProviderSendNotificationDTO } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { generateRequestDetails, generateVAPIDKeys, type VapidKeys } from "web-push"
import { requestPushEndpoint, startPushEndpoint, type PushEndpointFake, type PushSubscriptionJson } from "../../../../../../test-utils/web-push-endpoint"
import { PushSendError } from "../web-push/errors"
import { validateWebPushOptions, type WebPushOptions } from "../web-push/options"
import WebPushNotificationProviderService from "../web-push/service"

// The provider against a protocol-level push service (test-utils/web-push-endpoint) that
// implements RFC 8030, VAPID (RFC 8292) and aes128gcm decryption (RFC 8291) with node:crypto,
// independently of the web-push package the provider uses.
const SUBJECT = "mailto:ops@example.com"

describe("Web Push provider (against the push service fake)", () => {
  let push: PushEndpointFake
  let vapid: VapidKeys
  const provider = (options: Partial<WebPushOptions> = {}) =>
    new WebPushNotificationProviderService({}, { vapidPublicKey: vapid.publicKey, vapidPrivateKey: vapid.privateKey, subject: SUBJECT, ca: push.ca, ...options })
  const notification = (subscription: PushSubscriptionJson, overrides: Partial<ProviderSendNotificationDTO> = {}): ProviderSendNotificationDTO => ({
    to: subscription.endpoint,
    channel: "push",
    template: "order-shipped",
    content: { subject: "Your order has shipped", text: "Order #1001 is on its way — track it here." },
    data: { url: "https://shop.example.com/orders/1001", order_id: "order_1" },
    provider_data: { subscription },
    ...overrides,
  })
  const failure = (promise: Promise<unknown>) => promise.then(() => undefined, (e: unknown) => e as PushSendError)

  beforeAll(async () => {
    push = await startPushEndpoint()
    vapid = generateVAPIDKeys()
  })
  afterAll(async () => {
    await push.close()
  })

  it("delivers a payload the push service decrypts to { title, body, url, tag }, with VAPID for its origin", async () => {
    const subscription = push.createSubscription({ applicationServerKey: vapid.publicKey })
    const before = Math.floor(Date.now() / 1000)
    const { id } = await provider().send(notification(subscription, { provider_data: { subscription, urgency: "high", topic: "order_1001" } }))

    const [message] = push.received()
    expect(id).toBe(message.location)
    expect(message.endpoint).toBe(subscription.endpoint)
    expect(JSON.parse(message.payload)).toEqual({
      title: "Your order has shipped",
      body: "Order #1001 is on its way — track it here.",
      url: "https://shop.example.com/orders/1001",
      tag: "order-shipped",
    })
    expect(message).toMatchObject({ ttl: 24 * 60 * 60, urgency: "high", topic: "order_1001", vapidPublicKey: vapid.publicKey })
    expect(message.vapid.aud).toBe(push.url)
    expect(message.vapid.sub).toBe(SUBJECT)
    expect(message.vapid.exp).toBeGreaterThan(before)
    expect(message.vapid.exp).toBeLessThanOrEqual(before + 24 * 60 * 60 + 1)
  })

  it("sends its ttlSeconds and leaves out a url that is not a string", async () => {
    const subscription = push.createSubscription()
    await provider({ ttlSeconds: 60 }).send(notification(subscription, { data: { url: 42 } }))
    const message = push.received().at(-1)!
    expect(message.ttl).toBe(60)
    expect(JSON.parse(message.payload)).toEqual({ title: "Your order has shipped", body: "Order #1001 is on its way — track it here.", tag: "order-shipped" })
  })

  it("an expired subscription (410) fails with code subscription_gone, not retryable", async () => {
    const subscription = push.createSubscription()
    push.expire(subscription.endpoint)
    const error = await failure(provider().send(notification(subscription)))
    expect(error).toBeInstanceOf(PushSendError)
    expect(error).toMatchObject({ code: "subscription_gone", status: 410, retryable: false })
    // The endpoint is a capability URL: only the origin is named.
    expect(error!.message).toContain(push.url)
    expect(error!.message).not.toContain(subscription.endpoint)
  })

  it("an unknown subscription (404) is gone too", async () => {
    const subscription = { ...push.createSubscription(), endpoint: `${push.url}/push/unknown` }
    expect(await failure(provider().send(notification(subscription)))).toMatchObject({ code: "subscription_gone", status: 404 })
  })

  it("a subscription restricted to another application server refuses the message (403), not retryable", async () => {
    const subscription = push.createSubscription({ applicationServerKey: generateVAPIDKeys().publicKey })
    const error = await failure(provider().send(notification(subscription)))
    expect(error).toMatchObject({ code: "push_rejected", status: 403, retryable: false })
    expect(error!.message).toMatch(/restricted to/)
  })

  it("an unreachable push service is retryable", async () => {
    const gone = await startPushEndpoint()
    const subscription = gone.createSubscription()
    await gone.close()
    expect(await failure(provider({ ca: gone.ca }).send(notification(subscription)))).toMatchObject({ code: "push_unreachable", retryable: true })
  })

  it("refuses bad input before any request: a to that is not the subscription's endpoint, missing keys, a payload too large", async () => {
    const subscription = push.createSubscription()
    const count = push.received().length + push.rejected().length
    const invalid = async (n: ProviderSendNotificationDTO) => {
      const error = await failure(provider().send(n))
      expect(error).toBeInstanceOf(MedusaError)
      return error!.message
    }
    expect(await invalid(notification(subscription, { to: `${push.url}/push/other` }))).toMatch(/differs from/)
    expect(await invalid(notification(subscription, { provider_data: { subscription: { endpoint: subscription.endpoint } } }))).toMatch(/p256dh and auth/)
    expect(await invalid(notification(subscription, { content: { subject: "x", text: "y".repeat(4000) } }))).toMatch(/at most 3993/)
    expect(await invalid(notification(subscription, { provider_data: { subscription, urgency: "asap" } }))).toMatch(/urgency/)
    expect(push.received().length + push.rejected().length).toBe(count)
  })

  describe("the fake refuses what a real push service refuses (raw requests)", () => {
    /** A correct request built by web-push, to be broken one piece at a time. */
    const validRequest = (subscription: PushSubscriptionJson, keys = vapid) =>
      generateRequestDetails(subscription, "hello", { vapidDetails: { subject: SUBJECT, publicKey: keys.publicKey, privateKey: keys.privateKey }, TTL: 60 })
    const send = (endpoint: string, headers: Record<string, string>, body: Buffer) => requestPushEndpoint(endpoint, { ca: push.ca, headers, body })
    const authorizationParts = (header: string) => {
      const match = /^vapid t=([^,]+), k=(.+)$/.exec(header)
      if (!match) throw new Error(`unexpected Authorization ${header}`)
      return { t: match[1], k: match[2] }
    }

    it("accepts the unmodified request", async () => {
      const subscription = push.createSubscription()
      const request = validRequest(subscription)
      const response = await send(subscription.endpoint, request.headers, request.body)
      expect(response.status).toBe(201)
      expect(push.received().at(-1)).toMatchObject({ endpoint: subscription.endpoint, payload: "hello" })
    })

    it("refuses a JWT whose claims were changed after signing (403)", async () => {
      const subscription = push.createSubscription()
      const request = validRequest(subscription)
      const { t, k } = authorizationParts(request.headers.Authorization)
      const [header, claims, signature] = t.split(".")
      const tampered = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(claims, "base64url").toString()), sub: "mailto:attacker@example.com" })).toString("base64url")
      const response = await send(subscription.endpoint, { ...request.headers, Authorization: `vapid t=${header}.${tampered}.${signature}, k=${k}` }, request.body)
      expect(response.status).toBe(403)
      expect(push.rejected().at(-1)).toEqual({ endpoint: subscription.endpoint, status: 403, reason: "the JWT signature does not verify with k" })
    })

    it("refuses a JWT presented with another key than the one that signed it (403)", async () => {
      const subscription = push.createSubscription()
      const request = validRequest(subscription)
      const { t } = authorizationParts(request.headers.Authorization)
      const response = await send(subscription.endpoint, { ...request.headers, Authorization: `vapid t=${t}, k=${generateVAPIDKeys().publicKey}` }, request.body)
      expect(response.status).toBe(403)
      expect(JSON.parse(response.body)).toEqual({ code: 403, message: "the JWT signature does not verify with k" })
    })

    it("refuses a request without VAPID (401, WWW-Authenticate: vapid)", async () => {
      const subscription = push.createSubscription()
      const { Authorization: _dropped, ...headers } = validRequest(subscription).headers
      const response = await send(subscription.endpoint, headers, validRequest(subscription).body)
      expect(response.status).toBe(401)
      expect(response.headers["www-authenticate"]).toBe("vapid")
    })
  })
})

describe("Web Push provider options", () => {
  it("names every problem, including a public key from another pair", () => {
    const a = generateVAPIDKeys()
    const b = generateVAPIDKeys()
    expect(() => validateWebPushOptions({ vapidPublicKey: a.publicKey, vapidPrivateKey: b.privateKey, subject: "ops@example.com", ttlSeconds: -1 })).toThrow(
      "Web Push notification provider: `vapidPublicKey` is not the public key of `vapidPrivateKey`. `subject` must be a mailto: address or an https: URL. `ttlSeconds` must be a whole number from 0 to 2419200."
    )
    expect(() => validateWebPushOptions({ vapidPublicKey: `${a.publicKey}=`, vapidPrivateKey: "short", subject: "https://shop.example.com" })).toThrow(
      /`vapidPublicKey` must be a P-256 public key in URL-safe base64 without padding.*`vapidPrivateKey` must be a P-256 private key/
    )
    expect(validateWebPushOptions({ vapidPublicKey: a.publicKey, vapidPrivateKey: a.privateKey, subject: SUBJECT })).toMatchObject({ ttlSeconds: 86400, timeoutMs: 10000 })
  })
})
