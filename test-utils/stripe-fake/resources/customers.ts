/** Customers (Stripe API reference: "Customers"). */
import { invalidRequest } from "../errors"
import { newId, now } from "../ids"
import { address, allowOnly, applyMetadata, obj, Params, str } from "../params"
import { expandParam, Route } from "../route"
import { expand, FakeState, listObject, newestFirst } from "../state"
import { assertUsableWith, attachToCustomer, detach, paymentMethodsOf, resolvePaymentMethod } from "./payment-methods"

const FIELDS = ["email", "name", "phone", "address", "metadata", "description", "shipping", "payment_method", "invoice_settings", "preferred_locales"]

function applyFields(state: FakeState, customer: any, params: Params): Record<string, any> {
  const previous: Record<string, any> = {}
  const set = (key: string, value: any) => {
    if (JSON.stringify(customer[key]) !== JSON.stringify(value)) previous[key] = customer[key]
    customer[key] = value
  }
  for (const key of ["email", "name", "phone", "description"]) {
    if (params[key] !== undefined) set(key, str(params, key))
  }
  if (params.address !== undefined) set("address", address(params.address === "" ? "" : obj(params, "address"), customer.address ?? undefined))
  if (params.shipping !== undefined) set("shipping", params.shipping || null)
  if (params.metadata !== undefined) set("metadata", applyMetadata(customer.metadata, params))
  if (params.preferred_locales !== undefined) set("preferred_locales", Object.values(params.preferred_locales || {}))
  const defaultPm = params.invoice_settings?.default_payment_method
  if (defaultPm !== undefined) {
    if (defaultPm) {
      const pm = state.get("paymentMethods", defaultPm, "invoice_settings[default_payment_method]")
      if (pm.customer !== customer.id) {
        throw invalidRequest(`The PaymentMethod ${pm.id} must be attached to customer ${customer.id} to be its default.`, {
          param: "invoice_settings[default_payment_method]",
        })
      }
    }
    set("invoice_settings", { ...customer.invoice_settings, default_payment_method: defaultPm || null })
  }
  return previous
}

export const customerRoutes: Route[] = [
  {
    method: "POST",
    pattern: "/v1/customers",
    handler: (state, { params }) => {
      allowOnly(params, FIELDS)
      const customer: any = {
        id: newId("cus"),
        object: "customer",
        address: null,
        balance: 0,
        created: now(),
        currency: null,
        default_source: null,
        delinquent: false,
        description: null,
        discount: null,
        email: null,
        invoice_prefix: newId("x").slice(2, 10).toUpperCase(),
        invoice_settings: { custom_fields: null, default_payment_method: null, footer: null, rendering_options: null },
        livemode: false,
        metadata: {},
        name: null,
        next_invoice_sequence: 1,
        phone: null,
        preferred_locales: [],
        shipping: null,
        tax_exempt: "none",
        test_clock: null,
      }
      const pmId = str(params, "payment_method")
      const pm = pmId ? resolvePaymentMethod(state, pmId) : undefined
      if (pm) assertUsableWith(state, pm, null, "Customer")
      const { payment_method: _pm, invoice_settings: _inv, ...rest } = params
      applyFields(state, customer, rest)
      state.customers.set(customer.id, customer)
      state.emit("customer.created", customer)
      if (pm) attachToCustomer(state, pm, customer.id)
      if (params.invoice_settings) applyFields(state, customer, { invoice_settings: params.invoice_settings })
      return expand(state, customer, expandParam(params))
    },
  },
  {
    method: "GET",
    pattern: "/v1/customers/:id",
    handler: (state, { params, id }) => {
      // Stripe API reference "Retrieve a customer": a deleted customer is returned as { id, object, deleted: true }.
      const deleted = state.customers.get(id)
      if (deleted?.deleted) return deleted
      return expand(state, state.get("customers", id), expandParam(params))
    },
  },
  {
    method: "POST",
    pattern: "/v1/customers/:id",
    handler: (state, { params, id }) => {
      allowOnly(params, FIELDS.filter((f) => f !== "payment_method"))
      const customer = state.get("customers", id)
      const previous = applyFields(state, customer, params)
      if (Object.keys(previous).length) state.emit("customer.updated", customer, previous)
      return expand(state, customer, expandParam(params))
    },
  },
  {
    method: "DELETE",
    pattern: "/v1/customers/:id",
    handler: (state, { id }) => {
      const customer = state.get("customers", id)
      for (const pm of paymentMethodsOf(state, id)) detach(state, pm)
      state.customers.set(id, { id, object: "customer", deleted: true })
      state.emit("customer.deleted", customer)
      return { id, object: "customer", deleted: true }
    },
  },
  {
    method: "GET",
    pattern: "/v1/customers",
    handler: (state, { params, path }) => {
      const items = newestFirst(state.customers).filter((c) => !c.deleted && (!params.email || c.email === params.email))
      return expand(state, listObject(items, params, path), expandParam(params))
    },
  },
  {
    method: "GET",
    pattern: "/v1/customers/:id/payment_methods",
    handler: (state, { params, id, path }) => {
      state.get("customers", id)
      const items = paymentMethodsOf(state, id, str(params, "type") ?? undefined)
      return expand(state, listObject(items, params, path), expandParam(params))
    },
  },
]
