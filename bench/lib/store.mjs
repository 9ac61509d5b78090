// A small Store API client for scenario setup (not for measured load: that is autocannon).

export class HttpError extends Error {
  constructor(method, path, status, body) {
    super(`${method} ${path} answered ${status}: ${String(body).slice(0, 300)}`)
    this.status = status
    this.body = body
  }
}

export function storeClient(baseUrl, publishableKey) {
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

/**
 * A cart ready to complete: two items, e-mail and shipping address (all given when the
 * cart is created, to keep setup short), the cheapest shipping option, a payment
 * collection and a session with the system payment provider.
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
  const option = [...shipping_options].sort((a, b) => (a.amount ?? 0) - (b.amount ?? 0))[0]
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
