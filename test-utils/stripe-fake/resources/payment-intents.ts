/**
 * PaymentIntents (Stripe API reference: "Payment Intents"; status machine from Stripe docs
 * "How PaymentIntents work"):
 *   requires_payment_method → requires_confirmation → (requires_action) →
 *   requires_capture (capture_method=manual) | succeeded (automatic); canceled from any
 *   non-final state. A decline sends the intent back to requires_payment_method.
 */
import { cardError, invalidRequest, paramError, unexpectedState } from "../errors"
import { clone, newId, now, randomToken } from "../ids"
import {
  allowOnly, applyMetadata, assertMinimumAmount, bool, currency, int, list, obj, oneOf, Params, required, str,
} from "../params"
import { expandParam, Route } from "../route"
import { expand, FakeState, listObject, newestFirst } from "../state"
import { authenticationFailure, decidePayment, declineError, threeDSecureNextAction } from "./authorization"
import { createCharge } from "./charges"
import {
  assertUsableWith, attachToCustomer, markConsumedUnlessAttached, paymentMethodFromData, resolvePaymentMethod, testCardOf,
} from "./payment-methods"

const CONFIRMABLE = ["requires_payment_method", "requires_confirmation", "requires_action"]
const CANCELABLE = ["requires_payment_method", "requires_capture", "requires_confirmation", "requires_action", "processing"]
/** Stripe API reference "Update a PaymentIntent": these need one of the CONFIRMABLE statuses. */
const PAYMENT_FIELDS = [
  "amount", "currency", "customer", "payment_method", "payment_method_data", "payment_method_types", "capture_method",
  "setup_future_usage", "payment_method_options", "payment_method_configuration", "statement_descriptor", "statement_descriptor_suffix",
]

const CREATE_PARAMS = [
  "amount", "currency", "capture_method", "confirm", "payment_method", "payment_method_data", "customer", "setup_future_usage",
  "metadata", "description", "statement_descriptor", "statement_descriptor_suffix", "payment_method_types", "automatic_payment_methods",
  "return_url", "off_session", "receipt_email", "shipping", "payment_method_options", "payment_method_configuration",
  "confirmation_method", "error_on_requires_action", "use_stripe_sdk", "mandate_data", "transfer_group",
]

/** `off_session` is a boolean or one_off/recurring (Stripe API reference). */
function offSession(params: Params): boolean {
  const v = params.off_session
  return v === "true" || v === "one_off" || v === "recurring" || v === true
}

function customerParam(state: FakeState, params: Params): string | null | undefined {
  const id = str(params, "customer")
  if (id) state.get("customers", id, "customer")
  return id
}

function paymentMethodParam(state: FakeState, params: Params): string | null | undefined {
  if (params.payment_method !== undefined && params.payment_method_data !== undefined) {
    throw paramError("You cannot specify both payment_method and payment_method_data.", "payment_method_data")
  }
  if (params.payment_method_data !== undefined) return paymentMethodFromData(state, params.payment_method_data).id
  const id = str(params, "payment_method")
  return id ? resolvePaymentMethod(state, id).id : id
}

function createPaymentIntent(state: FakeState, params: Params): any {
  allowOnly(params, CREATE_PARAMS)
  required(params, "amount")
  required(params, "currency")
  const amount = int(params, "amount", { min: 1 })!
  const cur = currency(params)!
  assertMinimumAmount(amount, cur)
  const confirm = bool(params, "confirm") ?? false
  if (!confirm && params.return_url !== undefined) {
    throw paramError("The parameter `return_url` cannot be passed when creating a PaymentIntent unless `confirm` is set to true.", "return_url")
  }
  if (!confirm && params.off_session !== undefined) {
    throw paramError("The parameter `off_session` cannot be passed when creating a PaymentIntent unless `confirm` is set to true.", "off_session")
  }
  const types = list(params, "payment_method_types")
  const apm = obj(params, "automatic_payment_methods")
  if (types && apm) {
    throw paramError("You may only specify one of these parameters: automatic_payment_methods, payment_method_types.", "automatic_payment_methods")
  }
  // Since API version 2023-08-16 automatic payment methods are on unless payment_method_types is given.
  const automatic = types
    ? null
    : apm && bool(apm, "enabled") === false
      ? null
      : { allow_redirects: oneOf(apm ?? {}, "allow_redirects", ["always", "never"]) ?? "always", enabled: true }
  const customer = customerParam(state, params) ?? null
  const paymentMethod = paymentMethodParam(state, params) ?? null
  const id = newId("pi")
  const pi = {
    id,
    object: "payment_intent",
    amount,
    amount_capturable: 0,
    amount_details: { tip: {} },
    amount_received: 0,
    application: null,
    application_fee_amount: null,
    automatic_payment_methods: automatic,
    canceled_at: null as number | null,
    cancellation_reason: null as string | null,
    capture_method: oneOf(params, "capture_method", ["automatic", "automatic_async", "manual"]) ?? "automatic",
    client_secret: `${id}_secret_${randomToken(25)}`,
    confirmation_method: oneOf(params, "confirmation_method", ["automatic", "manual"]) ?? "automatic",
    created: now(),
    currency: cur,
    customer,
    description: str(params, "description") ?? null,
    invoice: null,
    last_payment_error: null as any,
    latest_charge: null as string | null,
    livemode: false,
    metadata: applyMetadata({}, params),
    next_action: null as any,
    on_behalf_of: null,
    payment_method: paymentMethod,
    payment_method_configuration_details: automatic ? { id: "pmc_fake_default", parent: null } : null,
    payment_method_options: { card: { installments: null, mandate_options: null, network: null, request_three_d_secure: "automatic" } },
    payment_method_types: types ?? ["card"],
    processing: null,
    receipt_email: str(params, "receipt_email") ?? null,
    review: null,
    setup_future_usage: oneOf(params, "setup_future_usage", ["on_session", "off_session"]) ?? null,
    shipping: params.shipping ?? null,
    source: null,
    statement_descriptor: str(params, "statement_descriptor") ?? null,
    statement_descriptor_suffix: str(params, "statement_descriptor_suffix") ?? null,
    status: paymentMethod ? "requires_confirmation" : "requires_payment_method",
    transfer_data: null,
    transfer_group: str(params, "transfer_group") ?? null,
  }
  // With confirm=true a refused confirmation (400) creates nothing; a decline (402) keeps the intent.
  const prepared = confirm ? prepareConfirm(state, pi, { return_url: params.return_url, off_session: params.off_session }) : undefined
  state.paymentIntents.set(id, pi)
  state.emit("payment_intent.created", pi)
  if (prepared) performConfirm(state, pi, prepared)
  return pi
}

interface PreparedConfirm {
  pm: any
  returnUrl: string | null
  offSession: boolean
}

/**
 * Stripe API reference "Confirm a PaymentIntent": checks done before anything changes, so
 * a refused confirmation (400) leaves the intent untouched.
 */
function prepareConfirm(state: FakeState, pi: any, params: Params): PreparedConfirm {
  if (!CONFIRMABLE.includes(pi.status)) {
    throw unexpectedState(
      `You cannot confirm this PaymentIntent because it has a status of ${pi.status}. Only a PaymentIntent with one of the following statuses may be confirmed: requires_confirmation, requires_payment_method, requires_action.`,
      pi
    )
  }
  const pmId = paymentMethodParam(state, params) || pi.payment_method
  if (!pmId) {
    throw unexpectedState(
      "You cannot confirm this PaymentIntent because it's missing a payment method. You can either update the PaymentIntent with a payment method and then confirm it again, or confirm it again directly with a payment method.",
      pi,
      "payment_method"
    )
  }
  const returnUrl = str(params, "return_url") ?? null
  const isOffSession = offSession(params)
  // Stripe: with automatic payment methods that may redirect, a server-side confirm needs a return_url.
  if (pi.automatic_payment_methods?.enabled && pi.automatic_payment_methods.allow_redirects !== "never" && !returnUrl && !isOffSession) {
    throw invalidRequest(
      "This PaymentIntent is configured to accept payment methods enabled in your Dashboard. Because some of these payment methods might redirect your customer off of your page, you must provide a `return_url`. If you do not want to accept redirect-based payment methods, set `automatic_payment_methods[enabled]` to `true` and `automatic_payment_methods[allow_redirects]` to `never` when creating Setup Intents and Payment Intents."
    )
  }
  const pm = state.paymentMethods.get(pmId)
  assertUsableWith(state, pm, pi.customer, "PaymentIntent")
  return { pm, returnUrl, offSession: isOffSession }
}

/** Present the card to the (fake) network. Mutates `pi`; throws 402 on decline. */
function performConfirm(state: FakeState, pi: any, { pm, returnUrl, offSession: isOffSession }: PreparedConfirm): void {
  pi.payment_method = pm.id
  const card = testCardOf(state, pm.id)
  const meta = state.meta(pi.id)
  const decision = decidePayment(card, { authenticated: meta.authenticatedPm === pm.id, offSession: isOffSession })
  pi.last_payment_error = null
  if (decision.kind === "requires_action") {
    pi.status = "requires_action"
    pi.next_action = threeDSecureNextAction(state, pi.id, returnUrl)
    state.emit("payment_intent.requires_action", pi)
    return
  }
  if (decision.kind === "declined") {
    const charge = decision.createsCharge ? createCharge(state, pi, pm, { card, decline: decision.decline, blocked: decision.blocked, captured: false }) : undefined
    if (charge) {
      pi.latest_charge = charge.id
      state.emit("charge.failed", charge)
    }
    const error = declineError(decision.decline, { ...(charge ? { charge: charge.id } : {}), payment_method: clone(pm) })
    // After a failed attempt Stripe removes the PaymentMethod from the intent.
    Object.assign(pi, { status: "requires_payment_method", last_payment_error: error, payment_method: null, next_action: null })
    state.emit("payment_intent.payment_failed", pi)
    const { type: _type, ...body } = error
    throw cardError({ ...body, payment_intent: clone(pi) })
  }
  approve(state, pi, pm, false)
}

function approve(state: FakeState, pi: any, pm: any, threeDSecure: boolean): void {
  const card = testCardOf(state, pm.id)
  const manual = pi.capture_method === "manual"
  const charge = createCharge(state, pi, pm, { card, captured: !manual, threeDSecure })
  // Stripe docs "Save a payment method during payment": setup_future_usage + customer attaches it.
  if (pi.setup_future_usage && pi.customer) attachToCustomer(state, pm, pi.customer)
  markConsumedUnlessAttached(state, pm)
  Object.assign(pi, { latest_charge: charge.id, next_action: null, last_payment_error: null })
  state.emit("charge.succeeded", charge)
  if (manual) {
    Object.assign(pi, { status: "requires_capture", amount_capturable: pi.amount })
    state.emit("payment_intent.amount_capturable_updated", pi)
  } else {
    Object.assign(pi, { status: "succeeded", amount_received: pi.amount })
    state.emit("payment_intent.succeeded", pi)
  }
}

/** Test control: the customer completes (or fails) the 3DS challenge. */
export function completePaymentIntentThreeDSecure(state: FakeState, pi: any, outcome: "succeed" | "fail"): any {
  if (pi.status !== "requires_action") throw new Error(`PaymentIntent ${pi.id} is ${pi.status}, not requires_action`)
  const pm = state.paymentMethods.get(pi.payment_method)
  if (outcome === "succeed") {
    state.meta(pi.id).authenticatedPm = pm.id
    approve(state, pi, pm, true)
  } else {
    Object.assign(pi, { status: "requires_payment_method", last_payment_error: authenticationFailure(clone(pm)), payment_method: null, next_action: null })
    state.emit("payment_intent.payment_failed", pi)
  }
  return pi
}

function updatePaymentIntent(state: FakeState, pi: any, params: Params): any {
  allowOnly(params, CREATE_PARAMS.filter((p) => !["confirm", "return_url", "off_session", "confirmation_method", "error_on_requires_action", "use_stripe_sdk", "mandate_data", "automatic_payment_methods"].includes(p)))
  if (!CONFIRMABLE.includes(pi.status)) {
    const field = PAYMENT_FIELDS.find((f) => params[f] !== undefined)
    if (field) {
      throw unexpectedState(
        `This PaymentIntent's ${field} could not be updated because it has a status of ${pi.status}. You may only update the ${field} of a PaymentIntent with one of the following statuses: requires_payment_method, requires_confirmation, requires_action.`,
        pi,
        field
      )
    }
  }
  const amount = int(params, "amount", { min: 1 })
  const cur = currency(params)
  if (amount !== undefined || cur !== undefined) assertMinimumAmount(amount ?? pi.amount, cur ?? pi.currency)
  const customer = customerParam(state, params)
  const paymentMethod = paymentMethodParam(state, params)
  const changesPayment = amount !== undefined || cur !== undefined || paymentMethod !== undefined
  if (amount !== undefined) pi.amount = amount
  if (cur !== undefined) pi.currency = cur
  if (customer !== undefined) pi.customer = customer
  if (paymentMethod !== undefined) pi.payment_method = paymentMethod
  if (params.description !== undefined) pi.description = str(params, "description")
  if (params.receipt_email !== undefined) pi.receipt_email = str(params, "receipt_email")
  if (params.statement_descriptor !== undefined) pi.statement_descriptor = str(params, "statement_descriptor")
  if (params.statement_descriptor_suffix !== undefined) pi.statement_descriptor_suffix = str(params, "statement_descriptor_suffix")
  if (params.setup_future_usage !== undefined) pi.setup_future_usage = oneOf(params, "setup_future_usage", ["on_session", "off_session"]) ?? null
  if (params.capture_method !== undefined) pi.capture_method = oneOf(params, "capture_method", ["automatic", "automatic_async", "manual"])
  if (params.payment_method_types !== undefined) pi.payment_method_types = list(params, "payment_method_types")
  if (params.shipping !== undefined) pi.shipping = params.shipping || null
  pi.metadata = applyMetadata(pi.metadata, params)
  if (CONFIRMABLE.includes(pi.status)) {
    if (!pi.payment_method) pi.status = "requires_payment_method"
    else if (changesPayment || pi.status === "requires_payment_method") pi.status = "requires_confirmation"
    if (pi.status !== "requires_action") pi.next_action = null
  }
  return pi
}

function capturePaymentIntent(state: FakeState, pi: any, params: Params): any {
  allowOnly(params, ["amount_to_capture", "metadata", "statement_descriptor", "statement_descriptor_suffix", "final_capture"])
  if (pi.status !== "requires_capture") {
    throw unexpectedState(
      `This PaymentIntent could not be captured because it has a status of ${pi.status}. Only a PaymentIntent with one of the following statuses may be captured: requires_capture.`,
      pi
    )
  }
  const amount = int(params, "amount_to_capture", { min: 1 }) ?? pi.amount_capturable
  if (amount > pi.amount_capturable) {
    throw invalidRequest(`The amount_to_capture (${amount}) must be less than or equal to the amount_capturable (${pi.amount_capturable}).`, {
      param: "amount_to_capture",
    })
  }
  pi.metadata = applyMetadata(pi.metadata, params)
  const charge = state.charges.get(pi.latest_charge)
  // Stripe docs "Place a hold on a payment": capturing less releases the rest, which shows
  // as amount_refunded on the charge.
  Object.assign(charge, {
    captured: true,
    amount_captured: amount,
    amount_refunded: charge.amount - amount,
    balance_transaction: newId("txn"),
  })
  state.emit("charge.captured", charge)
  Object.assign(pi, { status: "succeeded", amount_capturable: 0, amount_received: amount })
  state.emit("payment_intent.succeeded", pi)
  return pi
}

function cancelPaymentIntent(state: FakeState, pi: any, params: Params): any {
  allowOnly(params, ["cancellation_reason"])
  if (!CANCELABLE.includes(pi.status)) {
    throw unexpectedState(
      `You cannot cancel this PaymentIntent because it has a status of ${pi.status}. Only a PaymentIntent with one of the following statuses may be canceled: ${CANCELABLE.join(", ")}.`,
      pi
    )
  }
  const reason = oneOf(params, "cancellation_reason", ["duplicate", "fraudulent", "requested_by_customer", "abandoned"]) ?? null
  if (pi.status === "requires_capture") {
    // Canceling an authorized payment releases the hold on the card.
    const charge = state.charges.get(pi.latest_charge)
    if (charge) Object.assign(charge, { amount_refunded: charge.amount, refunded: true })
  }
  Object.assign(pi, { status: "canceled", canceled_at: now(), cancellation_reason: reason, amount_capturable: 0, next_action: null })
  state.emit("payment_intent.canceled", pi)
  return pi
}

type IntentAction = (state: FakeState, pi: any, params: Params) => any

function onIntent(action: IntentAction): Route["handler"] {
  return (state, { params, id }) => {
    const pi = state.get("paymentIntents", id, "intent")
    const { expand: _paths, ...rest } = params
    return expand(state, action(state, pi, rest) ?? pi, expandParam(params))
  }
}

export const paymentIntentRoutes: Route[] = [
  {
    method: "POST",
    pattern: "/v1/payment_intents",
    handler: (state, { params }) => {
      const { expand: _e, ...rest } = params
      return expand(state, createPaymentIntent(state, rest), expandParam(params))
    },
  },
  {
    method: "GET",
    pattern: "/v1/payment_intents/:id",
    handler: (state, { params, id }) => expand(state, state.get("paymentIntents", id, "intent"), expandParam(params)),
  },
  { method: "POST", pattern: "/v1/payment_intents/:id", handler: onIntent(updatePaymentIntent) },
  {
    method: "POST",
    pattern: "/v1/payment_intents/:id/confirm",
    handler: onIntent((state, pi, params) => {
      allowOnly(params, ["payment_method", "payment_method_data", "return_url", "off_session", "receipt_email", "setup_future_usage", "shipping", "payment_method_options", "mandate_data", "error_on_requires_action", "use_stripe_sdk", "capture_method", "payment_method_types"])
      const prepared = prepareConfirm(state, pi, params)
      if (params.setup_future_usage !== undefined) pi.setup_future_usage = oneOf(params, "setup_future_usage", ["on_session", "off_session"]) ?? null
      if (params.capture_method !== undefined) pi.capture_method = oneOf(params, "capture_method", ["automatic", "automatic_async", "manual"])
      performConfirm(state, pi, prepared)
    }),
  },
  { method: "POST", pattern: "/v1/payment_intents/:id/capture", handler: onIntent(capturePaymentIntent) },
  { method: "POST", pattern: "/v1/payment_intents/:id/cancel", handler: onIntent(cancelPaymentIntent) },
  {
    method: "GET",
    pattern: "/v1/payment_intents",
    handler: (state, { params, path }) => {
      const items = newestFirst(state.paymentIntents).filter((pi) => !params.customer || pi.customer === params.customer)
      return expand(state, listObject(items, params, path), expandParam(params))
    },
  },
]
