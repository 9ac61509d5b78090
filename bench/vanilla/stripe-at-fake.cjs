/**
 * Preloaded (`node --require`) into the vanilla server for the stripe-checkout scenario only.
 * Medusa's official Stripe provider makes its client with `new Stripe(apiKey)` and no way to
 * change the API host; this hands every `require("stripe")` a constructor that adds the local
 * fake's host, port and protocol (STRIPE_API_BASE_URL), so vanilla pays through the same fake as
 * Emporium. Nothing else is changed.
 */
const Module = require("module")

const base = process.env.STRIPE_API_BASE_URL ? new URL(process.env.STRIPE_API_BASE_URL) : null
const originalLoad = Module._load
const wrapped = new WeakMap()

Module._load = function load(request, parent, isMain) {
  const exported = originalLoad.call(this, request, parent, isMain)
  if (!base || request !== "stripe" || typeof exported !== "function") return exported
  if (!wrapped.has(exported)) {
    const Stripe = exported
    function StripeAtFake(key, config = {}) {
      return new Stripe(key, { ...config, host: base.hostname, port: Number(base.port), protocol: base.protocol.replace(":", "") })
    }
    Object.setPrototypeOf(StripeAtFake, Stripe)
    StripeAtFake.default = StripeAtFake
    StripeAtFake.Stripe = StripeAtFake
    wrapped.set(exported, StripeAtFake)
  }
  return wrapped.get(exported)
}
