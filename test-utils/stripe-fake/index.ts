/**
 * A protocol-level fake of Stripe's HTTP API (API version 2024-04-10), written from
 * Stripe's public API reference — it is not Stripe. See README.md.
 *
 *   const fake = await startStripeFake()
 *   const stripe = new Stripe("sk_test_123", fake.sdkOptions)
 */
import http from "http"
import { AddressInfo } from "net"
import { clone, newId } from "./ids"
import { createDispute, createRefund } from "./resources/charges"
import { completePaymentIntentThreeDSecure } from "./resources/payment-intents"
import { completeSetupIntentThreeDSecure } from "./resources/setup-intents"
import { createHandler } from "./server"
import { FakeState } from "./state"
import type { RecordedRequest, StripeEvent, StripeFake, StripeFakeOptions } from "./types"
import { signedDelivery, WebhookSender } from "./webhooks"

export type { RecordedRequest, StripeEvent, StripeFake, StripeFakeOptions } from "./types"
export { TEST_CARDS } from "./test-cards"
export type { TestCard } from "./test-cards"
export { StripeSdk, stripeSdkPath } from "./sdk"
export { API_VERSION } from "./state"

export async function startStripeFake(options: StripeFakeOptions = {}): Promise<StripeFake> {
  const state = new FakeState()
  const requests: RecordedRequest[] = []
  const sender = options.webhook ? new WebhookSender(options.webhook.url, options.webhook.secret) : undefined
  if (sender) state.onEvent = (event) => sender.enqueue(event)

  const server = http.createServer(createHandler(state, requests))
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject)
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve())
  })
  const port = (server.address() as AddressInfo).port
  const url = `http://127.0.0.1:${port}`
  state.baseUrl = url

  /** Test controls act outside any API request (Stripe stamps such events with request.id null). */
  const outsideRequest = <T>(fn: () => T): T => state.withRequest({ id: null, idempotency_key: null }, fn)
  const mustGet = (store: "paymentIntents" | "setupIntents", id: string) => {
    const found = state[store].get(id)
    if (!found) throw new Error(`Stripe fake: no such ${store === "paymentIntents" ? "payment_intent" : "setup_intent"} '${id}'`)
    return found
  }

  return {
    url,
    port,
    sdkOptions: { host: "127.0.0.1", port, protocol: "http" },
    requests,
    events: state.eventLog as StripeEvent[],
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
    },
    paymentIntent: (id) => clone(state.paymentIntents.get(id)),
    charge: (id) => clone(state.charges.get(id)),
    completeThreeDSecure: (intentId, outcome = "succeed") =>
      outsideRequest(() =>
        clone(
          intentId.startsWith("seti_")
            ? completeSetupIntentThreeDSecure(state, mustGet("setupIntents", intentId), outcome)
            : completePaymentIntentThreeDSecure(state, mustGet("paymentIntents", intentId), outcome)
        )
      ),
    // A dashboard action is a request of its own (not the API caller's): fresh request id, no idempotency key.
    refundFromDashboard: (paymentIntentId, amount) =>
      state.withRequest({ id: newId("req"), idempotency_key: null }, () =>
        clone(createRefund(state, { payment_intent: paymentIntentId, ...(amount !== undefined ? { amount: String(amount) } : {}) }))
      ),
    openDispute: (paymentIntentId, reason = "fraudulent") =>
      outsideRequest(() => clone(createDispute(state, mustGet("paymentIntents", paymentIntentId), reason))),
    signedDelivery,
    simulateOutage: (count) => {
      state.outageRequests = count
    },
    waitForWebhooks: () => sender?.idle() ?? Promise.resolve(),
  }
}
