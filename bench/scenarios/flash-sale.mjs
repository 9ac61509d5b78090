import { adminClient } from "../lib/admin.mjs"
import { percentile, round } from "../lib/load.mjs"
import { mapLimit, BENCH_ADDRESS, storeClient } from "../lib/store.mjs"

const CARTS = Number(process.env.BENCH_FLASH_CARTS || 200)
const UNITS = Number(process.env.BENCH_FLASH_UNITS || 5)
/** A completion not answered by then counts as "no answer" (a server can deadlock: see BENCHMARKS.md). */
const ANSWER_DEADLINE_MS = Number(process.env.BENCH_FLASH_DEADLINE_MS || 120_000)

/**
 * Flash sale: CARTS ready carts each holding one unit of a variant that has exactly
 * UNITS available, all completed at the same moment. Counts what a merchant cares
 * about: orders created (more than UNITS is an oversell), what the losers were told
 * (4xx, 409, 5xx) and how fast, whether reserved stock matches the orders, and how fast
 * the burst settled. With `ctx.urls` (bench/flash-sale.mjs starts two processes) carts
 * are prepared and completed round-robin across the processes. Opt-in here
 * (`--scenarios flash-sale`); bench/flash-sale.mjs runs it across setups.
 */
export default {
  name: "flash-sale",
  optIn: true,
  description: `${CARTS} carts complete at once for ${UNITS} units of one variant`,
  async setup(ctx) {
    const urls = ctx.urls ?? [ctx.server.url]
    const stores = urls.map((url) => storeClient(url, ctx.store.headers["x-publishable-api-key"]))
    const admin = await adminClient(urls[0])
    // A different product per run and server, away from the well-stocked variants other scenarios buy.
    const product = ctx.catalog.productIds[(ctx.seed * 13 + 101) % ctx.catalog.productIds.length]
    const { product: full } = await admin.get(
      `/admin/products/${product}?fields=id,title,variants.id,variants.title,variants.inventory_items.inventory_item_id`
    )
    const variant = full.variants[0]
    const inventoryItemId = variant.inventory_items[0].inventory_item_id
    const { inventory_levels } = await admin.get(`/admin/inventory-items/${inventoryItemId}/location-levels`)
    // Exactly UNITS available across all locations: the first location keeps its reservations
    // plus UNITS, every other location only its reservations.
    for (const [i, level] of inventory_levels.entries()) {
      await admin.post(`/admin/inventory-items/${inventoryItemId}/location-levels/${level.location_id}`, {
        stocked_quantity: Number(level.reserved_quantity) + (i === 0 ? UNITS : 0),
      })
    }
    const reservedBefore = await reservedTotal(admin, inventoryItemId)

    const started = Date.now()
    ctx.state.carts = await mapLimit(Array.from({ length: CARTS }, (_, i) => i), 4, async (i) => ({
      id: await readyCart(stores[i % stores.length], ctx.catalog.regionId, variant.id, `${ctx.seed}-${i}-${Date.now()}`),
      url: urls[i % urls.length],
    }))
    Object.assign(ctx.state, { admin, inventoryItemId, reservedBefore, title: full.title, prepareSeconds: (Date.now() - started) / 1000 })
  },
  async run(ctx) {
    const statuses = {}
    const samples = {}
    const times = []
    const loserTimes = []
    let orders = 0
    const t0 = performance.now()
    await Promise.all(
      ctx.state.carts.map(async ({ id, url }) => {
        const start = performance.now()
        let kind
        let text = ""
        try {
          const res = await fetch(`${url}/store/carts/${id}/complete`, {
            method: "POST",
            headers: ctx.store.headers,
            body: "{}",
            signal: AbortSignal.timeout(ANSWER_DEADLINE_MS),
          })
          text = await res.text()
          kind = String(res.status)
          if (res.ok) kind = JSON.parse(text).type === "order" ? "order" : "200 cart+error"
        } catch (error) {
          kind = "no answer"
          text = String(error)
        }
        const ms = performance.now() - start
        times.push(ms)
        if (kind === "order") orders++
        else loserTimes.push(ms)
        statuses[kind] = (statuses[kind] ?? 0) + 1
        samples[kind] ??= text.slice(0, 300)
      })
    )
    const burstMs = performance.now() - t0
    // A deadlocked server cannot answer the admin either: report the counts without it.
    const reservedAfter = statuses["no answer"]
      ? NaN
      : await reservedTotal(ctx.state.admin, ctx.state.inventoryItemId)
    const count = (k) => statuses[k] ?? 0
    const sum = (test) => Object.entries(statuses).filter(([k]) => test(k)).reduce((a, [, n]) => a + n, 0)
    return {
      metrics: [
        { key: "orders", label: `orders created (${UNITS} units in stock)`, value: orders, better: "lower" },
        { key: "oversold", label: "units oversold", value: Math.max(0, orders - UNITS), better: "lower" },
        { key: "server_errors", label: "losers answered 5xx or not at all", value: sum((k) => /^5/.test(k) || k === "no answer"), better: "lower" },
        { key: "conflicts", label: "losers answered 409", value: count("409"), better: "lower" },
        { key: "client_errors", label: "losers answered 4xx (not 409)", value: sum((k) => /^4/.test(k) && k !== "409"), better: "higher" },
        { key: "reserved_mismatch", label: "reserved units − orders (should be 0)", value: reservedAfter - ctx.state.reservedBefore - orders, better: "lower" },
        { key: "loser_p50", label: "losers' answer p50 (ms)", value: round(percentile(loserTimes, 50), 0), better: "lower" },
        { key: "burst_p50", label: "completion p50 in the burst (ms)", value: round(percentile(times, 50), 0), better: "lower" },
        { key: "burst_s", label: "whole burst settled (s)", value: round(burstMs / 1000, 1), better: "lower" },
        { key: "completions_per_s", label: "answers per second", value: round(CARTS / (burstMs / 1000), 1), better: "higher" },
      ],
      // Losers are expected: what they were told is in the metrics, not counted as bench errors.
      errors: { count: 0, total: CARTS, non2xx: 0, statuses, samples: Object.entries(samples).map(([k, body]) => ({ status: k, body })) },
      raw: { statuses, samples, prepareSeconds: round(ctx.state.prepareSeconds, 1), product: ctx.state.title },
    }
  },
}

async function readyCart(store, regionId, variantId, tag) {
  const { cart } = await store.post("/store/carts", {
    region_id: regionId,
    email: `flash+${tag}@emporium.test`,
    shipping_address: BENCH_ADDRESS,
    billing_address: BENCH_ADDRESS,
    items: [{ variant_id: variantId, quantity: 1 }],
  })
  const { shipping_options } = await store.get(`/store/shipping-options?cart_id=${cart.id}`)
  const option = [...shipping_options].sort((a, b) => (a.amount ?? 0) - (b.amount ?? 0))[0]
  await store.post(`/store/carts/${cart.id}/shipping-methods`, { option_id: option.id })
  const { payment_collection } = await store.post("/store/payment-collections", { cart_id: cart.id })
  await store.post(`/store/payment-collections/${payment_collection.id}/payment-sessions`, { provider_id: "pp_system_default" })
  return cart.id
}

async function reservedTotal(admin, inventoryItemId) {
  const { inventory_levels } = await admin.get(`/admin/inventory-items/${inventoryItemId}/location-levels`)
  return inventory_levels.reduce((sum, l) => sum + Number(l.reserved_quantity), 0)
}
