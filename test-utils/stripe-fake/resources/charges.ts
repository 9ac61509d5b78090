/**
 * Charges, Refunds and Disputes (Stripe API reference: "Charges", "Refunds", "Disputes").
 * Charges are only created by PaymentIntent confirmation (the legacy POST /v1/charges is
 * not implemented).
 */
import { invalidRequest, paramError } from "../errors"
import { newId, now } from "../ids"
import { allowOnly, applyMetadata, formatAmount, int, oneOf, str } from "../params"
import { expandParam, Route } from "../route"
import { expand, FakeState, listObject, newestFirst } from "../state"
import { Decline, TestCard } from "../test-cards"

export interface ChargeResult {
  card: TestCard
  /** set when the payment failed */
  decline?: Decline
  blocked?: boolean
  captured: boolean
  threeDSecure?: boolean
}

function outcome(r: ChargeResult): any {
  const risk = { risk_level: r.card.risk.level, risk_score: r.card.risk.score }
  if (r.blocked) {
    return { network_status: "not_sent_to_network", reason: "highest_risk_level", ...risk, seller_message: "Stripe blocked this payment as too risky.", type: "blocked" }
  }
  if (r.decline) {
    return { network_status: "declined_by_network", reason: r.decline.decline_code, ...risk, seller_message: r.decline.seller_message, type: "issuer_declined" }
  }
  return { network_status: "approved_by_network", reason: null, ...risk, seller_message: "Payment complete.", type: "authorized" }
}

export function createCharge(state: FakeState, pi: any, pm: any, r: ChargeResult): any {
  const failed = Boolean(r.decline)
  const id = newId("ch")
  const card = pm.card
  const charge = {
    id,
    object: "charge",
    amount: pi.amount,
    amount_captured: failed || !r.captured ? 0 : pi.amount,
    amount_refunded: 0,
    application: null,
    application_fee: null,
    application_fee_amount: null,
    balance_transaction: failed || !r.captured ? null : newId("txn"),
    billing_details: pm.billing_details,
    calculated_statement_descriptor: "EMPORIUM",
    captured: !failed && r.captured,
    created: now(),
    currency: pi.currency,
    customer: pi.customer,
    description: pi.description,
    disputed: false,
    failure_balance_transaction: null,
    failure_code: failed ? r.decline!.code : null,
    failure_message: failed ? r.decline!.message : null,
    fraud_details: {},
    invoice: null,
    livemode: false,
    metadata: { ...pi.metadata },
    on_behalf_of: null,
    outcome: outcome(r),
    paid: !failed,
    payment_intent: pi.id,
    payment_method: pm.id,
    payment_method_details: {
      type: "card",
      card: {
        amount_authorized: failed ? null : pi.amount,
        brand: card.brand,
        checks: card.checks,
        country: card.country,
        exp_month: card.exp_month,
        exp_year: card.exp_year,
        fingerprint: card.fingerprint,
        funding: card.funding,
        last4: card.last4,
        network: card.brand,
        three_d_secure: r.threeDSecure ? { authentication_flow: "challenge", result: "authenticated", version: "2.2.0" } : null,
        wallet: null,
      },
    },
    receipt_email: pi.receipt_email ?? null,
    receipt_number: null,
    receipt_url: `${state.baseUrl}/receipts/${id}`,
    refunded: false,
    review: null,
    shipping: pi.shipping ?? null,
    source: null,
    source_transfer: null,
    statement_descriptor: pi.statement_descriptor,
    statement_descriptor_suffix: pi.statement_descriptor_suffix,
    status: failed ? "failed" : "succeeded",
    transfer_data: null,
    transfer_group: null,
  }
  state.charges.set(id, charge)
  return charge
}

/**
 * Stripe API reference, "Create a refund": `amount` defaults to the whole remaining
 * amount; more than the remaining amount is a 400 on `amount`; a fully refunded charge
 * answers code charge_already_refunded.
 */
export function createRefund(state: FakeState, params: Record<string, any>): any {
  const piId = str(params, "payment_intent")
  const chargeId = str(params, "charge")
  if (!piId && !chargeId) {
    throw paramError("One of the following params should be provided for this request: payment_intent or charge.", "payment_intent")
  }
  let charge: any
  if (piId) {
    const pi = state.get("paymentIntents", piId, "payment_intent")
    charge = pi.latest_charge ? state.charges.get(pi.latest_charge) : undefined
    if (!charge || charge.status !== "succeeded" || !charge.captured) {
      throw invalidRequest(`This PaymentIntent (${pi.id}) does not have a successful charge to refund.`, { param: "payment_intent" })
    }
    if (chargeId && chargeId !== charge.id) {
      throw invalidRequest(`The charge ${chargeId} does not belong to PaymentIntent ${pi.id}.`, { param: "charge" })
    }
  } else {
    charge = state.get("charges", chargeId!, "charge")
    if (charge.status !== "succeeded" || !charge.captured) {
      throw invalidRequest(`Charge ${charge.id} has not been captured and cannot be refunded.`, { param: "charge" })
    }
  }
  if (charge.refunded) {
    throw invalidRequest(`Charge ${charge.id} has already been refunded.`, { code: "charge_already_refunded" })
  }
  // amount_refunded also counts an uncaptured remainder released by a partial capture.
  const remaining = charge.amount - charge.amount_refunded
  const amount = int(params, "amount", { min: 1 }) ?? remaining
  if (amount > remaining) {
    throw invalidRequest(
      `Refund amount (${formatAmount(amount, charge.currency)}) is greater than unrefunded amount on charge (${formatAmount(remaining, charge.currency)})`,
      { param: "amount" }
    )
  }
  const refund = {
    id: newId("re"),
    object: "refund",
    amount,
    balance_transaction: newId("txn"),
    charge: charge.id,
    created: now(),
    currency: charge.currency,
    destination_details: { card: { reference_status: "pending", reference_type: "acquirer_reference_number", type: "refund" }, type: "card" },
    metadata: applyMetadata({}, params),
    payment_intent: charge.payment_intent,
    reason: oneOf(params, "reason", ["duplicate", "fraudulent", "requested_by_customer"]) ?? null,
    receipt_number: null,
    source_transfer_reversal: null,
    status: "succeeded",
    transfer_reversal: null,
  }
  state.refunds.set(refund.id, refund)
  const previous = { amount_refunded: charge.amount_refunded, refunded: charge.refunded }
  charge.amount_refunded += amount
  charge.refunded = charge.amount_refunded === charge.amount
  state.emit("charge.refunded", charge, previous)
  state.emit("refund.created", refund)
  return refund
}

/** A chargeback filed by the cardholder (Stripe docs "Disputes"); Stripe emits charge.dispute.created. */
export function createDispute(state: FakeState, pi: any, reason: string): any {
  const charge = pi.latest_charge ? state.charges.get(pi.latest_charge) : undefined
  if (!charge || charge.status !== "succeeded" || !charge.captured) {
    throw new Error(`PaymentIntent ${pi.id} has no captured charge to dispute`)
  }
  const dispute = {
    id: newId("dp"),
    object: "dispute",
    amount: charge.amount - charge.amount_refunded, // captured and not yet refunded
    balance_transactions: [],
    charge: charge.id,
    created: now(),
    currency: charge.currency,
    evidence: {},
    evidence_details: { due_by: now() + 7 * 24 * 3600, has_evidence: false, past_due: false, submission_count: 0 },
    is_charge_refundable: false,
    livemode: false,
    metadata: {},
    payment_intent: pi.id,
    payment_method_details: { type: "card", card: { brand: charge.payment_method_details.card.brand, network_reason_code: "10.4" } },
    reason,
    status: "needs_response",
  }
  state.disputes.set(dispute.id, dispute)
  charge.disputed = true
  state.emit("charge.dispute.created", dispute)
  return dispute
}

export const chargeRoutes: Route[] = [
  {
    method: "GET",
    pattern: "/v1/charges/:id",
    handler: (state, { params, id }) => expand(state, state.get("charges", id), expandParam(params)),
  },
  {
    method: "GET",
    pattern: "/v1/charges",
    handler: (state, { params, path }) => {
      const items = newestFirst(state.charges).filter(
        (c) => (!params.customer || c.customer === params.customer) && (!params.payment_intent || c.payment_intent === params.payment_intent)
      )
      return expand(state, listObject(items, params, path), expandParam(params))
    },
  },
  {
    method: "POST",
    pattern: "/v1/refunds",
    handler: (state, { params }) => {
      allowOnly(params, ["payment_intent", "charge", "amount", "reason", "metadata", "instructions_email", "origin"])
      return expand(state, createRefund(state, params), expandParam(params))
    },
  },
  {
    method: "GET",
    pattern: "/v1/refunds/:id",
    handler: (state, { params, id }) => expand(state, state.get("refunds", id), expandParam(params)),
  },
  {
    method: "POST",
    pattern: "/v1/refunds/:id",
    handler: (state, { params, id }) => {
      allowOnly(params, ["metadata"]) // Stripe API reference "Update a refund": only metadata
      const refund = state.get("refunds", id)
      const previous = { metadata: refund.metadata }
      refund.metadata = applyMetadata(refund.metadata, params)
      state.emit("refund.updated", refund, previous)
      return expand(state, refund, expandParam(params))
    },
  },
  {
    method: "GET",
    pattern: "/v1/refunds",
    handler: (state, { params, path }) => {
      const items = newestFirst(state.refunds).filter(
        (r) => (!params.payment_intent || r.payment_intent === params.payment_intent) && (!params.charge || r.charge === params.charge)
      )
      return expand(state, listObject(items, params, path), expandParam(params))
    },
  },
  {
    method: "GET",
    pattern: "/v1/disputes/:id",
    handler: (state, { params, id }) => expand(state, state.get("disputes", id), expandParam(params)),
  },
]
