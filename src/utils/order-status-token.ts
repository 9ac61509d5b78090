import crypto from "crypto"

/**
 * A guest's key to one order's status: an HMAC of the order id under the server's JWT
 * secret. Stateless (nothing to store or clean up) and unforgeable without the secret;
 * rotating JWT_SECRET revokes every token at once.
 */
export function orderStatusToken(orderId: string, secret: string): string {
  return crypto.createHmac("sha256", secret).update(`order-status:${orderId}`).digest("base64url")
}

export function isValidOrderStatusToken(orderId: string, token: string, secret: string): boolean {
  const expected = Buffer.from(orderStatusToken(orderId, secret))
  const given = Buffer.from(token)
  return given.length === expected.length && crypto.timingSafeEqual(given, expected)
}
