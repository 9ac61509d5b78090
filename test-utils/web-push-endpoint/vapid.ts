/**
 * VAPID (RFC 8292): the `Authorization: vapid t=<JWT>, k=<public key>` header of a push
 * request, checked as a push service does.
 *
 * 401 when there is nothing the fake can check (no header, another scheme, no `t` or `k`,
 * a JWT or key that cannot be parsed); 403 when the credentials are checked and refused
 * (signature, `aud`, `exp`, `sub`, a key the subscription is not restricted to). RFC 8292
 * §4.2 suggests exactly this split.
 */
import { createPublicKey, verify, type KeyObject } from "crypto"

export type VapidClaims = { aud: string; sub: string; exp: number }
export type VapidResult =
  | { ok: true; claims: VapidClaims; publicKey: Buffer }
  | { ok: false; status: 401 | 403; reason: string }

/** RFC 8292 §2: "exp" no more than 24 hours after the request. */
const MAX_EXPIRY_SECONDS = 24 * 60 * 60

const unauthorized = (reason: string): VapidResult => ({ ok: false, status: 401, reason })
const forbidden = (reason: string): VapidResult => ({ ok: false, status: 403, reason })

/** The auth-params of `vapid t=…, k=…` (RFC 7235 §2.1; values may be quoted). */
function parseAuthorization(header: string): { scheme: string; params: Record<string, string> } {
  const space = header.indexOf(" ")
  const scheme = (space < 0 ? header : header.slice(0, space)).toLowerCase()
  const params: Record<string, string> = {}
  for (const part of (space < 0 ? "" : header.slice(space + 1)).split(",")) {
    const eq = part.indexOf("=")
    if (eq < 0) continue
    params[part.slice(0, eq).trim().toLowerCase()] = part.slice(eq + 1).trim().replace(/^"(.*)"$/, "$1")
  }
  return { scheme, params }
}

/** `k`: the uncompressed P-256 point (65 bytes, 0x04 first), URL-safe base64 (RFC 8292 §3.2). */
function publicKeyOf(k: string): { point: Buffer; key: KeyObject } | undefined {
  if (!/^[A-Za-z0-9_-]+=*$/.test(k)) return undefined
  const point = Buffer.from(k, "base64url")
  if (point.length !== 65 || point[0] !== 0x04) return undefined
  try {
    const jwk = { kty: "EC", crv: "P-256", x: point.subarray(1, 33).toString("base64url"), y: point.subarray(33).toString("base64url") }
    return { point, key: createPublicKey({ key: jwk, format: "jwk" }) }
  } catch {
    return undefined // not a point on the curve
  }
}

function decodeJson(part: string): Record<string, unknown> | undefined {
  try {
    const value = JSON.parse(Buffer.from(part, "base64url").toString("utf8"))
    return value && typeof value === "object" && !Array.isArray(value) ? value : undefined
  } catch {
    return undefined
  }
}

export function verifyVapid(header: string | undefined, audience: string, restrictedTo: Buffer | undefined, nowMs = Date.now()): VapidResult {
  if (!header) return unauthorized("no Authorization header: VAPID (RFC 8292) is required")
  const { scheme, params } = parseAuthorization(header)
  if (scheme !== "vapid") return unauthorized(`Authorization scheme "${scheme}" is not "vapid" (RFC 8292 §3)`)
  if (!params.t) return unauthorized("the vapid Authorization has no t (JWT) parameter")
  if (!params.k) return unauthorized("the vapid Authorization has no k (public key) parameter")
  const publicKey = publicKeyOf(params.k)
  if (!publicKey) return unauthorized("k is not an uncompressed P-256 public key in URL-safe base64")

  const parts = params.t.split(".")
  if (parts.length !== 3) return unauthorized("t is not a JWS compact serialization (header.payload.signature)")
  const [headerPart, claimsPart, signaturePart] = parts
  const jwtHeader = decodeJson(headerPart)
  const claims = decodeJson(claimsPart)
  if (!jwtHeader || !claims) return unauthorized("the JWT header or claims are not base64url JSON objects")
  if (jwtHeader.alg !== "ES256") return unauthorized(`JWT alg is ${JSON.stringify(jwtHeader.alg)}, VAPID requires ES256 (RFC 8292 §2)`)
  if (jwtHeader.typ !== undefined && String(jwtHeader.typ).toUpperCase() !== "JWT") return unauthorized("JWT typ must be JWT")

  // JWS (RFC 7518 §3.4) signs with the raw 64-byte r||s, not DER.
  const signature = Buffer.from(signaturePart, "base64url")
  if (signature.length !== 64) return forbidden("the JWT signature is not a 64-byte ES256 signature")
  const signedPart = Buffer.from(`${headerPart}.${claimsPart}`, "ascii")
  if (!verify("sha256", signedPart, { key: publicKey.key, dsaEncoding: "ieee-p1363" }, signature)) {
    return forbidden("the JWT signature does not verify with k")
  }
  if (restrictedTo && !restrictedTo.equals(publicKey.point)) {
    return forbidden("k is not the applicationServerKey this subscription is restricted to (RFC 8292 §4.2)")
  }

  const { aud, exp, sub } = claims
  if (aud !== audience) return forbidden(`JWT aud ${JSON.stringify(aud)} is not the push resource's origin ${audience}`)
  const now = Math.floor(nowMs / 1000)
  if (typeof exp !== "number" || !Number.isInteger(exp)) return forbidden("JWT exp is missing or not a whole number of seconds")
  if (exp <= now) return forbidden("the JWT has expired (exp)")
  if (exp > now + MAX_EXPIRY_SECONDS) return forbidden("JWT exp is more than 24 hours ahead (RFC 8292 §2)")
  // RFC 8292 §2.1 says SHOULD; the fake requires it, as a sender that omits it can't be contacted.
  if (typeof sub !== "string" || !/^(mailto:|https:)/.test(sub)) return forbidden("JWT sub must be a mailto: or https: URI")
  return { ok: true, claims: { aud, sub, exp }, publicKey: publicKey.point }
}
