import { PaymentSessionStatus } from "@medusajs/framework/utils"
import { startStripeFake, type StripeFake } from "../../../../../../../test-utils/stripe-fake"
import { validateStripePaymentsOptions } from "../options"
import EmporiumStripeProviderService from "../service"

// The provider against a protocol-level fake of Stripe's API (test-utils/stripe-fake, written
// from Stripe's API reference), through the real stripe SDK. Not Stripe itself.
describe("Stripe provider (against the Stripe API fake)", () => {
  let fake: StripeFake
  beforeAll(async () => {
    fake = await startStripeFake()
  })
  afterAll(async () => {
    await fake.close()
  })

  const provider = (captureMode: "manual" | "automatic", extra: Record<string, unknown> = {}) =>
    new EmporiumStripeProviderService(
      { logger: console },
      { apiKey: "sk_test_provider", webhookSecret: "whsec_provider", captureMode, paymentMethods: ["card"], apiBaseUrl: fake.url, ...extra }
    )
  const captureRequests = (intentId: string) => fake.requests.filter((r) => r.method === "POST" && r.path === `/v1/payment_intents/${intentId}/capture`)
  let session = 0
  const initiate = (p: EmporiumStripeProviderService, data: Record<string, unknown> = {}) =>
    p.initiatePayment({ amount: 42.5, currency_code: "eur", data: { session_id: `payses_${++session}`, ...data }, context: { idempotency_key: `payses_${session}` } })

  it("with automatic capture, a confirmed card is captured at Stripe once, and Medusa's capture call does not capture again", async () => {
    const p = provider("automatic")
    const started = await initiate(p, { payment_method: "pm_card_visa", confirm: true })
    const intentId = started.id
    expect(started.status).toBe(PaymentSessionStatus.CAPTURED)
    expect(fake.paymentIntent(intentId)).toMatchObject({ amount: 4250, currency: "eur", capture_method: "automatic", status: "succeeded" })

    expect((await p.authorizePayment({ data: { id: intentId } })).status).toBe(PaymentSessionStatus.CAPTURED)
    await p.capturePayment({ data: { id: intentId } })
    await p.capturePayment({ data: { id: intentId } })
    expect(captureRequests(intentId)).toEqual([])
  })

  it("with manual capture, two captures make one Stripe capture with a key derived from the intent", async () => {
    const p = provider("manual")
    const started = await initiate(p, { payment_method: "pm_card_visa", confirm: true })
    expect(started.status).toBe(PaymentSessionStatus.AUTHORIZED)
    await p.capturePayment({ data: { id: started.id }, context: { idempotency_key: "capt_1" } })
    await p.capturePayment({ data: { id: started.id }, context: { idempotency_key: "capt_2" } })
    expect(captureRequests(started.id).map((r) => r.idempotencyKey)).toEqual([`emporium:capture:${started.id}`])
    expect(fake.paymentIntent(started.id).amount_received).toBe(4250)
  })

  it("keeps the capture method and statement descriptor the merchant's, whatever the storefront sends", async () => {
    const p = provider("manual", { statementDescriptor: "EMPORIUM" })
    const started = await initiate(p, { capture_method: "automatic", payment_method_configuration: "pmc_x", metadata: { note: "hi" } })
    expect(fake.paymentIntent(started.id)).toMatchObject({
      capture_method: "manual",
      statement_descriptor_suffix: "EMPORIUM",
      metadata: { note: "hi", session_id: `payses_${session}` },
    })
  })

  it("adopts a refund made in Stripe's dashboard instead of refunding the same amount again", async () => {
    const p = provider("automatic")
    const started = await initiate(p, { payment_method: "pm_card_visa", confirm: true })
    const outside = fake.refundFromDashboard(started.id, 1000)
    await p.refundPayment({ amount: 10, data: { id: started.id, currency: "eur" }, context: { idempotency_key: "ref_medusa_1" } })
    await p.refundPayment({ amount: 5, data: { id: started.id, currency: "eur" }, context: { idempotency_key: "ref_medusa_2" } })
    // A retried Medusa refund (same id) changes nothing.
    await p.refundPayment({ amount: 5, data: { id: started.id, currency: "eur" }, context: { idempotency_key: "ref_medusa_2" } })

    const refunds = fake.requests.filter((r) => r.method === "POST" && r.path === "/v1/refunds")
    expect(refunds.map((r) => r.params.amount)).toEqual(["500"])
    expect(fake.charge(fake.paymentIntent(started.id).latest_charge).amount_refunded).toBe(1500)
    expect(fake.requests.some((r) => r.path === `/v1/refunds/${outside.id}` && r.params.metadata?.medusa_refund_id === "ref_medusa_1")).toBe(true)
  })

  it("tells the shopper what to do when the card is declined or waits for 3D Secure", async () => {
    const p = provider("manual")
    const declined = await initiate(p, { payment_method: "pm_card_chargeDeclined", confirm: true })
    await expect(p.authorizePayment({ data: { id: declined.id } })).rejects.toThrow(/^The payment was declined: .+\. Try another card\.$/)
    const threeDs = await initiate(p, { payment_method: "pm_card_authenticationRequired", confirm: true })
    expect(threeDs.status).toBe(PaymentSessionStatus.REQUIRES_MORE)
    await expect(p.authorizePayment({ data: { id: threeDs.id } })).rejects.toThrow(/3D Secure/)
  })

  it("refuses options a merchant got wrong, naming each", () => {
    expect(() => validateStripePaymentsOptions({ apiKey: "sk_test_x" })).toThrow("`webhookSecret` (STRIPE_WEBHOOK_SECRET) is required")
    expect(() =>
      validateStripePaymentsOptions({ apiKey: "sk_test_x", webhookSecret: "whsec_x", captureMode: "later" as never, statementDescriptor: "x".repeat(23) })
    ).toThrow("`captureMode` must be \"automatic\" or \"manual\"; `statementDescriptor` can be at most 22 characters.")
  })
})
