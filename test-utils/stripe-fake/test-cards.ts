/**
 * Test cards, after Stripe docs "Testing" (https://docs.stripe.com/testing).
 * Each card can be referenced by its test PaymentMethod id (pm_card_…), its token
 * (tok_…) or its number. Using a pm_card_… id where a PaymentMethod is expected creates
 * a NEW PaymentMethod (fresh pm_… id) cloned from the card, as Stripe does.
 */
import { stableToken } from "./ids"

export interface Decline {
  code: string
  decline_code: string
  message: string
  seller_message: string
}

export interface TestCard {
  number: string
  brand: "visa" | "mastercard" | "amex"
  funding: "credit" | "debit"
  pmIds: string[]
  tokens: string[]
  /** decline raised when the card is charged */
  decline?: Decline
  /** Stripe validates the card when it is saved (attach / SetupIntent): these cards fail there too. */
  declinesWhenSaved?: boolean
  /** 3D Secure authentication required on every payment and setup */
  requires3ds?: boolean
  risk: { level: "normal" | "elevated" | "highest"; score: number }
  /** Radar blocks the payment (risk level highest — blocked by Stripe's default rules) */
  blocked?: boolean
}

const NORMAL = { level: "normal" as const, score: 20 }

const GENERIC: Decline = {
  code: "card_declined",
  decline_code: "generic_decline",
  message: "Your card was declined.",
  seller_message: "The bank did not return any further details with this decline.",
}

export const TEST_CARDS: TestCard[] = [
  { number: "4242424242424242", brand: "visa", funding: "credit", pmIds: ["pm_card_visa"], tokens: ["tok_visa"], risk: NORMAL },
  { number: "4000056655665556", brand: "visa", funding: "debit", pmIds: ["pm_card_visa_debit"], tokens: ["tok_visa_debit"], risk: NORMAL },
  { number: "5555555555554444", brand: "mastercard", funding: "credit", pmIds: ["pm_card_mastercard"], tokens: ["tok_mastercard"], risk: NORMAL },
  { number: "378282246310005", brand: "amex", funding: "credit", pmIds: ["pm_card_amex"], tokens: ["tok_amex"], risk: NORMAL },
  {
    number: "4000000000000002", brand: "visa", funding: "credit",
    pmIds: ["pm_card_chargeDeclined", "pm_card_visa_chargeDeclined"], tokens: ["tok_chargeDeclined", "tok_visa_chargeDeclined"],
    decline: GENERIC, declinesWhenSaved: true, risk: NORMAL,
  },
  {
    number: "4000000000009995", brand: "visa", funding: "credit",
    pmIds: ["pm_card_chargeDeclinedInsufficientFunds", "pm_card_visa_chargeDeclinedInsufficientFunds"],
    tokens: ["tok_chargeDeclinedInsufficientFunds", "tok_visa_chargeDeclinedInsufficientFunds"],
    decline: {
      code: "card_declined", decline_code: "insufficient_funds", message: "Your card has insufficient funds.",
      seller_message: "The bank returned the decline code `insufficient_funds`.",
    },
    declinesWhenSaved: true, risk: NORMAL,
  },
  // "Attaching this card to a Customer object succeeds, but attempts to charge the customer fail."
  {
    number: "4000000000000341", brand: "visa", funding: "credit", pmIds: ["pm_card_chargeCustomerFail"],
    tokens: ["tok_chargeCustomerFail"], decline: GENERIC, risk: NORMAL,
  },
  // "This card requires authentication on all transactions, regardless of how the card is set up."
  {
    number: "4000002760003184", brand: "visa", funding: "credit", pmIds: ["pm_card_authenticationRequired"],
    tokens: ["tok_authenticationRequired"], requires3ds: true, risk: NORMAL,
  },
  {
    number: "4000000000003220", brand: "visa", funding: "credit", pmIds: ["pm_card_threeDSecure2Required"],
    tokens: ["tok_threeDSecure2Required"], requires3ds: true, risk: NORMAL,
  },
  {
    number: "4000000000009235", brand: "visa", funding: "credit", pmIds: ["pm_card_riskLevelElevated"],
    tokens: ["tok_riskLevelElevated"], risk: { level: "elevated", score: 65 },
  },
  {
    number: "4000000000004954", brand: "visa", funding: "credit", pmIds: ["pm_card_riskLevelHighest"],
    tokens: ["tok_riskLevelHighest"], risk: { level: "highest", score: 95 }, blocked: true,
  },
  {
    number: "4100000000000019", brand: "visa", funding: "credit", pmIds: ["pm_card_radarBlock"],
    tokens: ["tok_radarBlock"], risk: { level: "highest", score: 95 }, blocked: true,
  },
]

/** Radar block surfaces as a card decline with decline_code "fraudulent". */
export const RADAR_BLOCK: Decline = {
  code: "card_declined",
  decline_code: "fraudulent",
  message: "Your card was declined.",
  seller_message: "Stripe blocked this payment as too risky.",
}

export function cardByPmId(id: string): TestCard | undefined {
  return TEST_CARDS.find((c) => c.pmIds.includes(id))
}

export function cardByToken(token: string): TestCard | undefined {
  return TEST_CARDS.find((c) => c.tokens.includes(token))
}

export function cardByNumber(number: string): TestCard | undefined {
  const digits = String(number).replace(/\s+/g, "")
  return TEST_CARDS.find((c) => c.number === digits)
}

export function isMagicPaymentMethodId(id: string): boolean {
  return cardByPmId(id) !== undefined
}

/** The `card` hash of a PaymentMethod (Stripe API reference: PaymentMethod.card). */
export function cardDetails(card: TestCard, exp?: { month?: number; year?: number }): any {
  return {
    brand: card.brand,
    checks: { address_line1_check: null, address_postal_code_check: null, cvc_check: "pass" },
    country: "US",
    display_brand: card.brand === "amex" ? "american_express" : card.brand,
    exp_month: exp?.month ?? 12,
    exp_year: exp?.year ?? new Date().getUTCFullYear() + 3,
    fingerprint: stableToken(`fingerprint:${card.number}`),
    funding: card.funding,
    generated_from: null,
    last4: card.number.slice(-4),
    networks: { available: [card.brand], preferred: null },
    three_d_secure_usage: { supported: true },
    wallet: null,
  }
}
