import { addErrors, load, noErrors } from "../lib/load.mjs"
import { pick, rng } from "../lib/random.mjs"
import { mapLimit } from "../lib/store.mjs"

const CARTS = Number(process.env.BENCH_QUOTE_CARTS || 20)

/** German and French addresses (zones "Berlin", "Germany" and "EU West" of the demo rate table). */
const ADDRESSES = [
  { address_1: "Lagerstraße 1", city: "Berlin", postal_code: "10115", country_code: "de" },
  { address_1: "Marienplatz 8", city: "München", postal_code: "80331", country_code: "de" },
  { address_1: "Mönckebergstraße 7", city: "Hamburg", postal_code: "20095", country_code: "de" },
  { address_1: "1 Rue de Rivoli", city: "Paris", postal_code: "75001", country_code: "fr" },
  { address_1: "10 Rue de la République", city: "Lyon", postal_code: "69002", country_code: "fr" },
]

/**
 * The carts' contents, the same on both servers: 1–2 distinct well-stocked variants, one of each,
 * addresses in turn. Only the cart ids differ between servers. Kept to what ships as one parcel:
 * the demo's bulkiest item (outdoor gear, 130 cm) bills 15.6 kg of the house carrier's 31.5 kg
 * limit, and a cart over it is rightly refused a quote.
 */
function cartSpecs(catalog) {
  const random = rng(4242)
  const variants = catalog.cartVariants
  return Array.from({ length: CARTS }, (_, i) => {
    const lines = new Set()
    const wanted = Math.min(1 + Math.floor(random() * 2), variants.length)
    while (lines.size < wanted) lines.add(pick(random, variants))
    return {
      address: { first_name: "Bench", last_name: "Quote", ...ADDRESSES[i % ADDRESSES.length] },
      items: [...lines].map((variant_id) => ({ variant_id, quantity: 1 })),
    }
  })
}

/** Carts are made once per server (by URL) and reused by every round: nothing here changes them. */
const prepared = new Map()

async function prepare(ctx) {
  const { store, catalog, server } = ctx
  const cartIds = await mapLimit(cartSpecs(catalog), 4, async (spec, i) => {
    const { cart } = await store.post("/store/carts", {
      region_id: catalog.regionId,
      email: `bench+quote${i}@emporium.test`,
      shipping_address: spec.address,
      billing_address: spec.address,
      items: spec.items,
    })
    return cart.id
  })
  // Every cart must have something to answer, or the load would measure errors.
  const listed = await mapLimit(cartIds, 4, (id) => store.get(`/store/shipping-options?cart_id=${id}`))
  const empty = listed.findIndex((r) => !r.shipping_options?.length)
  if (empty >= 0) throw new Error(`GET /store/shipping-options lists no option for cart ${cartIds[empty]}`)
  const state = { cartIds, options: listed[0].shipping_options.length }
  if (server.kind === "emporium") {
    const answers = await mapLimit(cartIds, 4, (id) => store.post("/store/shipping-quotes", { cart_id: id }))
    // Quotes that book a Medusa option: the pairs the calculate load prices.
    state.calculations = answers.flatMap((a, i) =>
      a.quotes.filter((q) => q.shipping_option_id).map((q) => ({ cartId: cartIds[i], optionId: q.shipping_option_id, amount: q.amount }))
    )
    if (answers.some((a) => !a.quotes?.length)) throw new Error("POST /store/shipping-quotes answered no quote for a cart")
    if (!state.calculations.length) throw new Error("no quote names a shipping option: nothing to calculate")
    state.quotes = answers.reduce((n, a) => n + a.quotes.length, 0) / answers.length
    // Medusa's calculated price and our quote must agree (same rate table, same cart).
    const mismatches = []
    for (const c of state.calculations.slice(0, 10)) {
      const { shipping_option } = await store.post(`/store/shipping-options/${c.optionId}/calculate`, { cart_id: c.cartId })
      if (Math.abs(shipping_option.amount - c.amount) > 0.001) mismatches.push(`${c.cartId}/${c.optionId}: quote ${c.amount}, calculate ${shipping_option.amount}`)
    }
    if (mismatches.length) throw new Error(`quote and calculated price differ: ${mismatches.join("; ")}`)
  }
  return state
}

const LOADS = {
  quote: (cartIds) => {
    const random = rng(101)
    return () => ({ method: "POST", path: "/store/shipping-quotes", body: { cart_id: pick(random, cartIds) } })
  },
  listing: (cartIds) => {
    const random = rng(101)
    return () => ({ path: `/store/shipping-options?cart_id=${pick(random, cartIds)}` })
  },
  calculate: (calculations) => {
    const random = rng(102)
    return () => {
      const c = pick(random, calculations)
      return { method: "POST", path: `/store/shipping-options/${c.optionId}/calculate`, body: { cart_id: c.cartId } }
    }
  },
}

const GROUPS = [
  ["quote", "quote (Emporium POST /store/shipping-quotes, vanilla GET /store/shipping-options)"],
  ["listing", "GET /store/shipping-options?cart_id="],
  ["calculate", "POST /store/shipping-options/:id/calculate (Emporium only)"],
]
/** p95 first: the runner logs a scenario's first metric. */
const PICKED = [
  ["latency_p95", "p95 (ms)"],
  ["latency_p50", "p50 (ms)"],
  ["latency_p99", "p99 (ms)"],
  ["rps_mean", "req/s (mean)"],
  ["cpu_ms_per_req", "server CPU per request (ms)"],
]

/**
 * What a checkout page's shipping step costs: Emporium's rate-table quotes for a cart
 * (POST /store/shipping-quotes) against what vanilla Medusa answers for the same kind of
 * cart (GET /store/shipping-options?cart_id=, its flat options priced from the database,
 * the calculated ones without an amount). Also Medusa's own listing on Emporium (same
 * request as vanilla's: our modules and calculated options on Medusa's route) and, on
 * Emporium, POST /store/shipping-options/:id/calculate (Medusa's route pricing one
 * calculated option through the transport provider). 20 carts per server, 1–3 items,
 * German/French addresses, made once; random cart per request; closed loop, each load
 * --duration seconds (Emporium three loads, vanilla one: vanilla's listing is its
 * counterpart of both the quote and the listing rows).
 */
export default {
  name: "shipping-quotes",
  description:
    `Emporium POST /store/shipping-quotes {cart_id} vs vanilla GET /store/shipping-options?cart_id= on ${CARTS} carts ` +
    "(1–3 items, DE/FR addresses); also GET /store/shipping-options on both and POST /store/shipping-options/:id/calculate on Emporium; closed loop (autocannon)",
  async setup(ctx) {
    const key = ctx.server.url
    if (!prepared.has(key)) prepared.set(key, await prepare(ctx))
    ctx.state.prepared = prepared.get(key)
    const { cartIds, calculations } = ctx.state.prepared
    const kinds = ctx.server.kind === "emporium" ? ["quote", "listing", "calculate"] : ["listing"]
    ctx.state.kinds = kinds
    // A few requests of each kind before measuring (JIT, query plans, caches), as the other scenarios do.
    for (const kind of kinds) {
      const next = LOADS[kind](kind === "calculate" ? calculations : cartIds)
      for (let i = 0; i < 20; i++) {
        const r = next()
        if (r.method === "POST") await ctx.store.post(r.path, r.body)
        else await ctx.store.get(r.path)
      }
    }
  },
  async run(ctx) {
    const { cartIds, calculations } = ctx.state.prepared
    const outs = {}
    const errors = noErrors()
    for (const kind of ctx.state.kinds) {
      outs[kind] = await load(ctx, LOADS[kind](kind === "calculate" ? calculations : cartIds), { p95: true })
      addErrors(errors, outs[kind].errors, kind)
    }
    // Vanilla's answer for a cart's shipping step is its listing: it stands for both rows.
    if (ctx.server.kind !== "emporium") outs.quote = outs.listing
    const metrics = []
    for (const [group, groupLabel] of GROUPS) {
      for (const [key, label] of PICKED) {
        const value = outs[group]?.metrics.find((m) => m.key === key)?.value ?? null
        const better = key === "rps_mean" ? "higher" : "lower"
        metrics.push({ key: `${group}_${key}`, label: `${groupLabel}: ${label}`, value, better })
      }
    }
    return {
      metrics,
      errors,
      raw: {
        carts: cartIds.length,
        optionsListed: ctx.state.prepared.options,
        quotesPerCart: ctx.state.prepared.quotes ?? null,
        loads: Object.fromEntries(Object.entries(outs).filter(([k]) => ctx.state.kinds.includes(k)).map(([k, o]) => [k, { metrics: o.metrics, raw: o.raw }])),
      },
    }
  },
}
