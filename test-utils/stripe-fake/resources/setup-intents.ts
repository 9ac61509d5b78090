/**
 * SetupIntents (Stripe API reference: "Setup Intents"): save a card for later. Confirming
 * with a customer attaches the PaymentMethod to it.
 */
import { cardError, invalidRequest, paramError, unexpectedState } from "../errors"
import { clone, newId, now, randomToken } from "../ids"
import { allowOnly, applyMetadata, bool, list, obj, oneOf, Params, str } from "../params"
import { expandParam, Route } from "../route"
import { expand, FakeState, listObject, newestFirst } from "../state"
import { authenticationFailure, decideSetup, declineError, threeDSecureNextAction } from "./authorization"
import { assertUsableWith, attachToCustomer, paymentMethodFromData, resolvePaymentMethod, testCardOf } from "./payment-methods"

const CONFIRMABLE = ["requires_payment_method", "requires_confirmation", "requires_action"]
const CREATE_PARAMS = [
  "customer", "payment_method", "payment_method_data", "confirm", "usage", "payment_method_types", "automatic_payment_methods",
  "metadata", "description", "return_url", "payment_method_options", "mandate_data", "single_use", "use_stripe_sdk",
  "payment_method_configuration",
]

function paymentMethodParam(state: FakeState, params: Params): string | null | undefined {
  if (params.payment_method_data !== undefined) return paymentMethodFromData(state, params.payment_method_data).id
  const id = str(params, "payment_method")
  return id ? resolvePaymentMethod(state, id).id : id
}

interface Prepared {
  pm: any
  returnUrl: string | null
}

function prepareConfirm(state: FakeState, si: any, params: Params): Prepared {
  if (!CONFIRMABLE.includes(si.status)) {
    throw unexpectedState(
      `You cannot confirm this SetupIntent because it has a status of ${si.status}. Only a SetupIntent with one of the following statuses may be confirmed: ${CONFIRMABLE.join(", ")}.`,
      si
    )
  }
  const pmId = paymentMethodParam(state, params) || si.payment_method
  if (!pmId) {
    throw unexpectedState("You cannot confirm this SetupIntent because it's missing a payment method.", si, "payment_method")
  }
  const returnUrl = str(params, "return_url") ?? null
  if (si.automatic_payment_methods?.enabled && si.automatic_payment_methods.allow_redirects !== "never" && !returnUrl) {
    throw invalidRequest(
      "This SetupIntent is configured to accept payment methods enabled in your Dashboard. Because some of these payment methods might redirect your customer off of your page, you must provide a `return_url`. If you do not want to accept redirect-based payment methods, set `automatic_payment_methods[enabled]` to `true` and `automatic_payment_methods[allow_redirects]` to `never` when creating Setup Intents and Payment Intents."
    )
  }
  const pm = state.paymentMethods.get(pmId)
  assertUsableWith(state, pm, si.customer, "SetupIntent")
  return { pm, returnUrl }
}

function performConfirm(state: FakeState, si: any, { pm, returnUrl }: Prepared): void {
  si.payment_method = pm.id
  si.latest_attempt = newId("setatt")
  si.last_setup_error = null
  const decision = decideSetup(testCardOf(state, pm.id), { authenticated: state.meta(si.id).authenticatedPm === pm.id })
  if (decision.kind === "requires_action") {
    Object.assign(si, { status: "requires_action", next_action: threeDSecureNextAction(state, si.id, returnUrl) })
    state.emit("setup_intent.requires_action", si)
    return
  }
  if (decision.kind === "declined") {
    const error = declineError(decision.decline, { payment_method: clone(pm) })
    Object.assign(si, { status: "requires_payment_method", last_setup_error: error, payment_method: null, next_action: null })
    state.emit("setup_intent.setup_failed", si)
    const { type: _type, ...body } = error
    throw cardError({ ...body, setup_intent: clone(si) })
  }
  succeed(state, si, pm)
}

function succeed(state: FakeState, si: any, pm: any): void {
  if (si.customer) attachToCustomer(state, pm, si.customer)
  Object.assign(si, { status: "succeeded", next_action: null, last_setup_error: null })
  state.emit("setup_intent.succeeded", si)
}

/** Test control: the customer completes (or fails) the 3DS challenge of a SetupIntent. */
export function completeSetupIntentThreeDSecure(state: FakeState, si: any, outcome: "succeed" | "fail"): any {
  if (si.status !== "requires_action") throw new Error(`SetupIntent ${si.id} is ${si.status}, not requires_action`)
  const pm = state.paymentMethods.get(si.payment_method)
  if (outcome === "succeed") {
    state.meta(si.id).authenticatedPm = pm.id
    succeed(state, si, pm)
  } else {
    const error = {
      ...authenticationFailure(clone(pm)),
      code: "setup_intent_authentication_failure",
      doc_url: "https://stripe.com/docs/error-codes/setup-intent-authentication-failure",
    }
    Object.assign(si, { status: "requires_payment_method", last_setup_error: error, payment_method: null, next_action: null })
    state.emit("setup_intent.setup_failed", si)
  }
  return si
}

function createSetupIntent(state: FakeState, params: Params): any {
  allowOnly(params, CREATE_PARAMS)
  const confirm = bool(params, "confirm") ?? false
  if (!confirm && params.return_url !== undefined) {
    throw paramError("The parameter `return_url` cannot be passed when creating a SetupIntent unless `confirm` is set to true.", "return_url")
  }
  const customer = str(params, "customer") ?? null
  if (customer) state.get("customers", customer, "customer")
  const types = list(params, "payment_method_types")
  const apm = obj(params, "automatic_payment_methods")
  if (types && apm) {
    throw paramError("You may only specify one of these parameters: automatic_payment_methods, payment_method_types.", "automatic_payment_methods")
  }
  const automatic = types
    ? null
    : apm && bool(apm, "enabled") === false
      ? null
      : { allow_redirects: oneOf(apm ?? {}, "allow_redirects", ["always", "never"]) ?? "always", enabled: true }
  const paymentMethod = paymentMethodParam(state, params) ?? null
  const id = newId("seti")
  const si = {
    id,
    object: "setup_intent",
    application: null,
    automatic_payment_methods: automatic,
    cancellation_reason: null as string | null,
    client_secret: `${id}_secret_${randomToken(25)}`,
    created: now(),
    customer,
    description: str(params, "description") ?? null,
    flow_directions: null,
    last_setup_error: null as any,
    latest_attempt: null as string | null,
    livemode: false,
    mandate: null,
    metadata: applyMetadata({}, params),
    next_action: null as any,
    on_behalf_of: null,
    payment_method: paymentMethod,
    payment_method_configuration_details: automatic ? { id: "pmc_fake_default", parent: null } : null,
    payment_method_options: { card: { mandate_options: null, network: null, request_three_d_secure: "automatic" } },
    payment_method_types: types ?? ["card"],
    single_use_mandate: null,
    status: paymentMethod ? "requires_confirmation" : "requires_payment_method",
    usage: oneOf(params, "usage", ["on_session", "off_session"]) ?? "off_session",
  }
  const prepared = confirm ? prepareConfirm(state, si, { return_url: params.return_url }) : undefined
  state.setupIntents.set(id, si)
  state.emit("setup_intent.created", si)
  if (prepared) performConfirm(state, si, prepared)
  return si
}

export const setupIntentRoutes: Route[] = [
  {
    method: "POST",
    pattern: "/v1/setup_intents",
    handler: (state, { params }) => {
      const { expand: _e, ...rest } = params
      return expand(state, createSetupIntent(state, rest), expandParam(params))
    },
  },
  {
    method: "GET",
    pattern: "/v1/setup_intents/:id",
    handler: (state, { params, id }) => expand(state, state.get("setupIntents", id, "intent"), expandParam(params)),
  },
  {
    method: "POST",
    pattern: "/v1/setup_intents/:id",
    handler: (state, { params, id }) => {
      allowOnly(params, ["metadata", "description", "payment_method", "customer"])
      const si = state.get("setupIntents", id, "intent")
      if (params.payment_method !== undefined || params.customer !== undefined) {
        if (!CONFIRMABLE.includes(si.status)) {
          throw unexpectedState(`This SetupIntent could not be updated because it has a status of ${si.status}.`, si)
        }
      }
      if (params.customer !== undefined) {
        const c = str(params, "customer")
        if (c) state.get("customers", c, "customer")
        si.customer = c
      }
      const pm = paymentMethodParam(state, params)
      if (pm !== undefined) {
        si.payment_method = pm
        si.status = pm ? "requires_confirmation" : "requires_payment_method"
        si.next_action = null
      }
      if (params.description !== undefined) si.description = str(params, "description")
      si.metadata = applyMetadata(si.metadata, params)
      return expand(state, si, expandParam(params))
    },
  },
  {
    method: "POST",
    pattern: "/v1/setup_intents/:id/confirm",
    handler: (state, { params, id }) => {
      allowOnly(params, ["payment_method", "payment_method_data", "return_url", "mandate_data", "payment_method_options", "use_stripe_sdk"])
      const si = state.get("setupIntents", id, "intent")
      performConfirm(state, si, prepareConfirm(state, si, params))
      return expand(state, si, expandParam(params))
    },
  },
  {
    method: "POST",
    pattern: "/v1/setup_intents/:id/cancel",
    handler: (state, { params, id }) => {
      allowOnly(params, ["cancellation_reason"])
      const si = state.get("setupIntents", id, "intent")
      if (!CONFIRMABLE.includes(si.status)) {
        throw unexpectedState(
          `You cannot cancel this SetupIntent because it has a status of ${si.status}. Only a SetupIntent with one of the following statuses may be canceled: ${CONFIRMABLE.join(", ")}.`,
          si
        )
      }
      const reason = oneOf(params, "cancellation_reason", ["abandoned", "duplicate", "requested_by_customer"]) ?? null
      Object.assign(si, { status: "canceled", cancellation_reason: reason, next_action: null })
      state.emit("setup_intent.canceled", si)
      return expand(state, si, expandParam(params))
    },
  },
  {
    method: "GET",
    pattern: "/v1/setup_intents",
    handler: (state, { params, path }) => {
      const items = newestFirst(state.setupIntents).filter(
        (si) => (!params.customer || si.customer === params.customer) && (!params.payment_method || si.payment_method === params.payment_method)
      )
      return expand(state, listObject(items, params, path), expandParam(params))
    },
  },
]
