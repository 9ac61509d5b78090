/**
 * PaymentMethods (Stripe API reference: "Payment Methods") and the attachment rules
 * shared by PaymentIntents and SetupIntents.
 */
import { cardError, invalidRequest, paramError, resourceMissing } from "../errors"
import { newId, now } from "../ids"
import { address, allowOnly, applyMetadata, int, obj, oneOf, required, str } from "../params"
import { expandParam, Route } from "../route"
import { expand, FakeState, listObject, newestFirst } from "../state"
import { cardByNumber, cardByPmId, cardByToken, cardDetails, TestCard } from "../test-cards"

function billingDetails(value: any, existing?: any): any {
  const base = existing ?? { address: address({}), email: null, name: null, phone: null }
  if (value === undefined || value === "") return base
  return {
    address: address(value.address, base.address),
    email: value.email !== undefined ? value.email || null : base.email,
    name: value.name !== undefined ? value.name || null : base.name,
    phone: value.phone !== undefined ? value.phone || null : base.phone,
  }
}

export function createCardPaymentMethod(
  state: FakeState,
  card: TestCard,
  extra: { billing_details?: any; metadata?: any; exp?: { month?: number; year?: number } } = {}
): any {
  const pm = {
    id: newId("pm"),
    object: "payment_method",
    allow_redisplay: "unspecified",
    billing_details: billingDetails(extra.billing_details),
    card: cardDetails(card, extra.exp),
    created: now(),
    customer: null as string | null,
    livemode: false,
    metadata: applyMetadata({}, { metadata: extra.metadata }),
    type: "card",
  }
  state.paymentMethods.set(pm.id, pm)
  state.meta(pm.id).card = card
  return pm
}

export function testCardOf(state: FakeState, pmId: string): TestCard {
  return state.meta(pmId).card
}

/**
 * Resolve a `payment_method` parameter. Test ids such as `pm_card_visa` create a new
 * PaymentMethod each time they are used (Stripe docs "Testing": test PaymentMethods).
 */
export function resolvePaymentMethod(state: FakeState, id: string, param = "payment_method"): any {
  const card = cardByPmId(id)
  if (card) return createCardPaymentMethod(state, card)
  return state.get("paymentMethods", id, param)
}

/** `payment_method_data` (PaymentIntents/SetupIntents): create a PaymentMethod inline. */
export function paymentMethodFromData(state: FakeState, data: any): any {
  if (typeof data !== "object" || data === null) throw paramError("Invalid object", "payment_method_data")
  if (data.type !== "card") {
    throw paramError("The Stripe fake supports only payment_method_data[type]=card.", "payment_method_data[type]")
  }
  return createCardPaymentMethod(state, cardFromParams(data.card, "payment_method_data[card]"), {
    billing_details: data.billing_details,
    metadata: data.metadata,
  })
}

function cardFromParams(card: any, param: string): TestCard {
  if (!card || typeof card !== "object") throw paramError(`Missing required param: ${param}.`, param, "parameter_missing")
  if (card.token !== undefined) {
    const found = cardByToken(String(card.token))
    if (!found) throw resourceMissing("token", String(card.token), `${param}[token]`)
    return found
  }
  if (card.number === undefined) throw paramError(`Missing required param: ${param}[number].`, `${param}[number]`, "parameter_missing")
  const found = cardByNumber(String(card.number))
  // Only Stripe's documented test numbers exist here; anything else is "incorrect".
  if (!found) throw cardError({ code: "incorrect_number", message: "Your card number is incorrect.", param: `${param}[number]` })
  return found
}

/**
 * Attachment rules (Stripe docs "Payment Methods" / "Save payment details"):
 *  - a PaymentMethod attached to a Customer can only be used with that same `customer`;
 *  - one used for a payment without being attached, or detached, can't be used again.
 */
export function assertUsableWith(state: FakeState, pm: any, customerId: string | null, objectName: string): void {
  if (state.meta(pm.id).consumed) {
    throw invalidRequest(
      "The provided PaymentMethod was previously used with a PaymentIntent without Customer attachment, shared with a connected account without Customer attachment, or was detached from a Customer. It may not be used again. To use a PaymentMethod multiple times, you must attach it to a Customer first.",
      { param: "payment_method" }
    )
  }
  if (pm.customer && pm.customer !== customerId) {
    throw invalidRequest(
      customerId
        ? `The provided PaymentMethod ${pm.id} belongs to Customer ${pm.customer}, not to the Customer of this ${objectName} (${customerId}).`
        : `The provided PaymentMethod ${pm.id} is attached to Customer ${pm.customer}. Please provide the ID of that Customer as the \`customer\` parameter of this ${objectName}.`,
      { param: "payment_method" }
    )
  }
}

export function attachToCustomer(state: FakeState, pm: any, customerId: string): void {
  if (pm.customer === customerId) return
  pm.customer = customerId
  state.emit("payment_method.attached", pm)
}

/** After a payment a PaymentMethod that is not attached to a Customer can't be reused. */
export function markConsumedUnlessAttached(state: FakeState, pm: any): void {
  if (!pm.customer) state.meta(pm.id).consumed = true
}

function attach(state: FakeState, pm: any, customerId: string): any {
  if (state.meta(pm.id).consumed) assertUsableWith(state, pm, customerId, "Customer")
  if (pm.customer && pm.customer !== customerId) {
    throw invalidRequest("The payment method you provided has already been attached to a customer.", { param: "payment_method" })
  }
  const card = testCardOf(state, pm.id)
  // Saving a card validates it with the issuer; declining test cards fail here.
  if (card.declinesWhenSaved && card.decline) {
    const { seller_message: _s, ...decline } = card.decline
    throw cardError(decline)
  }
  attachToCustomer(state, pm, customerId)
  return pm
}

export const paymentMethodRoutes: Route[] = [
  {
    method: "POST",
    pattern: "/v1/payment_methods",
    handler: (state, { params }) => {
      allowOnly(params, ["type", "card", "billing_details", "metadata", "allow_redisplay"])
      required(params, "type")
      if (params.type !== "card") throw paramError("The Stripe fake supports only type=card.", "type")
      const card = cardFromParams(obj(params, "card"), "card")
      const exp = { month: int(params.card, "exp_month"), year: int(params.card, "exp_year") }
      const pm = createCardPaymentMethod(state, card, { billing_details: params.billing_details, metadata: params.metadata, exp })
      pm.allow_redisplay = oneOf(params, "allow_redisplay", ["always", "limited", "unspecified"]) ?? "unspecified"
      return expand(state, pm, expandParam(params))
    },
  },
  {
    method: "GET",
    pattern: "/v1/payment_methods/:id",
    handler: (state, { params, id }) => expand(state, state.get("paymentMethods", id), expandParam(params)),
  },
  {
    method: "POST",
    pattern: "/v1/payment_methods/:id",
    handler: (state, { params, id }) => {
      allowOnly(params, ["billing_details", "metadata", "allow_redisplay"])
      const pm = state.get("paymentMethods", id)
      if (!pm.customer) {
        throw invalidRequest("You must save this PaymentMethod to a customer before you can update it.")
      }
      pm.billing_details = billingDetails(params.billing_details, pm.billing_details)
      pm.metadata = applyMetadata(pm.metadata, params)
      pm.allow_redisplay = oneOf(params, "allow_redisplay", ["always", "limited", "unspecified"]) ?? pm.allow_redisplay
      state.emit("payment_method.updated", pm)
      return expand(state, pm, expandParam(params))
    },
  },
  {
    method: "POST",
    pattern: "/v1/payment_methods/:id/attach",
    handler: (state, { params, id }) => {
      allowOnly(params, ["customer"])
      required(params, "customer")
      const customerId = str(params, "customer")!
      state.get("customers", customerId, "customer")
      const pm = resolvePaymentMethod(state, id, "payment_method")
      return expand(state, attach(state, pm, customerId), expandParam(params))
    },
  },
  {
    method: "POST",
    pattern: "/v1/payment_methods/:id/detach",
    handler: (state, { params, id }) => {
      allowOnly(params, [])
      const pm = state.get("paymentMethods", id)
      if (!pm.customer) {
        throw invalidRequest("The payment method you provided is not attached to a customer so detachment is impossible.")
      }
      const previous = pm.customer
      detach(state, pm)
      state.emit("payment_method.detached", pm, { customer: previous })
      return expand(state, pm, expandParam(params))
    },
  },
  {
    method: "GET",
    pattern: "/v1/payment_methods",
    handler: (state, { params, path }) => {
      const customer = str(params, "customer")
      if (customer) state.get("customers", customer, "customer")
      const items = paymentMethodsOf(state, customer ?? undefined, str(params, "type") ?? undefined)
      return expand(state, listObject(items, params, path), expandParam(params))
    },
  },
]

export function detach(state: FakeState, pm: any): void {
  pm.customer = null
  state.meta(pm.id).consumed = true
}

/** PaymentMethods newest first, optionally only those attached to `customer`. */
export function paymentMethodsOf(state: FakeState, customer?: string, type?: string): any[] {
  return newestFirst(state.paymentMethods).filter(
    (pm) => (customer === undefined || pm.customer === customer) && (type === undefined || pm.type === type)
  )
}
