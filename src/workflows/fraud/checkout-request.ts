/**
 * The client address of a checkout request, handed from the route's middleware to the
 * completion hook in the same process (Medusa runs the completion workflow inside the request).
 * Entries live for a minute at most; nothing else is kept about the request.
 */
const requests = new Map<string, { ip: string | null; at: number }>()
const TTL_MS = 60_000

export function noteCheckoutRequest(cartId: string, ip: string | null): void {
  const now = Date.now()
  for (const [key, value] of requests) {
    if (now - value.at > TTL_MS) requests.delete(key)
  }
  requests.set(cartId, { ip, at: now })
}

export function checkoutRequestIp(cartId: string): string | null {
  const entry = requests.get(cartId)
  return entry && Date.now() - entry.at <= TTL_MS ? entry.ip : null
}
