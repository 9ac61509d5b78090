import StripeProviderService from "@medusajs/payment-stripe/dist/services/stripe-provider"
import { getSmallestUnit } from "@medusajs/payment-stripe/dist/utils/get-smallest-unit"
import type {
  AuthorizePaymentInput,
  AuthorizePaymentOutput,
  CancelPaymentInput,
  CancelPaymentOutput,
  CapturePaymentInput,
  CapturePaymentOutput,
  InitiatePaymentInput,
  InitiatePaymentOutput,
  RefundPaymentInput,
  RefundPaymentOutput,
} from "@medusajs/framework/types"
import { MedusaError, PaymentSessionStatus } from "@medusajs/framework/utils"
import type Stripe from "stripe"
import { createStripeClient } from "../../stripe-client"
import { idempotencyKey } from "./idempotency"
import { toMedusaStripeOptions, validateStripePaymentsOptions, type StripePaymentsOptions } from "./options"

/**
 * Fields of a payment session's `data` a storefront may set. Everything else (capture method,
 * payment method configuration, amounts) is the merchant's: a storefront that could send
 * `capture_method: "automatic"` would capture orders the fraud review holds.
 */
const STOREFRONT_FIELDS = ["payment_method", "confirm", "return_url", "setup_future_usage", "off_session", "metadata", "session_id"] as const

/**
 * Medusa's official Stripe provider (`@medusajs/payment-stripe`), with what its users asked for:
 * an idempotency key on every call that creates, captures, cancels or refunds, derived from the
 * intent so two Medusa-side attempts can never charge twice; a capture that checks the intent
 * first; refunds made in Stripe's dashboard adopted rather than repeated; and errors a shopper
 * can act on (3D Secure pending, card declined) instead of "was not authorized with the provider".
 */
class EmporiumStripeProviderService extends StripeProviderService {
  static identifier = "stripe"

  protected readonly pluginOptions_: StripePaymentsOptions

  static validateOptions(options: object): void {
    validateStripePaymentsOptions(options as Partial<StripePaymentsOptions>)
  }

  constructor(cradle: Record<string, unknown>, options: StripePaymentsOptions) {
    super(cradle, toMedusaStripeOptions(options))
    this.pluginOptions_ = options
    this.stripe_ = createStripeClient(options)
  }

  get paymentIntentOptions() {
    return this.pluginOptions_.paymentMethods?.length ? { payment_method_types: this.pluginOptions_.paymentMethods } : {}
  }

  normalizePaymentIntentParameters(extra?: Record<string, unknown>): Partial<Stripe.PaymentIntentCreateParams> {
    const allowed: Record<string, unknown> = {}
    for (const field of STOREFRONT_FIELDS) if (extra?.[field] !== undefined) allowed[field] = extra[field]
    const params = super.normalizePaymentIntentParameters(allowed) as Partial<Stripe.PaymentIntentCreateParams>
    if (this.pluginOptions_.statementDescriptor) params.statement_descriptor_suffix = this.pluginOptions_.statementDescriptor
    return params
  }

  async initiatePayment(input: InitiatePaymentInput): Promise<InitiatePaymentOutput> {
    const key = input.context?.idempotency_key
    try {
      return await super.initiatePayment({ ...input, context: { ...input.context, idempotency_key: key && idempotencyKey("create", key) } })
    } catch (error) {
      // The official provider wraps Stripe's refusal (another customer's card, a bad parameter)
      // in a plain Error, which Medusa answers with 500; it is the shopper's input: 400.
      const message = error instanceof Error ? error.message.replace(/^An error occurred in InitiatePayment[^:]*: /, "") : String(error)
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `Stripe refused the payment: ${message}`)
    }
  }

  async authorizePayment(input: AuthorizePaymentInput): Promise<AuthorizePaymentOutput> {
    const result = await super.authorizePayment(input)
    if (result.status === PaymentSessionStatus.AUTHORIZED || result.status === PaymentSessionStatus.CAPTURED) return result
    if (result.status === PaymentSessionStatus.PENDING_AUTHORIZATION) return result
    throw notAuthorizedError(result.status, result.data as unknown as Stripe.PaymentIntent)
  }

  /**
   * Captures once per intent, whoever asks: the key is the intent's, not the Medusa capture's,
   * and an intent Stripe already captured (automatic capture, a webhook, the dashboard) is
   * returned as it is instead of being captured again.
   */
  async capturePayment(input: CapturePaymentInput): Promise<CapturePaymentOutput> {
    const id = intentIdOf(input.data)
    if (!id) throw new MedusaError(MedusaError.Types.INVALID_DATA, "This payment has no Stripe PaymentIntent to capture.")
    const intent = await this.stripe_.paymentIntents.retrieve(id)
    if (intent.status === "succeeded") return { data: intent as unknown as Record<string, unknown> }
    return super.capturePayment({ ...input, context: { ...input.context, idempotency_key: idempotencyKey("capture", id) } })
  }

  async cancelPayment(input: CancelPaymentInput): Promise<CancelPaymentOutput> {
    const id = intentIdOf(input.data)
    return super.cancelPayment({ ...input, context: { ...input.context, idempotency_key: id ? idempotencyKey("cancel", id) : undefined } })
  }

  /**
   * One Stripe refund per Medusa refund (the key is the Medusa refund's id). A refund made in
   * Stripe's dashboard arrives as `charge.refunded` and is recorded in Medusa through this same
   * method: then the unlinked Stripe refund of that amount is adopted instead of refunding twice.
   */
  async refundPayment(input: RefundPaymentInput): Promise<RefundPaymentOutput> {
    const data = (input.data ?? {}) as { id?: string; currency?: string }
    // The payment's data is kept as it is whether a refund is made, adopted or already there.
    const unchanged = { data: input.data ?? {} }
    if (!data.id) throw new MedusaError(MedusaError.Types.INVALID_DATA, "This payment has no Stripe PaymentIntent to refund.")
    const medusaRefundId = input.context?.idempotency_key
    const amount = getSmallestUnit(input.amount, data.currency ?? "usd")
    const existing = await this.stripe_.refunds.list({ payment_intent: data.id, limit: 100 })
    const linked = existing.data.find((r) => medusaRefundId && r.metadata?.medusa_refund_id === medusaRefundId)
    if (linked) return unchanged
    const unlinked = existing.data.find((r) => !r.metadata?.medusa_refund_id && r.amount === amount && r.status !== "failed" && r.status !== "canceled")
    if (unlinked) {
      await this.stripe_.refunds.update(unlinked.id, { metadata: { medusa_refund_id: medusaRefundId ?? "external" } })
      return unchanged
    }
    try {
      await this.stripe_.refunds.create(
        { payment_intent: data.id, amount, metadata: medusaRefundId ? { medusa_refund_id: medusaRefundId } : {} },
        { idempotencyKey: medusaRefundId ? idempotencyKey("refund", medusaRefundId) : undefined }
      )
    } catch (error) {
      const e = error as { code?: string; message?: string }
      if (e.code === "charge_already_refunded") return unchanged
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Stripe refused the refund: ${e.message ?? "unknown error"}`)
    }
    return unchanged
  }
}

const intentIdOf = (data: unknown) => (data as { id?: string } | undefined)?.id

/** What the shopper (through the storefront) is told when the card is not authorized yet. */
function notAuthorizedError(status: string, intent: Stripe.PaymentIntent | undefined): MedusaError {
  if (status === PaymentSessionStatus.REQUIRES_MORE) {
    return new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      "The card needs the customer's confirmation (3D Secure) before the order can be placed: finish it on the storefront with Stripe.js (handleNextAction with the payment session's client_secret), then complete the cart again."
    )
  }
  const lastError = intent?.last_payment_error
  if (status === PaymentSessionStatus.ERROR || lastError) {
    const reason = lastError?.message ?? "the card was declined"
    return new MedusaError(MedusaError.Types.NOT_ALLOWED, `The payment was declined: ${reason.replace(/\.$/, "")}. Try another card.`)
  }
  if (status === PaymentSessionStatus.CANCELED) {
    return new MedusaError(MedusaError.Types.NOT_ALLOWED, "The payment was canceled. Start a new payment session to pay.")
  }
  return new MedusaError(
    MedusaError.Types.NOT_ALLOWED,
    "The payment has not been confirmed yet: confirm it with a card on the storefront (Stripe.js confirmPayment), then complete the cart."
  )
}

export default EmporiumStripeProviderService
