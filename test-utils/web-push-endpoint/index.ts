/**
 * A protocol-level fake of a Web Push service: RFC 8030 (push protocol), RFC 8292 (VAPID)
 * and RFC 8291 / RFC 8188 (aes128gcm message encryption), written from the RFCs with
 * node:crypto only, independently of the `web-push` package it tests. See README.md.
 *
 *   const push = await startPushEndpoint()
 *   const subscription = push.createSubscription()
 *   // … send to subscription.endpoint, trusting push.ca …
 *   push.received() // [{ endpoint, payload (decrypted), ttl, vapid: { aud, sub, exp }, … }]
 *   await push.close()
 */
import https from "https"
import type { AddressInfo } from "net"
import { createSelfSignedCertificate, type SelfSignedCertificate } from "./certificate"
import { createPushHandler, type PushLog } from "./server"
import { SubscriptionStore } from "./subscriptions"
import type { PushEndpointFake, PushEndpointOptions } from "./types"

export type {
  CreateSubscriptionOptions,
  PushEndpoint,
  PushEndpointFake,
  PushEndpointOptions,
  PushSubscriptionJson,
  ReceivedPushMessage,
  RejectedPushRequest,
} from "./types"
export { requestPushEndpoint, type RawPushResponse } from "./raw-request"
export type { SelfSignedCertificate }

/**
 * The fake's TLS certificate, made ahead of `startPushEndpoint({ certificate })` when the
 * sender must be configured to trust it (the provider's `ca` option) before the fake starts,
 * e.g. in a Medusa app booted by the test runner first.
 */
export function createPushEndpointCertificate(): SelfSignedCertificate {
  return createSelfSignedCertificate("web-push-endpoint fake")
}

export async function startPushEndpoint(options: PushEndpointOptions = {}): Promise<PushEndpointFake> {
  const { cert, key } = options.certificate ?? createPushEndpointCertificate()
  const log: PushLog = { received: [], rejected: [] }
  // The handler needs the origin, known once the port is: it is filled in right after listen.
  let handler: ReturnType<typeof createPushHandler> | undefined
  const server = https.createServer({ cert, key }, (req, res) => handler!(req, res))
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject)
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve())
  })
  const url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`
  const subscriptions = new SubscriptionStore(url)
  handler = createPushHandler(url, subscriptions, log)

  return {
    url,
    ca: cert,
    createSubscription: (options) => subscriptions.create(options),
    received: () => log.received.map((message) => ({ ...message, vapid: { ...message.vapid } })),
    rejected: () => log.rejected.map((rejection) => ({ ...rejection })),
    expire: (endpoint) => subscriptions.expire(endpoint),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}
