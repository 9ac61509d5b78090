// A small Store API client for scenario setup (not for measured load: that is autocannon).
import { percentile, round } from "./load.mjs"

export class HttpError extends Error {
  constructor(method, path, status, body) {
    super(`${method} ${path} answered ${status}: ${String(body).slice(0, 300)}`)
    this.status = status
    this.body = body
  }
}

/**
 * `pricesCalculatedShipping`: whether this server can price `calculated` shipping options. Emporium's
 * demo options (Standard/Express) are calculated by its `transport_house` fulfillment provider;
 * vanilla Medusa has no such provider, lists them with no amount and answers 500 when asked to price
 * one, so its checkouts use the bench's flat option instead (see ensureFlatShippingOptions).
 */
export function storeClient(baseUrl, publishableKey, { pricesCalculatedShipping = true } = {}) {
  const headers = { "x-publishable-api-key": publishableKey, "content-type": "application/json" }
  async function request(method, path, body) {
    const res = await fetch(baseUrl + path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const text = await res.text()
    if (!res.ok) throw new HttpError(method, path, res.status, text)
    return text ? JSON.parse(text) : {}
  }
  return {
    baseUrl,
    headers,
    pricesCalculatedShipping,
    get: (path) => request("GET", path),
    post: (path, body = {}) => request("POST", path, body),
    /** status only, never throws on a non-2xx answer */
    status: (path) => fetch(baseUrl + path, { headers, redirect: "manual" }).then((r) => r.status),
  }
}

/** Runs fn over items with at most `limit` in flight. */
export async function mapLimit(items, limit, fn) {
  const out = new Array(items.length)
  let next = 0
  async function worker() {
    while (next < items.length) {
      const i = next++
      out[i] = await fn(items[i], i)
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  return out
}

/**
 * What the scenarios need to know about the seeded catalog, read through the Store API
 * (so it is what a storefront sees): the two regions, every product id, the variants
 * priced in EUR, and those of them with plenty of stock for carts.
 */
export async function discoverCatalog(store) {
  const { regions } = await store.get("/store/regions?limit=50")
  const europe = regions.find((r) => r.name === "Europe")
  const us = regions.find((r) => r.name === "United States")
  if (!europe) throw new Error(`no "Europe" region in the seeded store (found: ${regions.map((r) => r.name).join(", ") || "none"})`)

  const productIds = []
  const variants = []
  for (let offset = 0; ; offset += 100) {
    const page = await store.get(
      `/store/products?limit=100&offset=${offset}&region_id=${europe.id}` +
        `&fields=id,variants.id,variants.manage_inventory,variants.allow_backorder,+variants.inventory_quantity,*variants.calculated_price`
    )
    for (const p of page.products) {
      productIds.push(p.id)
      for (const v of p.variants ?? []) {
        const priced = v.calculated_price && v.calculated_price.calculated_amount != null
        const stock = v.manage_inventory === false || v.allow_backorder ? Infinity : Number(v.inventory_quantity ?? 0)
        if (priced) variants.push({ id: v.id, productId: p.id, stock })
      }
    }
    if (offset + 100 >= page.count) break
  }
  // Carts draw from the best-stocked variants, so neither adding nor completing runs out.
  const stocked = variants.filter((v) => v.stock >= 200).sort((a, b) => b.stock - a.stock)
  return {
    regionId: europe.id,
    usRegionId: us?.id ?? null,
    productIds,
    productCount: productIds.length,
    cartVariants: stocked.slice(0, 40).map((v) => v.id),
    pricedVariantCount: variants.length,
    /** Every variant priced in EUR, with its product (for analytics events that name both). */
    variants: variants.map((v) => ({ id: v.id, productId: v.productId })),
  }
}

export const BENCH_ADDRESS = {
  first_name: "Bench",
  last_name: "Mark",
  address_1: "Lagerstraße 1",
  city: "Berlin",
  postal_code: "10115",
  country_code: "de",
}

/** A cart in Europe with `items` line items (variants drawn round-robin from `variants`). */
export async function createCart(store, catalog, { items = 0, seed = 0 } = {}) {
  let { cart } = await store.post("/store/carts", { region_id: catalog.regionId })
  for (let i = 0; i < items; i++) {
    const variant_id = catalog.cartVariants[(seed + i * 7) % catalog.cartVariants.length]
    ;({ cart } = await store.post(`/store/carts/${cart.id}/line-items`, { variant_id, quantity: 1 }))
  }
  return cart
}

/** Type code of the flat shipping option the bench adds for vanilla's checkouts (see ensureFlatShippingOptions). */
export const BENCH_FLAT_OPTION_CODE = "bench_flat"

/**
 * Emporium's demo shipping options are `calculated` options of its `transport_house` provider, which
 * vanilla Medusa does not have: vanilla lists them (without an amount) but cannot price them, so
 * adding one to a cart fails there. The bench therefore gives every service zone that has no flat
 * option a flat `manual_manual` one ("Standard (flat, bench)", €4.95 / $5.95), created through
 * Emporium's Admin API on the shared database before vanilla starts. Both servers list it; only
 * vanilla's checkouts use it (prepareCheckout). Idempotent (a reused database keeps its option).
 * Returns the number of options created.
 */
export async function ensureFlatShippingOptions(admin) {
  const { shipping_options } = await admin.get(
    "/admin/shipping-options?limit=200&fields=id,name,price_type,provider_id,service_zone_id,shipping_profile_id,type.code"
  )
  const zones = new Map()
  for (const option of shipping_options) {
    const zone = zones.get(option.service_zone_id) ?? { profile: option.shipping_profile_id, hasFlat: false }
    if (option.price_type === "flat" && option.provider_id === "manual_manual") zone.hasFlat = true
    zones.set(option.service_zone_id, zone)
  }
  let created = 0
  for (const [service_zone_id, zone] of zones) {
    if (zone.hasFlat) continue
    await admin.post("/admin/shipping-options", {
      name: "Standard (flat, bench)",
      service_zone_id,
      shipping_profile_id: zone.profile,
      price_type: "flat",
      provider_id: "manual_manual",
      data: {},
      type: { label: "Standard (flat, bench)", description: "Flat rate for servers without the transport provider", code: BENCH_FLAT_OPTION_CODE },
      prices: [
        { currency_code: "eur", amount: 4.95 },
        { currency_code: "usd", amount: 5.95 },
      ],
      rules: [
        { attribute: "enabled_in_store", value: "true", operator: "eq" },
        { attribute: "is_return", value: "false", operator: "eq" },
      ],
    })
    created++
  }
  return created
}

/**
 * The shipping option a bench checkout books: the cheapest option the server can price. On a server
 * that prices calculated options (Emporium) these are the store's own options, calculated ones priced
 * through POST /store/shipping-options/:id/calculate (the rate table), and the bench's flat option is
 * left out; on vanilla, only flat options (calculated ones have no provider there).
 */
async function chooseShippingOption(store, cartId, options) {
  const candidates = []
  for (const option of options) {
    const benchFlat = option.type?.code === BENCH_FLAT_OPTION_CODE || option.name === "Standard (flat, bench)"
    if (option.price_type === "calculated") {
      if (!store.pricesCalculatedShipping) continue
      const { shipping_option } = await store.post(`/store/shipping-options/${option.id}/calculate`, { cart_id: cartId })
      candidates.push({ id: option.id, amount: shipping_option.amount })
    } else if (!(benchFlat && store.pricesCalculatedShipping)) {
      candidates.push({ id: option.id, amount: option.amount })
    }
  }
  if (!candidates.length) {
    throw new Error(
      `no shipping option this server can price (options: ${options.map((o) => `${o.name} [${o.price_type}]`).join(", ")})`
    )
  }
  return candidates.sort((a, b) => (a.amount ?? 0) - (b.amount ?? 0))[0]
}

/**
 * A cart ready to complete: two items, e-mail and shipping address (all given when the
 * cart is created, to keep setup short), the cheapest shipping option the server can price
 * (chooseShippingOption), a payment collection and a session with the system payment provider.
 */
export async function prepareCheckout(store, catalog, seed) {
  const n = catalog.cartVariants.length
  const { cart } = await store.post("/store/carts", {
    region_id: catalog.regionId,
    email: `bench+${seed}@emporium.test`,
    shipping_address: BENCH_ADDRESS,
    billing_address: BENCH_ADDRESS,
    items: [
      { variant_id: catalog.cartVariants[seed % n], quantity: 1 },
      { variant_id: catalog.cartVariants[(seed + 7) % n], quantity: 1 },
    ].filter((item, i, all) => i === 0 || item.variant_id !== all[0].variant_id),
  })
  const { shipping_options } = await store.get(`/store/shipping-options?cart_id=${cart.id}`)
  if (!shipping_options?.length) throw new Error(`no shipping option for a cart shipping to ${BENCH_ADDRESS.country_code}`)
  const option = await chooseShippingOption(store, cart.id, shipping_options)
  await store.post(`/store/carts/${cart.id}/shipping-methods`, { option_id: option.id })
  const { payment_collection } = await store.post("/store/payment-collections", { cart_id: cart.id })
  await store.post(`/store/payment-collections/${payment_collection.id}/payment-sessions`, {
    provider_id: "pp_system_default",
  })
  return cart.id
}

/**
 * POST /store/carts/:id/complete for each cart, one after another, each timed on its own.
 * Only a 200 with `{ type: "order" }` counts (a cart that cannot be completed answers 200 with
 * `{ type: "cart", error }`). Returns { times (ms, successful ones), failed, statuses, samples, seconds }.
 */
export async function completeSequentially(baseUrl, store, cartIds) {
  const times = []
  const samples = []
  const statuses = {}
  let failed = 0
  const started = performance.now()
  for (const id of cartIds) {
    const t0 = performance.now()
    const res = await fetch(`${baseUrl}/store/carts/${id}/complete`, { method: "POST", headers: store.headers, body: "{}" })
    const text = await res.text()
    const ms = performance.now() - t0
    statuses[res.status] = (statuses[res.status] ?? 0) + 1
    let ok = res.ok
    if (ok) ok = JSON.parse(text).type === "order"
    if (ok) times.push(ms)
    else {
      failed++
      if (samples.length < 5) samples.push({ status: res.status, body: text.slice(0, 300) })
    }
  }
  return { times, failed, statuses, samples, seconds: (performance.now() - started) / 1000 }
}

/**
 * A checkout scenario's measurement: completes `cartIds` one after another and reports
 * p50/p95/max per completion and the server's CPU per order. `label` names what is completed.
 */
export async function measureCompletions(ctx, cartIds, label = "completion") {
  const before = ctx.server.sample()
  const { times, failed, statuses, samples } = await completeSequentially(ctx.server.url, ctx.store, cartIds)
  const after = ctx.server.sample()
  const n = cartIds.length
  return {
    metrics: [
      { key: "complete_p50", label: `${label} p50 (ms)`, value: round(percentile(times, 50), 1), better: "lower" },
      { key: "complete_p95", label: `${label} p95 (ms)`, value: round(percentile(times, 95), 1), better: "lower" },
      { key: "complete_max", label: `${label} max (ms)`, value: round(Math.max(...times), 1), better: "lower" },
      { key: "cpu_ms_per_order", label: "server CPU per order (ms)", value: round((after.cpuMs - before.cpuMs) / n, 1), better: "lower" },
    ],
    errors: { count: failed, total: n, non2xx: failed, statuses, samples },
    raw: { carts: n, completed: times.length, times: times.map((t) => round(t, 1)) },
  }
}
