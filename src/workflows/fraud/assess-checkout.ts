import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { FRAUD_MODULE } from "../../modules/fraud"
import { addressKey } from "../../modules/fraud/normalize"
import type FraudModuleService from "../../modules/fraud/service"
import { ASSESSMENT_CREATED_EVENT, ORDER_REJECTED_EVENT, type CheckoutInput } from "../../modules/fraud/service"
import { fraudSignalProviders, type FraudSignal } from "../../modules/fraud/signals"
import { toMinor } from "../../utils/money"
import { checkoutRequestIp } from "./checkout-request"

/** The cart as completeCartWorkflow hands it to its `validate` hook (the fields scoring reads). */
export type CartForFraud = {
  id: string
  email?: string | null
  customer_id?: string | null
  currency_code: string
  total: number | string | { valueOf(): number }
  shipping_address?: { country_code?: string | null; postal_code?: string | null; address_1?: string | null } | null
  billing_address?: { country_code?: string | null } | null
  payment_collection?: { payment_sessions?: { provider_id: string; status: string; data?: Record<string, unknown> | null }[] } | null
}

/** What a rejected shopper is told: nothing a fraudster could tune against. */
export const REJECTED_MESSAGE = "We could not complete this order. Please contact the store if you think this is a mistake."

/**
 * Scores the checkout and stops it when the decision is reject — before Medusa creates the
 * order, reserves stock or authorizes payment, so its compensation has nothing to undo.
 */
export async function assessCheckout(container: MedusaContainer, cart: CartForFraud): Promise<void> {
  if (!container.hasRegistration(FRAUD_MODULE)) return
  const fraud = container.resolve<FraudModuleService>(FRAUD_MODULE)
  if (!fraud.isScoring()) return
  const sessions = cart.payment_collection?.payment_sessions ?? []
  const input: CheckoutInput = {
    cart_id: cart.id,
    email: cart.email ?? null,
    customer_id: cart.customer_id ?? null,
    ip: checkoutRequestIp(cart.id),
    card_fingerprint: cardFingerprint(sessions),
    address_key: addressKey(cart.shipping_address),
    shipping_country: cart.shipping_address?.country_code?.toLowerCase() ?? null,
    billing_country: cart.billing_address?.country_code?.toLowerCase() ?? null,
    amount: toMinor(cart.total, cart.currency_code),
    currency_code: cart.currency_code.toLowerCase(),
    failed_payments: sessions.filter((session) => session.status === "error" || session.status === "canceled").length,
    external: await externalSignals(cart.id, sessions),
  }
  const assessment = await fraud.assessCheckout(input)
  const events = container.resolve(Modules.EVENT_BUS)
  const payload = { id: assessment.assessment_id, cart_id: cart.id, decision: assessment.decision, score: assessment.score }
  await events.emit({ name: ASSESSMENT_CREATED_EVENT, data: payload })
  if (assessment.decision === "reject") {
    await events.emit({ name: ORDER_REJECTED_EVENT, data: { ...payload, order_id: null } })
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, REJECTED_MESSAGE)
  }
}

/** Card fingerprints as payment providers store them (Stripe: payment_method.card.fingerprint). */
function cardFingerprint(sessions: NonNullable<CartForFraud["payment_collection"]>["payment_sessions"] = []): string | null {
  for (const session of sessions) {
    const data = (session.data ?? {}) as Record<string, any>
    const fingerprint = data.card_fingerprint ?? data.payment_method?.card?.fingerprint
    if (typeof fingerprint === "string" && fingerprint) return fingerprint
  }
  return null
}

async function externalSignals(cartId: string, sessions: NonNullable<CartForFraud["payment_collection"]>["payment_sessions"] = []) {
  const signals: Record<string, FraudSignal> = {}
  for (const provider of fraudSignalProviders()) {
    const signal = await provider
      .signal({ cart_id: cartId, payment_sessions: sessions.map((s) => ({ provider_id: s.provider_id, data: s.data ?? {} })) })
      .catch(() => null)
    if (signal) signals[provider.name] = signal
  }
  return signals
}
