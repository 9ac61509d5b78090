import { createHmac, timingSafeEqual } from "node:crypto"

/**
 * One-click unsubscribe links carry the address and an HMAC over it, so the link works without
 * login, forever, and nobody can unsubscribe an address they did not receive a mail for.
 */
const PURPOSE = "emporium-notifications:unsubscribe:v1:"

const sign = (email: string, secret: string) => createHmac("sha256", secret).update(PURPOSE + email).digest("base64url")

export function unsubscribeToken(email: string, secret: string): string {
  const normalized = email.toLowerCase()
  return `${Buffer.from(normalized).toString("base64url")}.${sign(normalized, secret)}`
}

/** The address the token was made for, or null for anything forged, truncated or altered. */
export function verifyUnsubscribeToken(token: string, secret: string): string | null {
  const [encoded, signature, extra] = token.split(".")
  if (!encoded || !signature || extra !== undefined) return null
  const email = Buffer.from(encoded, "base64url").toString("utf8")
  if (!email.includes("@") || Buffer.from(email).toString("base64url") !== encoded) return null
  const expected = Buffer.from(sign(email, secret))
  const given = Buffer.from(signature)
  return expected.length === given.length && timingSafeEqual(expected, given) ? email : null
}

export function unsubscribeUrl(backendUrl: string, email: string, secret: string): string {
  return `${backendUrl}/notifications/unsubscribe?token=${unsubscribeToken(email, secret)}`
}
