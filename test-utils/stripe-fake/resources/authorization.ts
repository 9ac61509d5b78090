/**
 * What happens when a card is presented to the network, shared by PaymentIntents and
 * SetupIntents (Stripe docs "Payment status updates", "3D Secure authentication").
 */
import { StripeErrorBody } from "../errors"
import { randomToken } from "../ids"
import { FakeState } from "../state"
import { Decline, RADAR_BLOCK, TestCard } from "../test-cards"

/** next_action for an intent that needs 3D Secure. */
export function threeDSecureNextAction(state: FakeState, intentId: string, returnUrl: string | null): any {
  const hosted = `${state.baseUrl}/3d_secure_2/hosted/${intentId}?client_secret=${randomToken(12)}`
  // Stripe API reference, PaymentIntent.next_action: with a return_url Stripe answers with a
  // redirect; without one, Stripe.js handles it (`use_stripe_sdk`).
  if (returnUrl) return { type: "redirect_to_url", redirect_to_url: { return_url: returnUrl, url: hosted } }
  return {
    type: "use_stripe_sdk",
    use_stripe_sdk: { type: "three_d_secure_redirect", stripe_js: hosted, source: `src_${randomToken(24)}` },
  }
}

/** Stripe's last_payment_error / last_setup_error / card_error body for a decline. */
export function declineError(decline: Decline, extra: Partial<StripeErrorBody> = {}): StripeErrorBody & { type: string } {
  return {
    type: "card_error",
    code: decline.code,
    decline_code: decline.decline_code,
    message: decline.message,
    doc_url: `https://stripe.com/docs/error-codes/${decline.code.replace(/_/g, "-")}`,
    ...extra,
  }
}

/**
 * Stripe docs "Testing — 3D Secure": an off-session payment on a card that requires
 * authentication is declined with code authentication_required.
 */
export const AUTHENTICATION_REQUIRED: Decline = {
  code: "authentication_required",
  decline_code: "authentication_required",
  message: "Your card was declined. This transaction requires authentication.",
  seller_message: "The bank returned the decline code `authentication_required`.",
}

export type PaymentDecision =
  | { kind: "approved" }
  | { kind: "requires_action" }
  | { kind: "declined"; decline: Decline; blocked: boolean; createsCharge: boolean }

export function decidePayment(card: TestCard, opts: { authenticated: boolean; offSession: boolean }): PaymentDecision {
  if (card.blocked) return { kind: "declined", decline: RADAR_BLOCK, blocked: true, createsCharge: true }
  if (card.requires3ds && !opts.authenticated) {
    if (opts.offSession) return { kind: "declined", decline: AUTHENTICATION_REQUIRED, blocked: false, createsCharge: false }
    return { kind: "requires_action" }
  }
  if (card.decline) return { kind: "declined", decline: card.decline, blocked: false, createsCharge: true }
  return { kind: "approved" }
}

export function decideSetup(card: TestCard, opts: { authenticated: boolean }): PaymentDecision {
  if (card.requires3ds && !opts.authenticated) return { kind: "requires_action" }
  if (card.declinesWhenSaved && card.decline) return { kind: "declined", decline: card.decline, blocked: false, createsCharge: false }
  return { kind: "approved" }
}

/** Stripe docs: 3DS failure leaves the intent in requires_payment_method with this error. */
export function authenticationFailure(pm: any): any {
  return {
    type: "invalid_request_error",
    code: "payment_intent_authentication_failure",
    doc_url: "https://stripe.com/docs/error-codes/payment-intent-authentication-failure",
    message:
      "The provided PaymentMethod has failed authentication. You can provide payment_method_data or a new PaymentMethod to attempt to fulfill this PaymentIntent again.",
    payment_method: pm,
  }
}
