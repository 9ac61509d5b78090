import { createECDH, createPrivateKey, sign } from "crypto"
import { generateRequestDetails, generateVAPIDKeys, type VapidKeys } from "web-push"
import { createPushEndpointCertificate, requestPushEndpoint, startPushEndpoint, type PushEndpointFake, type PushSubscriptionJson } from ".."
import { decryptPushMessage } from "../decrypt"

// The fake's own checks, through raw HTTPS requests. Valid requests are built with the
// web-push package, then broken one piece at a time; JWTs with chosen claims are signed
// here with node:crypto. The fake must refuse each, or the provider's tests prove nothing.
const SUBJECT = "mailto:ops@example.com"
const HOUR = 60 * 60

/** An ES256 JWT (RFC 7515 compact form) signed with the VAPID pair, with any claims. */
function signJwt(claims: Record<string, unknown>, keys: VapidKeys, options: { alg?: string; derSignature?: boolean } = {}): string {
  const point = Buffer.from(keys.publicKey, "base64url")
  const jwk = { kty: "EC", crv: "P-256", d: keys.privateKey, x: point.subarray(1, 33).toString("base64url"), y: point.subarray(33).toString("base64url") }
  const key = createPrivateKey({ key: jwk, format: "jwk" })
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url")
  const signingInput = `${encode({ typ: "JWT", alg: options.alg ?? "ES256" })}.${encode(claims)}`
  const signature = sign("sha256", Buffer.from(signingInput), { key, dsaEncoding: options.derSignature ? "der" : "ieee-p1363" })
  return `${signingInput}.${signature.toString("base64url")}`
}

describe("Web Push endpoint fake", () => {
  let push: PushEndpointFake
  let vapid: VapidKeys
  const now = () => Math.floor(Date.now() / 1000)

  /** A valid request (web-push encrypts; `claims` replaces the JWT when given). */
  const request = (subscription: PushSubscriptionJson, options: { payload?: string | null; claims?: Record<string, unknown>; jwt?: string; k?: string } = {}) => {
    const details = generateRequestDetails(subscription, options.payload === null ? undefined : (options.payload ?? "hello"), {
      vapidDetails: { subject: SUBJECT, publicKey: vapid.publicKey, privateKey: vapid.privateKey },
      TTL: 120,
    })
    const headers: Record<string, string> = { ...details.headers }
    if (options.claims || options.jwt || options.k) {
      const jwt = options.jwt ?? signJwt(options.claims!, vapid)
      headers.Authorization = `vapid t=${jwt}, k=${options.k ?? vapid.publicKey}`
    }
    return { headers, body: details.body ?? Buffer.alloc(0) }
  }
  const send = (endpoint: string, init: { headers: Record<string, string>; body: Buffer }, method = "POST") =>
    requestPushEndpoint(endpoint, { ca: push.ca, method, headers: init.headers, body: init.body })
  const expectRefused = async (endpoint: string, init: { headers: Record<string, string>; body: Buffer }, status: number, reason: RegExp) => {
    const response = await send(endpoint, init)
    expect({ status: response.status, reason: JSON.parse(response.body).message }).toEqual({ status, reason: expect.stringMatching(reason) })
    expect(push.rejected().at(-1)).toEqual({ endpoint, status, reason: expect.stringMatching(reason) })
  }

  beforeAll(async () => {
    push = await startPushEndpoint()
    vapid = generateVAPIDKeys()
  })
  afterAll(async () => {
    await push.close()
  })

  it("decrypts the worked example of RFC 8291 Appendix A", () => {
    const ecdh = createECDH("prime256v1")
    ecdh.setPrivateKey(Buffer.from("q1dXpw3UpT5VOmu_cf_v6ih07Aems3njxI-JWgLcM94", "base64url"))
    const body = Buffer.from(
      "DGv6ra1nlYgDCS1FRnbzlwAAEABBBP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A_yl95bQpu6cVPTpK4Mqgkf1CXztLVBSt2Ks3oZwbuwXPXLWyouBWLVWGNWQexSgSxsj_Qulcy4a-fN",
      "base64url"
    )
    const subscription = { id: "rfc8291", endpoint: "", ecdh, publicKey: ecdh.getPublicKey(), authSecret: Buffer.from("BTBZMqHH6r4Tts7J_aSIgg", "base64url"), expired: false }
    expect(subscription.publicKey.toString("base64url")).toBe("BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4")
    const result = decryptPushMessage(body, subscription)
    expect(result.ok && result.plaintext.toString()).toBe("When I grow up, I want to be a watermelon")
  })

  it("creates subscriptions as a browser does: an https endpoint, a P-256 key and a 16-byte auth secret", () => {
    const subscription = push.createSubscription()
    expect(subscription.endpoint).toMatch(new RegExp(`^${push.url}/push/[A-Za-z0-9_-]+$`))
    expect(Buffer.from(subscription.keys.p256dh, "base64url")).toHaveLength(65)
    expect(Buffer.from(subscription.keys.p256dh, "base64url")[0]).toBe(4)
    expect(Buffer.from(subscription.keys.auth, "base64url")).toHaveLength(16)
    expect(push.createSubscription().endpoint).not.toBe(subscription.endpoint)
  })

  it("accepts a valid message: 201, Location and TTL, and records it decrypted", async () => {
    const subscription = push.createSubscription()
    const response = await send(subscription.endpoint, request(subscription, { payload: "ünïcode ✓" }))
    expect(response.status).toBe(201)
    expect(response.headers.location).toMatch(new RegExp(`^${push.url}/message/`))
    expect(response.headers.ttl).toBe("120")
    expect(push.received().at(-1)).toEqual({
      endpoint: subscription.endpoint,
      payload: "ünïcode ✓",
      ttl: 120,
      urgency: "normal", // web-push's default
      vapid: { aud: push.url, sub: SUBJECT, exp: expect.any(Number) },
      vapidPublicKey: vapid.publicKey,
      location: response.headers.location,
    })
  })

  it("serves a certificate made ahead, on a given port", async () => {
    const certificate = createPushEndpointCertificate()
    const probe = await startPushEndpoint()
    const port = Number(new URL(probe.url).port)
    await probe.close()
    const fixed = await startPushEndpoint({ port, certificate })
    try {
      expect(fixed).toMatchObject({ url: `https://127.0.0.1:${port}`, ca: certificate.cert })
      const subscription = fixed.createSubscription()
      const response = await requestPushEndpoint(subscription.endpoint, { ca: certificate.cert, headers: request(subscription).headers, body: request(subscription).body })
      // The VAPID aud of `request` is this fake's origin: accepted, so TLS and origin line up.
      expect(response.status).toBe(201)
    } finally {
      await fixed.close()
    }
  })

  it("accepts a message without payload (RFC 8030 §5)", async () => {
    const subscription = push.createSubscription()
    expect((await send(subscription.endpoint, request(subscription, { payload: null }))).status).toBe(201)
    expect(push.received().at(-1)).toMatchObject({ endpoint: subscription.endpoint, payload: "" })
  })

  describe("VAPID (RFC 8292)", () => {
    const claims = (overrides: Record<string, unknown> = {}) => ({ aud: push.url, exp: now() + HOUR, sub: SUBJECT, ...overrides })

    it("accepts a JWT signed here, independently of web-push", async () => {
      const subscription = push.createSubscription()
      expect((await send(subscription.endpoint, request(subscription, { claims: claims() }))).status).toBe(201)
    })

    // Claims are built per test: the origin (push.url) is known once the fake runs.
    it.each<[string, () => Record<string, unknown>, RegExp]>([
      ["an aud of another origin", () => ({ aud: "https://push.example.net" }), /aud .* is not the push resource's origin/],
      ["an aud with a path", () => ({ aud: `${push.url}/push` }), /aud .* is not the push resource's origin/],
      ["an expired exp", () => ({ exp: now() - 1 }), /has expired/],
      ["an exp more than 24 hours ahead", () => ({ exp: now() + 25 * HOUR }), /more than 24 hours/],
      ["an exp that is not a number", () => ({ exp: "tomorrow" }), /exp is missing/],
      ["a sub that is neither mailto: nor https:", () => ({ sub: "http://shop.example.com" }), /sub must be/],
      ["no sub", () => ({ sub: undefined }), /sub must be/],
    ])("refuses %s with 403", async (_case, overrides, reason) => {
      const subscription = push.createSubscription()
      await expectRefused(subscription.endpoint, request(subscription, { claims: claims(overrides()) }), 403, reason)
    })

    it("refuses a DER-encoded signature (JWS needs raw r||s) with 403", async () => {
      const subscription = push.createSubscription()
      await expectRefused(subscription.endpoint, request(subscription, { jwt: signJwt(claims(), vapid, { derSignature: true }) }), 403, /not a 64-byte ES256 signature/)
    })

    it("refuses a key the subscription is not restricted to with 403", async () => {
      const other = generateVAPIDKeys()
      const subscription = push.createSubscription({ applicationServerKey: other.publicKey })
      await expectRefused(subscription.endpoint, request(subscription), 403, /applicationServerKey/)
    })

    type HeaderChange = (headers: Record<string, string>) => Record<string, string>
    it.each<[string, HeaderChange, RegExp]>([
      ["no Authorization", ({ Authorization: _dropped, ...rest }) => rest, /no Authorization header/],
      ["the WebPush scheme of the drafts", (h: Record<string, string>) => ({ ...h, Authorization: h.Authorization.replace(/^vapid/, "WebPush") }), /is not "vapid"/],
      ["no k", (h: Record<string, string>) => ({ ...h, Authorization: h.Authorization.replace(/, k=.*$/, "") }), /no k/],
      ["a k that is not a P-256 point", (h: Record<string, string>) => ({ ...h, Authorization: h.Authorization.replace(/k=.*$/, `k=${Buffer.alloc(65, 4).toString("base64url")}`) }), /not an uncompressed P-256/],
      ["a t that is not a JWT", (h: Record<string, string>) => ({ ...h, Authorization: h.Authorization.replace(/t=[^,]+/, "t=abc") }), /not a JWS/],
    ])("refuses %s with 401", async (_case, change, reason) => {
      const subscription = push.createSubscription()
      const valid = request(subscription)
      const response = await send(subscription.endpoint, { headers: change(valid.headers), body: valid.body })
      expect(response.status).toBe(401)
      expect(response.headers["www-authenticate"]).toBe("vapid")
      expect(JSON.parse(response.body).message).toMatch(reason)
    })

    it("refuses an alg other than ES256 with 401", async () => {
      const subscription = push.createSubscription()
      await expectRefused(subscription.endpoint, request(subscription, { jwt: signJwt(claims(), vapid, { alg: "HS256" }) }), 401, /requires ES256/)
    })
  })

  describe("push protocol (RFC 8030) and encryption (RFC 8291, RFC 8188)", () => {
    const without = (headers: Record<string, string>, name: string) => Object.fromEntries(Object.entries(headers).filter(([key]) => key.toLowerCase() !== name.toLowerCase()))

    it("refuses a message without TTL, or with a TTL that is not a number, with 400", async () => {
      const subscription = push.createSubscription()
      const valid = request(subscription)
      await expectRefused(subscription.endpoint, { headers: without(valid.headers, "TTL"), body: valid.body }, 400, /TTL header is required/)
      await expectRefused(subscription.endpoint, { headers: { ...valid.headers, TTL: "soon" }, body: valid.body }, 400, /TTL must be/)
    })

    it("refuses an unknown Urgency and a Topic that is too long with 400", async () => {
      const subscription = push.createSubscription()
      const valid = request(subscription)
      await expectRefused(subscription.endpoint, { headers: { ...valid.headers, Urgency: "urgent" }, body: valid.body }, 400, /Urgency/)
      await expectRefused(subscription.endpoint, { headers: { ...valid.headers, Topic: "t".repeat(33) }, body: valid.body }, 400, /Topic/)
    })

    it("refuses a payload that is not aes128gcm with 400", async () => {
      const subscription = push.createSubscription()
      const valid = request(subscription)
      await expectRefused(subscription.endpoint, { headers: { ...valid.headers, "Content-Encoding": "aesgcm" }, body: valid.body }, 400, /aes128gcm/)
      await expectRefused(subscription.endpoint, { headers: without(valid.headers, "Content-Encoding"), body: valid.body }, 400, /got none/)
    })

    it("refuses a corrupted body and one encrypted for another subscription with 400", async () => {
      const subscription = push.createSubscription()
      const valid = request(subscription)
      const corrupted = Buffer.from(valid.body)
      corrupted[corrupted.length - 20] ^= 0xff
      await expectRefused(subscription.endpoint, { headers: valid.headers, body: corrupted }, 400, /does not decrypt/)
      const someoneElse = push.createSubscription()
      await expectRefused(someoneElse.endpoint, valid, 400, /does not decrypt/)
    })

    it("refuses a header with a wrong keyid or record size, and a body of several records, with 400", async () => {
      const subscription = push.createSubscription()
      const valid = request(subscription)
      const withByte = (offset: number, value: number) => {
        const body = Buffer.from(valid.body)
        body[offset] = value
        return body
      }
      await expectRefused(subscription.endpoint, { headers: valid.headers, body: withByte(20, 64) }, 400, /keyid is 64 bytes/)
      const smallRecords = Buffer.from(valid.body)
      smallRecords.writeUInt32BE(18, 16)
      await expectRefused(subscription.endpoint, { headers: valid.headers, body: smallRecords }, 400, /more than one record/)
      const tinyRecords = Buffer.from(valid.body)
      tinyRecords.writeUInt32BE(17, 16)
      await expectRefused(subscription.endpoint, { headers: valid.headers, body: tinyRecords }, 400, /below 18/)
    })

    it("refuses a body over 4096 bytes with 413", async () => {
      const subscription = push.createSubscription()
      const valid = request(subscription)
      await expectRefused(subscription.endpoint, { headers: { ...valid.headers, "Content-Length": "5000" }, body: Buffer.alloc(5000, 1) }, 413, /larger than 4096/)
    })

    it("answers 404 for an unknown subscription, 410 once expired, 405 for other methods", async () => {
      const subscription = push.createSubscription()
      const valid = request(subscription)
      await expectRefused(`${push.url}/push/nope`, valid, 404, /no such push subscription/)
      expect((await send(subscription.endpoint, { headers: {}, body: Buffer.alloc(0) }, "GET")).status).toBe(405)
      push.expire(subscription.endpoint)
      await expectRefused(subscription.endpoint, valid, 410, /expired/)
      expect(() => push.expire(`${push.url}/push/nope`)).toThrow(/no subscription/)
    })
  })
})
