/**
 * Drives the Stripe fake through the real stripe Node SDK (the v15 copy that
 * @medusajs/payment-stripe uses) over HTTP, asserting what a Stripe user would observe.
 */
import http from "http"
import path from "path"
import { AddressInfo } from "net"
import { startStripeFake, StripeFake } from "../index"

// The SDK @medusajs/payment-stripe depends on (not the app's top-level `stripe`).
const Stripe: any = require(
  require.resolve("stripe", { paths: [path.dirname(require.resolve("@medusajs/payment-stripe/package.json"))] })
)

const KEY = "sk_test_emporium_fake"

let fake: StripeFake
let stripe: any

/** Resolves with the error the promise rejects with; fails the test if it resolves. */
async function failure(p: Promise<any>): Promise<any> {
  try {
    await p
  } catch (e) {
    return e
  }
  throw new Error("expected the Stripe call to fail")
}

function eventTypesSince(index: number): string[] {
  return fake.events.slice(index).map((e) => e.type)
}

/** Card payments confirmed server-side (no redirect-capable automatic payment methods). */
const CARD_ONLY = { payment_method_types: ["card"] }

beforeAll(async () => {
  fake = await startStripeFake()
  stripe = new Stripe(KEY, { ...fake.sdkOptions, telemetry: false })
})

afterAll(async () => {
  await fake.close()
})

describe("transport, authentication and errors", () => {
  it("answers 500 api_error during a simulated outage, then serves again", async () => {
    const noRetries = new Stripe(KEY, { ...fake.sdkOptions, telemetry: false, maxNetworkRetries: 0 })
    fake.simulateOutage(1)
    const e = await failure(noRetries.customers.create({ email: "outage@example.com" }))
    expect({ type: e.type, status: e.statusCode }).toEqual({ type: "StripeAPIError", status: 500 })
    const customer = await noRetries.customers.create({ email: "after@example.com" })
    expect(customer.email).toBe("after@example.com")
  })

  it("reports the SDK version under test and exposes connection options", () => {
    expect(require(path.join(path.dirname(require.resolve("@medusajs/payment-stripe/package.json")), "node_modules/stripe/package.json")).version).toBe("15.12.0")
    expect(fake.url).toBe(`http://127.0.0.1:${fake.port}`)
    expect(fake.sdkOptions).toEqual({ host: "127.0.0.1", port: fake.port, protocol: "http" })
  })

  it("rejects requests without a valid test secret key with 401", async () => {
    const noKey = new Stripe("", { ...fake.sdkOptions, telemetry: false })
    const e1 = await failure(noKey.customers.create({ email: "a@b.c" }))
    expect(e1.statusCode).toBe(401)
    expect(e1.raw.type).toBe("invalid_request_error")
    expect(e1.message).toMatch(/You did not provide an API key/)

    const liveKey = new Stripe("sk_live_abcdefghijklmnop", { ...fake.sdkOptions, telemetry: false })
    const e2 = await failure(liveKey.customers.create({ email: "a@b.c" }))
    expect(e2.statusCode).toBe(401)
    expect(e2.type).toBe("StripeAuthenticationError")
    expect(e2.message).toMatch(/^Invalid API Key provided: sk_live_/)
  })

  it("answers unknown routes with Stripe's unrecognized URL error", async () => {
    // stripe-node v15 has no raw-request helper; a custom resource reaches any path.
    const Nope = Stripe.StripeResource.extend({ list: Stripe.StripeResource.method({ method: "GET", fullPath: "/v1/nope" }) })
    const e = await failure(new Nope(stripe).list())
    expect(e.statusCode).toBe(404)
    expect(e.raw.type).toBe("invalid_request_error")
    expect(e.message).toMatch(/^Unrecognized request URL \(GET: \/v1\/nope\)/)
    const res = await fetch(`${fake.url}/v1/payment_intents/pi_1/refund`, { method: "POST", headers: { Authorization: `Bearer ${KEY}` } })
    expect(res.status).toBe(404)
    expect(((await res.json()) as any).error.message).toMatch(/^Unrecognized request URL \(POST: \/v1\/payment_intents\/pi_1\/refund\)/)
  })

  it("answers unknown ids with 404 resource_missing", async () => {
    const e = await failure(stripe.paymentIntents.retrieve("pi_doesnotexist"))
    expect(e.statusCode).toBe(404)
    expect(e.type).toBe("StripeInvalidRequestError")
    expect(e.code).toBe("resource_missing")
    expect(e.message).toBe("No such payment_intent: 'pi_doesnotexist'")
    const e2 = await failure(stripe.customers.retrieve("cus_nope"))
    expect(e2.message).toBe("No such customer: 'cus_nope'")
  })

  it("validates parameters like Stripe: required, integers, unknown parameters", async () => {
    const missing = await failure(stripe.paymentIntents.create({ currency: "usd" }))
    expect(missing.statusCode).toBe(400)
    expect(missing.code).toBe("parameter_missing")
    expect(missing.param).toBe("amount")

    const notInt = await failure(stripe.paymentIntents.create({ amount: "12.5", currency: "usd" }))
    expect(notInt.code).toBe("parameter_invalid_integer")

    const zero = await failure(stripe.paymentIntents.create({ amount: 0, currency: "usd" }))
    expect(zero.statusCode).toBe(400)
    expect(zero.param).toBe("amount")

    const unknown = await failure(stripe.paymentIntents.create({ amount: 1000, currency: "usd", colour: "red" } as any))
    expect(unknown.code).toBe("parameter_unknown")
    expect(unknown.message).toBe("Received unknown parameter: colour")

    const tooSmall = await failure(stripe.paymentIntents.create({ amount: 10, currency: "usd" }))
    expect(tooSmall.code).toBe("amount_too_small")
  })

  it("records every request: method, path, idempotency key, parsed params, status", async () => {
    const before = fake.requests.length
    await stripe.customers.create({ email: "log@example.com", metadata: { a: "1" } }, { idempotencyKey: "log-key-1" })
    await failure(stripe.customers.retrieve("cus_missing_for_log"))
    const [post, get] = fake.requests.slice(before)
    expect(post).toMatchObject({
      method: "POST",
      path: "/v1/customers",
      idempotencyKey: "log-key-1",
      params: { email: "log@example.com", metadata: { a: "1" } },
      status: 200,
    })
    expect(get).toMatchObject({ method: "GET", path: "/v1/customers/cus_missing_for_log", idempotencyKey: null, status: 404 })
  })
})

describe("PaymentIntents", () => {
  it("creates an intent without a payment method in requires_payment_method", async () => {
    const start = fake.events.length
    const pi = await stripe.paymentIntents.create({ amount: 2000, currency: "USD", metadata: { session_id: "ps_1" } })
    expect(pi.id).toMatch(/^pi_/)
    expect(pi).toMatchObject({
      object: "payment_intent",
      amount: 2000,
      currency: "usd",
      status: "requires_payment_method",
      capture_method: "automatic",
      amount_capturable: 0,
      amount_received: 0,
      livemode: false,
      metadata: { session_id: "ps_1" },
      latest_charge: null,
    })
    expect(pi.client_secret).toMatch(new RegExp(`^${pi.id}_secret_\\w+$`))
    expect(typeof pi.created).toBe("number")
    expect(eventTypesSince(start)).toEqual(["payment_intent.created"])
  })

  it("authorizes a manual-capture payment, then captures part of it", async () => {
    const start = fake.events.length
    const pi = await stripe.paymentIntents.create({
      amount: 5000,
      currency: "eur",
      capture_method: "manual",
      payment_method: "pm_card_visa",
      confirm: true,
      ...CARD_ONLY,
    })
    expect(pi.status).toBe("requires_capture")
    expect(pi.amount_capturable).toBe(5000)
    expect(pi.amount_received).toBe(0)
    // A test PaymentMethod id creates a fresh PaymentMethod.
    expect(pi.payment_method).toMatch(/^pm_/)
    expect(pi.payment_method).not.toBe("pm_card_visa")
    expect(pi.latest_charge).toMatch(/^ch_/)
    expect(eventTypesSince(start)).toEqual(["payment_intent.created", "charge.succeeded", "payment_intent.amount_capturable_updated"])

    const authorized = await stripe.charges.retrieve(pi.latest_charge)
    expect(authorized).toMatchObject({ captured: false, amount: 5000, amount_captured: 0, paid: true, status: "succeeded", payment_intent: pi.id })

    const captured = await stripe.paymentIntents.capture(pi.id, { amount_to_capture: 3000 })
    expect(captured).toMatchObject({ status: "succeeded", amount_capturable: 0, amount_received: 3000 })
    const charge = await stripe.charges.retrieve(pi.latest_charge)
    expect(charge).toMatchObject({ captured: true, amount_captured: 3000, amount_refunded: 2000, refunded: false })
    expect(eventTypesSince(start).slice(-2)).toEqual(["charge.captured", "payment_intent.succeeded"])

    const again = await failure(stripe.paymentIntents.capture(pi.id))
    expect(again.statusCode).toBe(400)
    expect(again.code).toBe("payment_intent_unexpected_state")
    expect(again.payment_intent).toMatchObject({ id: pi.id, status: "succeeded" })
  })

  it("refuses to capture more than is capturable", async () => {
    const pi = await stripe.paymentIntents.create({ amount: 1000, currency: "usd", capture_method: "manual", payment_method: "pm_card_visa", confirm: true, ...CARD_ONLY })
    const e = await failure(stripe.paymentIntents.capture(pi.id, { amount_to_capture: 1500 }))
    expect(e.statusCode).toBe(400)
    expect(e.param).toBe("amount_to_capture")
    expect((await stripe.paymentIntents.retrieve(pi.id)).status).toBe("requires_capture")
  })

  it("captures an automatic payment immediately", async () => {
    const start = fake.events.length
    const pi = await stripe.paymentIntents.create({ amount: 1500, currency: "usd", payment_method: "pm_card_mastercard", confirm: true, ...CARD_ONLY })
    expect(pi).toMatchObject({ status: "succeeded", amount_received: 1500, amount_capturable: 0 })
    expect(eventTypesSince(start)).toEqual(["payment_intent.created", "charge.succeeded", "payment_intent.succeeded"])
    const e = await failure(stripe.paymentIntents.capture(pi.id))
    expect(e.code).toBe("payment_intent_unexpected_state")
    expect(e.payment_intent.status).toBe("succeeded")
  })

  it("goes requires_confirmation → succeeded via the confirm endpoint", async () => {
    const pi = await stripe.paymentIntents.create({ amount: 1200, currency: "usd", payment_method: "pm_card_visa", ...CARD_ONLY })
    expect(pi.status).toBe("requires_confirmation")
    const confirmed = await stripe.paymentIntents.confirm(pi.id)
    expect(confirmed.status).toBe("succeeded")

    const bare = await stripe.paymentIntents.create({ amount: 1200, currency: "usd", ...CARD_ONLY })
    const noPm = await failure(stripe.paymentIntents.confirm(bare.id))
    expect(noPm.code).toBe("payment_intent_unexpected_state")
    expect(noPm.param).toBe("payment_method")
    const withPm = await stripe.paymentIntents.confirm(bare.id, { payment_method: "pm_card_visa" })
    expect(withPm.status).toBe("succeeded")
  })

  it("needs a return_url to confirm when automatic payment methods may redirect", async () => {
    const pi = await stripe.paymentIntents.create({ amount: 1000, currency: "usd", payment_method: "pm_card_visa" })
    expect(pi.automatic_payment_methods).toEqual({ enabled: true, allow_redirects: "always" })
    const e = await failure(stripe.paymentIntents.confirm(pi.id))
    expect(e.statusCode).toBe(400)
    expect(e.message).toMatch(/you must provide a `return_url`/)
    expect((await stripe.paymentIntents.retrieve(pi.id)).status).toBe("requires_confirmation")
    expect((await stripe.paymentIntents.confirm(pi.id, { return_url: "https://shop.test/return" })).status).toBe("succeeded")

    const never = await stripe.paymentIntents.create({
      amount: 1000,
      currency: "usd",
      payment_method: "pm_card_visa",
      confirm: true,
      automatic_payment_methods: { enabled: true, allow_redirects: "never" },
    })
    expect(never.status).toBe("succeeded")
    const both = await failure(stripe.paymentIntents.create({ amount: 1000, currency: "usd", automatic_payment_methods: { enabled: true }, ...CARD_ONLY }))
    expect(both.statusCode).toBe(400)
  })

  it("expands payment_method and latest_charge on retrieve", async () => {
    const pi = await stripe.paymentIntents.create({ amount: 3000, currency: "usd", payment_method: "pm_card_visa", confirm: true, ...CARD_ONLY })
    const plain = await stripe.paymentIntents.retrieve(pi.id)
    expect(typeof plain.payment_method).toBe("string")
    const expanded = await stripe.paymentIntents.retrieve(pi.id, { expand: ["payment_method", "latest_charge"] })
    expect(expanded.payment_method).toMatchObject({ id: pi.payment_method, object: "payment_method", type: "card", card: { brand: "visa", last4: "4242" } })
    expect(expanded.latest_charge).toMatchObject({
      id: pi.latest_charge,
      object: "charge",
      amount: 3000,
      amount_captured: 3000,
      captured: true,
      amount_refunded: 0,
      refunded: false,
      payment_method: pi.payment_method,
      payment_method_details: { type: "card", card: { brand: "visa", last4: "4242", exp_month: 12 } },
      outcome: { network_status: "approved_by_network", risk_level: "normal", risk_score: 20, seller_message: "Payment complete.", type: "authorized" },
    })
    expect(expanded.latest_charge.payment_method_details.card.fingerprint).toMatch(/^\w{16}$/)
    // creation also honours expand
    const created = await stripe.paymentIntents.create({ amount: 1000, currency: "usd", expand: ["payment_method"], payment_method: "pm_card_visa", ...CARD_ONLY })
    expect(created.payment_method.object).toBe("payment_method")
  })

  it("declines a declining card with 402 and hands back the intent", async () => {
    const start = fake.events.length
    const e = await failure(
      stripe.paymentIntents.create({ amount: 2500, currency: "usd", payment_method: "pm_card_chargeDeclined", confirm: true, metadata: { session_id: "x" }, ...CARD_ONLY })
    )
    expect(e.statusCode).toBe(402)
    expect(e.type).toBe("StripeCardError")
    expect(e.code).toBe("card_declined")
    expect(e.decline_code).toBe("generic_decline")
    expect(e.message).toBe("Your card was declined.")
    expect(e.raw.payment_intent).toMatchObject({ status: "requires_payment_method", payment_method: null, metadata: { session_id: "x" } })
    expect(e.raw.payment_intent.last_payment_error).toMatchObject({ type: "card_error", code: "card_declined", decline_code: "generic_decline" })
    const charge = await stripe.charges.retrieve(e.raw.charge)
    expect(charge).toMatchObject({ status: "failed", paid: false, failure_code: "card_declined", outcome: { type: "issuer_declined" } })
    expect(eventTypesSince(start)).toEqual(["payment_intent.created", "charge.failed", "payment_intent.payment_failed"])
    // The intent can be retried with another card.
    const retried = await stripe.paymentIntents.confirm(e.raw.payment_intent.id, { payment_method: "pm_card_visa" })
    expect(retried).toMatchObject({ status: "succeeded", last_payment_error: null })

    const funds = await failure(stripe.paymentIntents.create({ amount: 2500, currency: "usd", payment_method: "pm_card_chargeDeclinedInsufficientFunds", confirm: true, ...CARD_ONLY }))
    expect(funds.decline_code).toBe("insufficient_funds")
    expect(funds.payment_intent.status).toBe("requires_payment_method")
  })

  it("requires 3D Secure for authentication cards, resolved by the customer", async () => {
    for (const card of ["pm_card_authenticationRequired", "pm_card_threeDSecure2Required"]) {
      const start = fake.events.length
      const pi = await stripe.paymentIntents.create({ amount: 4000, currency: "usd", capture_method: "manual", payment_method: card, confirm: true, ...CARD_ONLY })
      expect(pi.status).toBe("requires_action")
      expect(pi.next_action.type).toBe("use_stripe_sdk")
      expect(pi.next_action.use_stripe_sdk).toEqual(expect.objectContaining({ type: "three_d_secure_redirect" }))
      expect(pi.latest_charge).toBeNull()
      expect(eventTypesSince(start)).toEqual(["payment_intent.created", "payment_intent.requires_action"])

      // Confirming again does not skip the challenge.
      expect((await stripe.paymentIntents.confirm(pi.id)).status).toBe("requires_action")

      const done = fake.completeThreeDSecure(pi.id, "succeed")
      expect(done.status).toBe("requires_capture")
      const after = await stripe.paymentIntents.retrieve(pi.id, { expand: ["latest_charge"] })
      expect(after).toMatchObject({ status: "requires_capture", amount_capturable: 4000, next_action: null })
      expect(after.latest_charge.payment_method_details.card.three_d_secure).toMatchObject({ result: "authenticated" })
      expect(fake.events[fake.events.length - 1]).toMatchObject({ type: "payment_intent.amount_capturable_updated", request: { id: null, idempotency_key: null } })
    }
  })

  it("handles a failed 3D Secure challenge and the redirect flow", async () => {
    const pi = await stripe.paymentIntents.create({
      amount: 4000,
      currency: "usd",
      payment_method: "pm_card_authenticationRequired",
      confirm: true,
      return_url: "https://shop.test/back",
    })
    expect(pi.next_action).toMatchObject({ type: "redirect_to_url", redirect_to_url: { return_url: "https://shop.test/back" } })
    const failed = fake.completeThreeDSecure(pi.id, "fail")
    expect(failed).toMatchObject({ status: "requires_payment_method", payment_method: null })
    expect(failed.last_payment_error.code).toBe("payment_intent_authentication_failure")
    expect(fake.events[fake.events.length - 1].type).toBe("payment_intent.payment_failed")
  })

  it("declines an off-session payment that needs authentication", async () => {
    const customer = await stripe.customers.create({ email: "off@session.test" })
    const pm = await stripe.paymentMethods.attach("pm_card_authenticationRequired", { customer: customer.id })
    const e = await failure(
      stripe.paymentIntents.create({ amount: 1000, currency: "usd", customer: customer.id, payment_method: pm.id, confirm: true, off_session: true, ...CARD_ONLY })
    )
    expect(e.statusCode).toBe(402)
    expect(e.code).toBe("authentication_required")
    expect(e.payment_intent.status).toBe("requires_payment_method")
  })

  it("applies Radar risk levels: normal, elevated, highest (blocked)", async () => {
    const elevated = await stripe.paymentIntents.create({ amount: 1000, currency: "usd", payment_method: "pm_card_riskLevelElevated", confirm: true, ...CARD_ONLY })
    expect(elevated.status).toBe("succeeded")
    expect((await stripe.charges.retrieve(elevated.latest_charge)).outcome).toMatchObject({ risk_level: "elevated", risk_score: 65, type: "authorized" })

    const blocked = await failure(stripe.paymentIntents.create({ amount: 1000, currency: "usd", payment_method: "pm_card_riskLevelHighest", confirm: true, ...CARD_ONLY }))
    expect(blocked.statusCode).toBe(402)
    expect(blocked.code).toBe("card_declined")
    expect(blocked.decline_code).toBe("fraudulent")
    const charge = fake.charge(blocked.raw.charge)
    expect(charge.outcome).toMatchObject({ risk_level: "highest", type: "blocked", network_status: "not_sent_to_network" })
    expect(charge.status).toBe("failed")
  })

  it("gives each test card a stable fingerprint", async () => {
    const a = await stripe.paymentMethods.create({ type: "card", card: { token: "tok_visa" } })
    const b = await stripe.paymentMethods.create({ type: "card", card: { number: "4242424242424242", exp_month: 4, exp_year: 2031, cvc: "123" } })
    const c = await stripe.paymentMethods.create({ type: "card", card: { token: "tok_mastercard" } })
    expect(a.id).not.toBe(b.id)
    expect(a.card.fingerprint).toBe(b.card.fingerprint)
    expect(a.card.fingerprint).not.toBe(c.card.fingerprint)
    expect(b.card).toMatchObject({ brand: "visa", last4: "4242", exp_month: 4, exp_year: 2031 })
    expect(c.card).toMatchObject({ brand: "mastercard", last4: "4444" })
  })

  it("updates amount and metadata, and refuses payment changes once succeeded", async () => {
    const pi = await stripe.paymentIntents.create({ amount: 1000, currency: "usd", metadata: { keep: "1", drop: "2" }, ...CARD_ONLY })
    const updated = await stripe.paymentIntents.update(pi.id, { amount: 1800, metadata: { drop: "", added: "3" }, expand: ["payment_method"] })
    expect(updated).toMatchObject({ amount: 1800, metadata: { keep: "1", added: "3" }, status: "requires_payment_method" })
    expect(updated.metadata.drop).toBeUndefined()
    const withPm = await stripe.paymentIntents.update(pi.id, { payment_method: "pm_card_visa" })
    expect(withPm.status).toBe("requires_confirmation")
    await stripe.paymentIntents.confirm(pi.id)

    const e = await failure(stripe.paymentIntents.update(pi.id, { amount: 500 }))
    expect(e.statusCode).toBe(400)
    expect(e.code).toBe("payment_intent_unexpected_state")
    expect(e.payment_intent).toMatchObject({ id: pi.id, status: "succeeded", amount: 1800 })
    // Stripe still lets you edit metadata on a finished intent.
    expect((await stripe.paymentIntents.update(pi.id, { metadata: { note: "ok" } })).metadata.note).toBe("ok")
  })

  it("cancels from cancelable states and reports the intent on invalid cancels", async () => {
    const start = fake.events.length
    const authorized = await stripe.paymentIntents.create({ amount: 1000, currency: "usd", capture_method: "manual", payment_method: "pm_card_visa", confirm: true, ...CARD_ONLY })
    const canceled = await stripe.paymentIntents.cancel(authorized.id, { cancellation_reason: "requested_by_customer" })
    expect(canceled).toMatchObject({ status: "canceled", cancellation_reason: "requested_by_customer", amount_capturable: 0 })
    expect(typeof canceled.canceled_at).toBe("number")
    expect(eventTypesSince(start)).toContain("payment_intent.canceled")
    expect(fake.charge(authorized.latest_charge)).toMatchObject({ refunded: true, amount_refunded: 1000 })

    const twice = await failure(stripe.paymentIntents.cancel(authorized.id))
    expect(twice.code).toBe("payment_intent_unexpected_state")
    expect(twice.payment_intent.status).toBe("canceled")
    const confirmCanceled = await failure(stripe.paymentIntents.confirm(authorized.id))
    expect(confirmCanceled.code).toBe("payment_intent_unexpected_state")

    const succeeded = await stripe.paymentIntents.create({ amount: 1000, currency: "usd", payment_method: "pm_card_visa", confirm: true, ...CARD_ONLY })
    const e = await failure(stripe.paymentIntents.cancel(succeeded.id))
    expect(e.code).toBe("payment_intent_unexpected_state")
    expect(e.payment_intent.status).toBe("succeeded")

    for (const setup of [{}, { payment_method: "pm_card_visa" }]) {
      const open = await stripe.paymentIntents.create({ amount: 1000, currency: "usd", ...setup, ...CARD_ONLY })
      expect((await stripe.paymentIntents.cancel(open.id)).status).toBe("canceled")
    }
  })

  it("lists intents newest first, filtered by customer", async () => {
    const customer = await stripe.customers.create({ name: "Lister" })
    const first = await stripe.paymentIntents.create({ amount: 1000, currency: "usd", customer: customer.id })
    const second = await stripe.paymentIntents.create({ amount: 2000, currency: "usd", customer: customer.id })
    const listed = await stripe.paymentIntents.list({ customer: customer.id, limit: 1 })
    expect(listed).toMatchObject({ object: "list", has_more: true, url: "/v1/payment_intents" })
    expect(listed.data.map((p: any) => p.id)).toEqual([second.id])
    const next = await stripe.paymentIntents.list({ customer: customer.id, starting_after: second.id })
    expect(next.data.map((p: any) => p.id)).toEqual([first.id])
    expect(next.has_more).toBe(false)
  })
})

describe("PaymentMethod attachment rules", () => {
  it("requires the PaymentMethod's customer on the intent", async () => {
    const customer = await stripe.customers.create({ email: "owner@example.com" })
    const pm = await stripe.paymentMethods.attach("pm_card_visa", { customer: customer.id })
    expect(pm).toMatchObject({ customer: customer.id, type: "card" })
    expect(pm.id).not.toBe("pm_card_visa")

    const noCustomer = await failure(stripe.paymentIntents.create({ amount: 1000, currency: "usd", payment_method: pm.id, confirm: true, ...CARD_ONLY }))
    expect(noCustomer.statusCode).toBe(400)
    expect(noCustomer.type).toBe("StripeInvalidRequestError")
    expect(noCustomer.param).toBe("payment_method")

    const other = await stripe.customers.create({ email: "other@example.com" })
    const wrong = await failure(stripe.paymentIntents.create({ amount: 1000, currency: "usd", customer: other.id, payment_method: pm.id, confirm: true, ...CARD_ONLY }))
    expect(wrong.statusCode).toBe(400)

    const ok = await stripe.paymentIntents.create({ amount: 1000, currency: "usd", customer: customer.id, payment_method: pm.id, confirm: true, ...CARD_ONLY })
    expect(ok.status).toBe("succeeded")
    // attached PaymentMethods are reusable
    const again = await stripe.paymentIntents.create({ amount: 1000, currency: "usd", customer: customer.id, payment_method: pm.id, confirm: true, ...CARD_ONLY })
    expect(again.status).toBe("succeeded")
  })

  it("attaches with setup_future_usage + customer; an unattached PaymentMethod is single-use", async () => {
    const customer = await stripe.customers.create({ email: "save@example.com" })
    const start = fake.events.length
    const pi = await stripe.paymentIntents.create({
      amount: 1000, currency: "usd", customer: customer.id, setup_future_usage: "off_session", payment_method: "pm_card_visa", confirm: true, ...CARD_ONLY,
    })
    expect(pi.status).toBe("succeeded")
    expect(eventTypesSince(start)).toContain("payment_method.attached")
    const listed = await stripe.customers.listPaymentMethods(customer.id)
    expect(listed.data.map((p: any) => p.id)).toEqual([pi.payment_method])

    const oneOff = await stripe.paymentIntents.create({ amount: 1000, currency: "usd", payment_method: "pm_card_visa", confirm: true, ...CARD_ONLY })
    expect(fake.paymentIntent(oneOff.id)!.status).toBe("succeeded")
    const reuse = await failure(stripe.paymentIntents.create({ amount: 1000, currency: "usd", payment_method: oneOff.payment_method, confirm: true, ...CARD_ONLY }))
    expect(reuse.statusCode).toBe(400)
    expect(reuse.message).toMatch(/may not be used again/)
    const attachUsed = await failure(stripe.paymentMethods.attach(oneOff.payment_method, { customer: customer.id }))
    expect(attachUsed.statusCode).toBe(400)
  })

  it("attaches, lists, detaches; detached PaymentMethods can't be reused", async () => {
    const customer = await stripe.customers.create({ email: "pm@example.com" })
    const start = fake.events.length
    const visa = await stripe.paymentMethods.attach("pm_card_visa", { customer: customer.id })
    const mc = await stripe.paymentMethods.attach("pm_card_mastercard", { customer: customer.id })
    expect(eventTypesSince(start)).toEqual(["payment_method.attached", "payment_method.attached"])

    const viaCustomer = await stripe.customers.listPaymentMethods(customer.id, { type: "card", limit: 1 })
    expect(viaCustomer).toMatchObject({ object: "list", has_more: true })
    expect(viaCustomer.data.map((p: any) => p.id)).toEqual([mc.id])
    const viaPms = await stripe.paymentMethods.list({ customer: customer.id, type: "card" })
    expect(viaPms.data.map((p: any) => p.id)).toEqual([mc.id, visa.id])

    const other = await stripe.customers.create({ email: "thief@example.com" })
    const taken = await failure(stripe.paymentMethods.attach(visa.id, { customer: other.id }))
    expect(taken.statusCode).toBe(400)

    const detached = await stripe.paymentMethods.detach(visa.id)
    expect(detached.customer).toBeNull()
    const last = fake.events[fake.events.length - 1]
    expect(last.type).toBe("payment_method.detached")
    expect(last.data.previous_attributes).toEqual({ customer: customer.id })
    expect((await stripe.customers.listPaymentMethods(customer.id)).data.map((p: any) => p.id)).toEqual([mc.id])

    const detachAgain = await failure(stripe.paymentMethods.detach(visa.id))
    expect(detachAgain.statusCode).toBe(400)
    const reuse = await failure(stripe.paymentIntents.create({ amount: 1000, currency: "usd", payment_method: visa.id, confirm: true, ...CARD_ONLY }))
    expect(reuse.statusCode).toBe(400)
  })

  it("validates cards when saving them", async () => {
    const customer = await stripe.customers.create({ email: "declined@example.com" })
    const e = await failure(stripe.paymentMethods.attach("pm_card_chargeDeclined", { customer: customer.id }))
    expect(e.statusCode).toBe(402)
    expect(e.code).toBe("card_declined")
    // "Attaching this card to a Customer object succeeds, but attempts to charge the customer fail."
    const pm = await stripe.paymentMethods.attach("pm_card_chargeCustomerFail", { customer: customer.id })
    const charge = await failure(stripe.paymentIntents.create({ amount: 1000, currency: "usd", customer: customer.id, payment_method: pm.id, confirm: true, ...CARD_ONLY }))
    expect(charge.statusCode).toBe(402)

    const badNumber = await failure(stripe.paymentMethods.create({ type: "card", card: { number: "1234123412341234", exp_month: 1, exp_year: 2030 } }))
    expect(badNumber.statusCode).toBe(402)
    expect(badNumber.code).toBe("incorrect_number")
    const badToken = await failure(stripe.paymentMethods.create({ type: "card", card: { token: "tok_nope" } }))
    expect(badToken.code).toBe("resource_missing")
  })
})

describe("Refunds", () => {
  async function paid(amount = 5000) {
    return stripe.paymentIntents.create({ amount, currency: "usd", payment_method: "pm_card_visa", confirm: true, ...CARD_ONLY })
  }

  it("refunds partially, then the remainder by default, then refuses", async () => {
    const pi = await paid(5000)
    const start = fake.events.length
    const partial = await stripe.refunds.create({ payment_intent: pi.id, amount: 2000, reason: "requested_by_customer", metadata: { order: "o1" } })
    expect(partial).toMatchObject({ object: "refund", amount: 2000, status: "succeeded", payment_intent: pi.id, charge: pi.latest_charge, reason: "requested_by_customer", metadata: { order: "o1" } })
    expect(partial.id).toMatch(/^re_/)
    expect(await stripe.charges.retrieve(pi.latest_charge)).toMatchObject({ amount_refunded: 2000, refunded: false })
    const refundedEvent = fake.events.slice(start).find((e) => e.type === "charge.refunded")!
    expect(refundedEvent.data.object).toMatchObject({ object: "charge", id: pi.latest_charge, amount_refunded: 2000 })

    const tooMuch = await failure(stripe.refunds.create({ payment_intent: pi.id, amount: 3001 }))
    expect(tooMuch.statusCode).toBe(400)
    expect(tooMuch.param).toBe("amount")
    expect(tooMuch.message).toMatch(/greater than unrefunded amount on charge \(\$30\.00\)/)

    const rest = await stripe.refunds.create({ charge: pi.latest_charge })
    expect(rest.amount).toBe(3000)
    expect(await stripe.charges.retrieve(pi.latest_charge)).toMatchObject({ amount_refunded: 5000, refunded: true })

    const done = await failure(stripe.refunds.create({ payment_intent: pi.id, amount: 100 }))
    expect(done.statusCode).toBe(400)
    expect(done.code).toBe("charge_already_refunded")

    const listed = await stripe.refunds.list({ payment_intent: pi.id })
    expect(listed.data.map((r: any) => r.id)).toEqual([rest.id, partial.id])
    expect((await stripe.refunds.list({ charge: pi.latest_charge, limit: 1 })).data).toHaveLength(1)
    expect((await stripe.refunds.retrieve(partial.id)).amount).toBe(2000)
  })

  it("allows only metadata on refund update", async () => {
    const pi = await paid(1000)
    const refund = await stripe.refunds.create({ payment_intent: pi.id })
    const updated = await stripe.refunds.update(refund.id, { metadata: { why: "damaged" } })
    expect(updated.metadata).toEqual({ why: "damaged" })
    const e = await failure(stripe.refunds.update(refund.id, { amount: 5 } as any))
    expect(e.code).toBe("parameter_unknown")
  })

  it("refuses to refund an intent without a captured charge", async () => {
    const pi = await stripe.paymentIntents.create({ amount: 1000, currency: "usd", capture_method: "manual", payment_method: "pm_card_visa", confirm: true, ...CARD_ONLY })
    const e = await failure(stripe.refunds.create({ payment_intent: pi.id }))
    expect(e.statusCode).toBe(400)
    const e2 = await failure(stripe.refunds.create({}))
    expect(e2.statusCode).toBe(400)
  })

  it("reflects dashboard refunds made outside the API caller", async () => {
    const pi = await paid(4000)
    const refund = fake.refundFromDashboard(pi.id, 1500)
    expect(refund).toMatchObject({ object: "refund", amount: 1500, payment_intent: pi.id })
    const event = fake.events.filter((e) => e.type === "charge.refunded").pop()!
    expect(event.data.object.amount_refunded).toBe(1500)
    expect(event.request.idempotency_key).toBeNull()
    expect(event.request.id).toMatch(/^req_/)
    expect((await stripe.charges.retrieve(pi.latest_charge)).amount_refunded).toBe(1500)
    // a later full API refund only gets the remainder
    expect((await stripe.refunds.create({ payment_intent: pi.id })).amount).toBe(2500)
    expect(() => fake.refundFromDashboard(pi.id)).toThrow(/already been refunded/)
  })
})

describe("Disputes", () => {
  it("opens a dispute and emits charge.dispute.created", async () => {
    const pi = await stripe.paymentIntents.create({ amount: 7000, currency: "usd", payment_method: "pm_card_visa", confirm: true, ...CARD_ONLY })
    const dispute = fake.openDispute(pi.id, "product_not_received")
    expect(dispute).toMatchObject({ object: "dispute", amount: 7000, charge: pi.latest_charge, payment_intent: pi.id, reason: "product_not_received", status: "needs_response" })
    expect(dispute.id).toMatch(/^dp_/)
    const event = fake.events[fake.events.length - 1]
    expect(event.type).toBe("charge.dispute.created")
    expect(event.data.object.id).toBe(dispute.id)
    expect((await stripe.charges.retrieve(pi.latest_charge)).disputed).toBe(true)
    expect((await stripe.disputes.retrieve(dispute.id)).reason).toBe("product_not_received")
  })
})

describe("Customers", () => {
  it("creates, retrieves, updates and deletes", async () => {
    const start = fake.events.length
    const customer = await stripe.customers.create({
      email: "jane@example.com",
      name: "Jane Doe",
      phone: "+15555550100",
      address: { line1: "1 Main St", city: "Springfield", country: "US", postal_code: "12345" },
      metadata: { medusa_id: "cus_01" },
    })
    expect(customer).toMatchObject({
      object: "customer",
      email: "jane@example.com",
      name: "Jane Doe",
      phone: "+15555550100",
      address: { line1: "1 Main St", line2: null, city: "Springfield", state: null, country: "US", postal_code: "12345" },
      metadata: { medusa_id: "cus_01" },
      livemode: false,
    })
    expect(customer.id).toMatch(/^cus_/)
    expect((await stripe.customers.retrieve(customer.id)).email).toBe("jane@example.com")

    const updated = await stripe.customers.update(customer.id, { name: "Jane Roe", address: { line2: "Apt 2" } })
    expect(updated).toMatchObject({ name: "Jane Roe", email: "jane@example.com", address: { line1: "1 Main St", line2: "Apt 2" } })

    await stripe.paymentMethods.attach("pm_card_visa", { customer: customer.id })
    const deleted = await stripe.customers.del(customer.id)
    expect(deleted).toEqual({ id: customer.id, object: "customer", deleted: true })
    expect(await stripe.customers.retrieve(customer.id)).toMatchObject({ id: customer.id, deleted: true })
    const e = await failure(stripe.customers.update(customer.id, { name: "x" }))
    expect(e.code).toBe("resource_missing")
    expect(eventTypesSince(start)).toEqual(["customer.created", "customer.updated", "payment_method.attached", "customer.deleted"])
  })
})

describe("SetupIntents", () => {
  it("saves a card to the customer", async () => {
    const customer = await stripe.customers.create({ email: "setup@example.com" })
    const start = fake.events.length
    const si = await stripe.setupIntents.create({ customer: customer.id, payment_method: "pm_card_visa", confirm: true, payment_method_types: ["card"], metadata: { a: "b" } })
    expect(si).toMatchObject({ object: "setup_intent", status: "succeeded", customer: customer.id, usage: "off_session", metadata: { a: "b" } })
    expect(si.id).toMatch(/^seti_/)
    expect(si.client_secret).toMatch(new RegExp(`^${si.id}_secret_`))
    expect(eventTypesSince(start)).toEqual(["setup_intent.created", "payment_method.attached", "setup_intent.succeeded"])
    expect((await stripe.paymentMethods.retrieve(si.payment_method)).customer).toBe(customer.id)
    expect((await stripe.setupIntents.retrieve(si.id)).status).toBe("succeeded")
  })

  it("confirms in two steps and requires 3DS for authentication cards", async () => {
    const customer = await stripe.customers.create({ email: "setup3ds@example.com" })
    const si = await stripe.setupIntents.create({ customer: customer.id, payment_method_types: ["card"] })
    expect(si.status).toBe("requires_payment_method")
    const action = await stripe.setupIntents.confirm(si.id, { payment_method: "pm_card_authenticationRequired" })
    expect(action.status).toBe("requires_action")
    expect(action.next_action.type).toBe("use_stripe_sdk")
    expect(fake.completeThreeDSecure(si.id).status).toBe("succeeded")
    const attached = await stripe.customers.listPaymentMethods(customer.id)
    expect(attached.data.map((p: any) => p.id)).toEqual([action.payment_method])
  })

  it("fails with 402 for declining cards, carrying the setup intent", async () => {
    const customer = await stripe.customers.create({ email: "setupfail@example.com" })
    const e = await failure(stripe.setupIntents.create({ customer: customer.id, payment_method: "pm_card_chargeDeclined", confirm: true, payment_method_types: ["card"] }))
    expect(e.statusCode).toBe(402)
    expect(e.raw.setup_intent).toMatchObject({ status: "requires_payment_method", last_setup_error: { code: "card_declined" } })
    expect((await stripe.customers.listPaymentMethods(customer.id)).data).toEqual([])
  })
})

describe("Events", () => {
  it("serves events newest first with type filter, limit and retrieve", async () => {
    const pi = await stripe.paymentIntents.create({ amount: 1000, currency: "usd", payment_method: "pm_card_visa", confirm: true, ...CARD_ONLY }, { idempotencyKey: "evt-key-1" })
    const newest = await stripe.events.list({ limit: 3 })
    expect(newest.data.map((e: any) => e.type)).toEqual(["payment_intent.succeeded", "charge.succeeded", "payment_intent.created"])
    expect(newest.has_more).toBe(true)
    const succeeded = newest.data[0]
    expect(succeeded).toMatchObject({
      object: "event",
      api_version: "2024-04-10",
      livemode: false,
      pending_webhooks: 1,
      request: { idempotency_key: "evt-key-1" },
      data: { object: { id: pi.id, object: "payment_intent", status: "succeeded" } },
    })
    expect(succeeded.id).toMatch(/^evt_/)
    expect(succeeded.request.id).toMatch(/^req_/)

    const filtered = await stripe.events.list({ type: "payment_intent.created", limit: 100 })
    expect(filtered.data.every((e: any) => e.type === "payment_intent.created")).toBe(true)
    expect(filtered.data[0].data.object.id).toBe(pi.id)
    const wildcard = await stripe.events.list({ type: "charge.*", limit: 1 })
    expect(wildcard.data[0].type).toBe("charge.succeeded")
    expect((await stripe.events.retrieve(succeeded.id)).id).toBe(succeeded.id)
  })

  it("keeps data.object as a snapshot taken when the event happened", async () => {
    const pi = await stripe.paymentIntents.create({ amount: 1000, currency: "usd", capture_method: "manual", payment_method: "pm_card_visa", confirm: true, ...CARD_ONLY })
    await stripe.paymentIntents.capture(pi.id)
    const created = fake.events.find((e) => e.type === "payment_intent.created" && e.data.object.id === pi.id)!
    expect(created.data.object.status).toBe("requires_confirmation")
    const authorized = fake.events.find((e) => e.type === "payment_intent.amount_capturable_updated" && e.data.object.id === pi.id)!
    expect(authorized.data.object).toMatchObject({ status: "requires_capture", amount_capturable: 1000 })
  })
})

describe("Idempotency", () => {
  it("replays the first response without side effects", async () => {
    const params = { amount: 2200, currency: "usd", payment_method: "pm_card_visa", confirm: true, ...CARD_ONLY }
    const first = await stripe.paymentIntents.create(params, { idempotencyKey: "idem-create-1" })
    const eventsAfterFirst = fake.events.length
    const piCount = (await stripe.paymentIntents.list({ limit: 100 })).data.length
    const second = await stripe.paymentIntents.create(params, { idempotencyKey: "idem-create-1" })
    expect(second.id).toBe(first.id)
    expect(second.lastResponse.headers["idempotent-replayed"]).toBe("true")
    expect(first.lastResponse.headers["idempotent-replayed"]).toBeUndefined()
    expect(fake.events.length).toBe(eventsAfterFirst)
    expect((await stripe.paymentIntents.list({ limit: 100 })).data.length).toBe(piCount)
    expect(fake.requests.filter((r) => r.idempotencyKey === "idem-create-1").map((r) => r.replayed)).toEqual([false, true])
  })

  it("rejects a key reused with other parameters or another endpoint", async () => {
    await stripe.customers.create({ email: "idem@example.com" }, { idempotencyKey: "idem-mismatch" })
    const params = await failure(stripe.customers.create({ email: "other@example.com" }, { idempotencyKey: "idem-mismatch" }))
    expect(params.statusCode).toBe(400)
    expect(params.type).toBe("StripeIdempotencyError")
    expect(params.raw.type).toBe("idempotency_error")
    expect(params.message).toBe(
      "Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than 'idem-mismatch' if you meant to execute a different request."
    )
    const endpoint = await failure(stripe.paymentIntents.create({ amount: 1000, currency: "usd" }, { idempotencyKey: "idem-mismatch" }))
    expect(endpoint.raw.type).toBe("idempotency_error")
    // the same key under another API key is independent
    const otherAccount = new Stripe("sk_test_other_account", { ...fake.sdkOptions, telemetry: false })
    expect((await otherAccount.customers.create({ email: "other@example.com" }, { idempotencyKey: "idem-mismatch" })).object).toBe("customer")
  })

  it("replays errors too — a declined payment is not retried", async () => {
    const params = { amount: 1000, currency: "usd", payment_method: "pm_card_chargeDeclined", confirm: true, ...CARD_ONLY }
    const first = await failure(stripe.paymentIntents.create(params, { idempotencyKey: "idem-decline" }))
    const charges = fake.events.filter((e) => e.type === "charge.failed").length
    const second = await failure(stripe.paymentIntents.create(params, { idempotencyKey: "idem-decline" }))
    expect(second.statusCode).toBe(402)
    expect(second.payment_intent.id).toBe(first.payment_intent.id)
    expect(second.headers["idempotent-replayed"]).toBe("true")
    expect(fake.events.filter((e) => e.type === "charge.failed").length).toBe(charges)
  })

  it("does not save parameter validation failures", async () => {
    const bad = await failure(stripe.paymentIntents.create({ currency: "usd" } as any, { idempotencyKey: "idem-invalid" }))
    expect(bad.code).toBe("parameter_missing")
    const good = await stripe.paymentIntents.create({ amount: 1000, currency: "usd" }, { idempotencyKey: "idem-invalid" })
    expect(good.status).toBe("requires_payment_method")
  })

  it("replays refunds and captures: no double refund", async () => {
    const pi = await stripe.paymentIntents.create({ amount: 3000, currency: "usd", capture_method: "manual", payment_method: "pm_card_visa", confirm: true, ...CARD_ONLY })
    await stripe.paymentIntents.capture(pi.id, {}, { idempotencyKey: "idem-capture" })
    const replayedCapture = await stripe.paymentIntents.capture(pi.id, {}, { idempotencyKey: "idem-capture" })
    expect(replayedCapture.status).toBe("succeeded")
    const r1 = await stripe.refunds.create({ payment_intent: pi.id, amount: 1000 }, { idempotencyKey: "idem-refund" })
    const r2 = await stripe.refunds.create({ payment_intent: pi.id, amount: 1000 }, { idempotencyKey: "idem-refund" })
    expect(r2.id).toBe(r1.id)
    expect((await stripe.charges.retrieve(pi.latest_charge)).amount_refunded).toBe(1000)
  })

  it("treats concurrent requests with one key as one request", async () => {
    const params = { email: "concurrent@example.com" }
    const [a, b] = await Promise.all([
      stripe.customers.create(params, { idempotencyKey: "idem-concurrent" }),
      stripe.customers.create(params, { idempotencyKey: "idem-concurrent" }),
    ])
    expect(a.id).toBe(b.id)
    const replays = [a, b].map((c) => c.lastResponse.headers["idempotent-replayed"])
    expect(replays.sort()).toEqual(["true", undefined])
  })

  it("gives the SDK's automatic retry key the same semantics", async () => {
    // maxNetworkRetries defaults to 1, so the SDK sends its own stripe-node-retry-… key on POSTs.
    const before = fake.requests.length
    await stripe.customers.create({ email: "auto-key@example.com" })
    const sent = fake.requests[before]
    expect(sent.idempotencyKey).toMatch(/^stripe-node-retry-/)
    // a network-level retry re-sends the same key and body
    const res = await fetch(`${fake.url}/v1/customers`, {
      method: "POST",
      headers: { Authorization: `Bearer ${KEY}`, "Content-Type": "application/x-www-form-urlencoded", "Idempotency-Key": sent.idempotencyKey! },
      body: "email=auto-key%40example.com",
    })
    expect(res.status).toBe(200)
    expect(res.headers.get("idempotent-replayed")).toBe("true")
    expect(((await res.json()) as any).email).toBe("auto-key@example.com")
    expect(fake.events.filter((e) => e.type === "customer.created" && e.data.object.email === "auto-key@example.com")).toHaveLength(1)
  })
})

describe("Webhooks", () => {
  it("signs deliveries so the SDK's constructEvent accepts them", async () => {
    const event = fake.events[fake.events.length - 1]
    const { payload, header } = fake.signedDelivery(event, "whsec_test_secret")
    expect(header).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/)
    expect(stripe.webhooks.constructEvent(payload, header, "whsec_test_secret").id).toBe(event.id)
    expect(() => stripe.webhooks.constructEvent(payload, header, "whsec_wrong")).toThrow()
  })

  it("posts every event to the configured endpoint, signed, in creation order", async () => {
    const received: Array<{ body: string; signature: string }> = []
    const receiver = http.createServer((req, res) => {
      let body = ""
      req.on("data", (c) => (body += c))
      req.on("end", () => {
        received.push({ body, signature: String(req.headers["stripe-signature"]) })
        res.writeHead(200).end("{}")
      })
    })
    await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", () => r()))
    const secret = "whsec_delivery"
    const hooked = await startStripeFake({ webhook: { url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks/stripe`, secret } })
    try {
      const client = new Stripe(KEY, { ...hooked.sdkOptions, telemetry: false })
      await client.paymentIntents.create({ amount: 1000, currency: "usd", capture_method: "manual", payment_method: "pm_card_visa", confirm: true, metadata: { session_id: "s" }, ...CARD_ONLY })
      await hooked.waitForWebhooks()
      const delivered = received.map((r) => client.webhooks.constructEvent(r.body, r.signature, secret))
      expect(delivered.map((e: any) => e.id)).toEqual(hooked.events.map((e) => e.id))
      expect(delivered.map((e: any) => e.type)).toEqual(["payment_intent.created", "charge.succeeded", "payment_intent.amount_capturable_updated"])
    } finally {
      await hooked.close()
      await new Promise((r) => receiver.close(r))
    }
  })

  it("ignores delivery failures", async () => {
    const hooked = await startStripeFake({ webhook: { url: "http://127.0.0.1:1/unreachable", secret: "whsec_x" } })
    try {
      const client = new Stripe(KEY, { ...hooked.sdkOptions, telemetry: false })
      expect((await client.customers.create({ email: "x@y.z" })).object).toBe("customer")
      await hooked.waitForWebhooks()
      expect(hooked.events.map((e) => e.type)).toEqual(["customer.created"])
    } finally {
      await hooked.close()
    }
  })
})
