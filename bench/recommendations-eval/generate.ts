/**
 * The evaluation's data set: a catalogue and a shop's traffic with planted structure, generated
 * from a seed (same seed, same data; only the absolute times follow the clock).
 *
 * Planted structure (described with its numbers in the "Recommendations: offline evaluation" section of BENCHMARKS.md):
 * - segments: every product belongs to one of `segments` segments (a store department). A
 *   segment has its own vocabulary (title/description/tag words), its own category id, a price
 *   band, its product types and brands; every product also carries words shared by the whole
 *   catalogue (noise);
 * - popularity: Zipf within a segment (exponent 1), segments themselves Zipf (exponent 0.7);
 *   some products are new arrivals, unseen before their launch day and boosted for a week after;
 * - customers belong to one segment (70 %) or two, and have a taste (2 preferred product types
 *   per segment);
 * - bundles: in every segment, `anchorsPerSegment` anchor products each have 2 complements. An
 *   order led by an anchor adds each complement with probability 0.5 (co-purchase); a later
 *   order often comes back for a complement of something bought before (follow-up);
 * - sessions: views stay mostly in the visitor's segment and wander to related products
 *   (complements) and substitutes (same type); a product bought on a later visit was often
 *   viewed on an earlier one (consideration).
 */
import { DEFAULT_WEIGHTS, toSignalRow, type SignalRow, type SignalWeights } from "../../src/modules/recommendation/signals"
import type { ProductProfile } from "../../src/modules/recommendation/engine"
import { cumulative, pick, poisson, rng, sampleIndex, shuffle, uniform } from "./random"

export type GeneratorConfig = {
  seed: number
  products: number
  segments: number
  customers: number
  anonymousSessions: number
  days: number
  /** The data ends one hour before this instant. */
  now: Date
  weights?: SignalWeights
}

export const DEFAULT_GENERATOR: Omit<GeneratorConfig, "now"> = {
  seed: 20261201,
  products: 10_000,
  segments: 40,
  customers: 14_000,
  anonymousSessions: 14_000,
  days: 60,
}

/** How the held-out product came into the customer's last order (diagnostic only, the models never see it). */
export type TargetOrigin = "follow_up" | "bundle" | "taste" | "popular" | "noise"

export type HeldOut = { customer_id: string; product_id: string; order_id: string; lines: string[]; origin: TargetOrigin; at: string }

export type GeneratedData = {
  config: GeneratorConfig
  products: ProductProfile[]
  /** Signals to load, in time order (held-out visits removed). */
  training: SignalRow[]
  heldOut: HeldOut[]
  counts: {
    generated: { view: number; cart: number; purchase: number; total: number }
    training: { view: number; cart: number; purchase: number; total: number }
    heldOutSignals: number
    orders: number
    trainingOrders: number
    customers: number
    anonymousSessions: number
    customerSessions: number
    bundles: number
    newArrivals: number
  }
  /** Share of held-out products by origin. */
  targetOrigins: Record<TargetOrigin, number>
}

const NOISE_WORDS = [
  "classic", "premium", "deluxe", "essential", "modern", "compact", "everyday", "original", "signature", "limited",
  "edition", "natural", "durable", "lightweight", "handmade", "vintage", "eco", "pro", "plus", "smart",
  "soft", "bold", "pure", "urban", "studio", "travel", "home", "outdoor", "gift", "value",
]
const CONSONANTS = "bcdfghklmnprtvz"
const VOWELS = "aeiou"

type Segment = { index: number; words: string[]; types: string[]; brands: string[]; category: string; band: number }
type Product = {
  index: number
  id: string
  segment: number
  type: number
  /** Zipf weight within the segment. */
  base: number
  launchDay: number
  complements: number[]
  anchors: number[]
}

const DAY_MS = 86_400_000
const VISIT_GAP_MS = 2 * 3_600_000

export function generate(config: GeneratorConfig): GeneratedData {
  const random = rng(config.seed)
  const weights = config.weights ?? DEFAULT_WEIGHTS
  const { days } = config
  const end = Math.floor(config.now.getTime() / 3_600_000) * 3_600_000 - 3_600_000
  const start = end - days * DAY_MS
  const dayOf = (t: number) => Math.min(days - 1, Math.max(0, Math.floor((t - start) / DAY_MS)))

  // ------------------------------------------------------------------ vocabulary and segments
  const used = new Set<string>(NOISE_WORDS)
  const word = (): string => {
    for (;;) {
      let w = ""
      const syllables = 2 + Math.floor(random() * 2)
      for (let i = 0; i < syllables; i++) w += pick(random, CONSONANTS.split("")) + pick(random, VOWELS.split(""))
      if (random() < 0.5) w += pick(random, "lnrt".split(""))
      if (!used.has(w)) {
        used.add(w)
        return w
      }
    }
  }
  const brandPool = Array.from({ length: 150 }, () => word())
  const segments: Segment[] = Array.from({ length: config.segments }, (_, index) => ({
    index,
    words: Array.from({ length: 12 }, () => word()),
    types: Array.from({ length: 10 }, () => word()),
    brands: shuffle(random, [...brandPool]).slice(0, 15),
    category: `pcat_eval_${String(index).padStart(2, "0")}`,
    band: 2 ** (3 + (index % 8)),
  }))
  // Segments' popularity: Zipf over a random order of the segments.
  const segmentWeight = new Float64Array(config.segments)
  shuffle(random, segments.map((s) => s.index)).forEach((s, rank) => (segmentWeight[s] = 1 / (rank + 1) ** 0.7))
  const segmentCum = cumulative(segmentWeight)

  // ------------------------------------------------------------------ products
  const perSegment = Math.floor(config.products / config.segments)
  const products: Product[] = []
  const profiles: ProductProfile[] = []
  const bySegment: number[][] = segments.map(() => [])
  const byType: number[][][] = segments.map(() => Array.from({ length: 10 }, () => []))
  let newArrivals = 0
  for (let i = 0; i < config.products; i++) {
    const s = Math.min(config.segments - 1, Math.floor(i / perSegment))
    const seg = segments[s]
    const type = Math.floor(random() * seg.types.length)
    const isNew = random() < 0.12
    if (isNew) newArrivals++
    const product: Product = {
      index: i,
      id: `prod_eval_${String(i).padStart(5, "0")}`,
      segment: s,
      type,
      base: 0,
      launchDay: isNew ? 5 + Math.floor(random() * (days - 10)) : 0,
      complements: [],
      anchors: [],
    }
    products.push(product)
    bySegment[s].push(i)
    byType[s][type].push(i)
    const w = () => pick(random, seg.words)
    const n = () => pick(random, NOISE_WORDS)
    const brand = pick(random, seg.brands)
    const typeWord = seg.types[type]
    const tags = [w(), w()]
    if (random() < 0.3) tags.push(n())
    const amount = Math.round(seg.band * (random() < 0.8 ? uniform(random, 1, 1.99) : uniform(random, 0.6, 0.99)) * 100) / 100
    profiles.push({
      product_id: product.id,
      title: `${cap(brand)} ${cap(w())} ${cap(typeWord)} ${cap(n())}`,
      subtitle: null,
      description: `A ${n()} ${typeWord} for ${w()} and ${w()} lovers, ${n()} and ${n()}. ${cap(w())} ${w()} by ${cap(brand)}.`,
      tags,
      type_id: `ptyp_eval_${s}_${type}`,
      category_ids: [seg.category],
      collection_id: null,
      price: { amount, currency_code: "eur" },
      replenishable: false,
    })
  }
  // Zipf within each segment over a random order of its products.
  for (const list of bySegment) {
    shuffle(random, [...list]).forEach((p, rank) => (products[p].base = 1 / (rank + 1)))
  }
  // Bundles: anchors (uniform within the segment) with 2 complements each (popularity-weighted).
  const anchorsPerSegment = Math.max(1, Math.round((perSegment * 60) / 250))
  let bundles = 0
  for (const list of bySegment) {
    const baseCum = cumulative(list.map((p) => products[p].base))
    for (const anchor of shuffle(random, [...list]).slice(0, anchorsPerSegment)) {
      const chosen = new Set<number>()
      for (let tries = 0; chosen.size < 2 && tries < 50; tries++) {
        const c = list[sampleIndex(random, baseCum)]
        if (c !== anchor) chosen.add(c)
      }
      for (const c of chosen) {
        products[anchor].complements.push(c)
        products[c].anchors.push(anchor)
      }
      bundles++
    }
  }

  // Popularity by day (new arrivals: nothing before launch, ×(1 + 4·e^(−age/7)) after).
  const weightOn = (p: Product, day: number) =>
    day < p.launchDay ? 0 : p.base * (p.launchDay > 0 ? 1 + 4 * Math.exp(-(day - p.launchDay) / 7) : 1)
  const segmentDayCum: Float64Array[][] = bySegment.map((list) =>
    Array.from({ length: days }, (_, day) => cumulative(list.map((p) => weightOn(products[p], day))))
  )
  const globalDayCum: Float64Array[] = Array.from({ length: days }, (_, day) =>
    cumulative(products.map((p) => weightOn(p, day) * segmentWeight[p.segment]))
  )
  const launched = (p: number, day: number) => products[p].launchDay <= day
  const popularIn = (s: number, day: number) => bySegment[s][sampleIndex(random, segmentDayCum[s][day])]
  const globalPick = (day: number) => sampleIndex(random, globalDayCum[day])
  const ofType = (s: number, type: number, day: number): number => {
    const list = byType[s][type]
    for (let tries = 0; tries < 12 && list.length; tries++) {
      // Popularity-weighted by rejection (weights are ≤ 1).
      const p = pick(random, list)
      if (launched(p, day) && random() < Math.sqrt(products[p].base)) return p
    }
    return popularIn(s, day)
  }
  const relatedOf = (p: number) => [...products[p].complements, ...products[p].anchors]

  // ------------------------------------------------------------------ traffic
  const all: (SignalRow & { heldOut: boolean })[] = []
  const heldOut: HeldOut[] = []
  let sessionSeq = 0
  let orderSeq = 0
  let lineSeq = 0
  let orders = 0
  let customerSessions = 0
  const push = (heldOutVisit: boolean, input: Parameters<typeof toSignalRow>[0]) => {
    all.push({ ...toSignalRow(input, weights), heldOut: heldOutVisit })
  }

  /** A wander through a segment: related products, substitutes, popular ones, now and then anything. */
  const wander = (s: number, day: number, first: number, n: number, taste: number[] | null): number[] => {
    const views = [first]
    let cur = first
    while (views.length < n) {
      const r = random()
      let next: number
      const related = relatedOf(cur).filter((p) => launched(p, day))
      if (r < 0.3 && related.length) next = pick(random, related)
      else if (r < 0.6) next = ofType(products[cur].segment, products[cur].type, day)
      else if (r < 0.75 && taste) next = ofType(s, pick(random, taste), day)
      else if (r < 0.92) next = popularIn(s, day)
      else next = globalPick(day)
      views.push(next)
      cur = next
    }
    return views
  }

  for (let c = 0; c < config.customers; c++) {
    const customerId = `cus_eval_${String(c).padStart(5, "0")}`
    const anonymousId = `anon_eval_c${c}`
    const segs = [sampleIndex(random, segmentCum)]
    if (random() < 0.3) {
      const second = sampleIndex(random, segmentCum)
      if (second !== segs[0]) segs.push(second)
    }
    const tastes = new Map(segs.map((s) => [s, shuffle(random, [...Array(10).keys()]).slice(0, 2)]))
    const chooseSegment = () => (segs.length > 1 && random() < 0.3 ? segs[1] : segs[0])

    const nOrders = 1 + Math.min(5, poisson(random, 1.3))
    const nBrowse = poisson(random, 2.5)
    const kinds: ("order" | "browse")[] = shuffle(random, [
      ...Array<"order">(nOrders - 1).fill("order"),
      ...Array<"browse">(nBrowse).fill("browse"),
    ])
    kinds.push("order")
    const first = uniform(random, 0, days * 0.8)
    const last = first + uniform(random, 0.5, days - 1 / 24 - first)
    const times = [...Array.from({ length: kinds.length - 1 }, () => uniform(random, first, last)).sort((a, b) => a - b), last].map(
      (d) => start + d * DAY_MS
    )
    // Visits do not overlap (a visit lasts well under the 2 h gap): nothing of the customer happens during
    // or after the last one, which the evaluation holds out.
    for (let k = times.length - 2; k >= 0; k--) times[k] = Math.min(times[k], times[k + 1] - VISIT_GAP_MS)

    // Plan the orders first (a browse session may show the next order's lead: consideration).
    type Order = { id: string; at: number; segment: number; lines: number[]; origin: TargetOrigin[] }
    const owned = new Set<number>()
    const planned: Order[] = []
    const orderAt = new Map<number, Order>()
    for (let k = 0; k < kinds.length; k++) {
      if (kinds[k] !== "order") continue
      const at = times[k]
      const day = dayOf(at)
      let s = chooseSegment()
      const lines: number[] = []
      const origin: TargetOrigin[] = []
      const add = (p: number, why: TargetOrigin) => {
        if (p < 0 || owned.has(p) || lines.includes(p) || !launched(p, day)) return false
        lines.push(p)
        origin.push(why)
        return true
      }
      // Lead item: a follow-up on an earlier purchase, the customer's taste, or what is popular.
      if (planned.length && random() < 0.45) {
        const recent = random() < 0.7 ? planned[planned.length - 1].lines : planned.flatMap((o) => o.lines)
        const candidates = recent.flatMap(relatedOf).filter((p) => !owned.has(p) && launched(p, day))
        if (candidates.length) {
          const p = pick(random, candidates)
          add(p, "follow_up")
          s = products[p].segment
        }
      }
      for (let tries = 0; !lines.length && tries < 20; tries++) {
        if (random() < 0.5) add(ofType(s, pick(random, tastes.get(s) ?? [0]), day), "taste")
        else add(popularIn(s, day), "popular")
      }
      if (!lines.length) {
        kinds[k] = "browse"
        continue
      }
      const lead = lines[0]
      for (const comp of products[lead].complements) if (random() < 0.5) add(comp, "bundle")
      if (products[lead].anchors.length && random() < 0.25) add(pick(random, products[lead].anchors), "bundle")
      if (random() < 0.2) add(popularIn(s, day), "popular")
      if (random() < 0.04) add(globalPick(day), "noise")
      for (const p of lines) owned.add(p)
      const order = { id: `order_eval_${++orderSeq}`, at, segment: s, lines, origin }
      planned.push(order)
      orderAt.set(k, order)
    }
    if (!planned.length) continue
    const finalOrder = planned[planned.length - 1]
    // Nothing happens after the last order (it is what the evaluation holds out).
    const lastSession = [...orderAt.entries()].find(([, o]) => o === finalOrder)![0]
    kinds.length = lastSession + 1
    customerSessions += kinds.length

    let nextOrder = 0
    for (let k = 0; k < kinds.length; k++) {
      const at = times[k]
      const day = dayOf(at)
      const session = `sess_eval_${++sessionSeq}`
      let t = at
      const step = () => (t += uniform(random, 15_000, 150_000))
      const base = { customer_id: customerId, anonymous_id: anonymousId, session_key: session }
      if (kinds[k] === "browse") {
        const s = chooseSegment()
        const upcoming = planned[nextOrder]
        const n = 2 + poisson(random, 4)
        const views = wander(s, day, ofType(s, pick(random, tastes.get(s) ?? [0]), day), n, tastes.get(s) ?? null)
        if (upcoming && launched(upcoming.lines[0], day) && random() < 0.3) {
          views.splice(Math.floor(random() * (views.length + 1)), 0, upcoming.lines[0])
        }
        views.forEach((p, i) => push(false, { ...base, event_key: `view:${session}:${i}`, kind: "view", product_id: products[p].id, occurred_at: new Date(step()) }))
        if (random() < 0.12) {
          push(false, { ...base, event_key: `cart:line_eval_${++lineSeq}:1`, kind: "cart", product_id: products[pick(random, views)].id, occurred_at: new Date(step()) })
        }
        continue
      }
      const order = orderAt.get(k)!
      nextOrder++
      const isFinal = order === finalOrder
      orders++
      const s = order.segment
      const browsed = wander(s, day, order.lines[0], 1 + poisson(random, 2), tastes.get(s) ?? null).slice(1)
      let v = 0
      for (const p of browsed) {
        push(isFinal, { ...base, event_key: `view:${session}:${v++}`, kind: "view", product_id: products[p].id, occurred_at: new Date(step()) })
      }
      for (const p of order.lines) {
        push(isFinal, { ...base, event_key: `view:${session}:${v++}`, kind: "view", product_id: products[p].id, occurred_at: new Date(step()) })
        push(isFinal, { ...base, event_key: `cart:line_eval_${++lineSeq}:1`, kind: "cart", product_id: products[p].id, occurred_at: new Date(step()) })
      }
      if (browsed.length && random() < 0.2) {
        const p = pick(random, browsed)
        if (!order.lines.includes(p)) {
          push(isFinal, { ...base, event_key: `cart:line_eval_${++lineSeq}:1`, kind: "cart", product_id: products[p].id, occurred_at: new Date(step()) })
        }
      }
      const placed = new Date(step())
      for (const p of order.lines) {
        push(isFinal, { ...base, event_key: `purchase:${order.id}:${products[p].id}`, kind: "purchase", product_id: products[p].id, order_id: order.id, occurred_at: placed })
      }
      if (isFinal) {
        const i = Math.floor(random() * order.lines.length)
        heldOut.push({
          customer_id: customerId,
          product_id: products[order.lines[i]].id,
          order_id: order.id,
          lines: order.lines.map((p) => products[p].id),
          origin: order.origin[i],
          at: placed.toISOString(),
        })
      }
    }
  }

  // Anonymous visitors: browsing only (now and then a cart), about 1.5 sessions each.
  const visitors = Math.max(1, Math.round(config.anonymousSessions / 1.5))
  for (let i = 0; i < config.anonymousSessions; i++) {
    const visitor = Math.floor(random() * visitors)
    const at = start + uniform(random, 0, days - 1 / 24) * DAY_MS
    const day = dayOf(at)
    const s = sampleIndex(random, segmentCum)
    const session = `sess_eval_${++sessionSeq}`
    let t = at
    const step = () => (t += uniform(random, 15_000, 150_000))
    const base = { customer_id: null, anonymous_id: `anon_eval_v${visitor}`, session_key: session }
    const views = wander(s, day, popularIn(s, day), 1 + poisson(random, 3), null)
    views.forEach((p, k) => push(false, { ...base, event_key: `view:${session}:${k}`, kind: "view", product_id: products[p].id, occurred_at: new Date(step()) }))
    if (random() < 0.05) {
      push(false, { ...base, event_key: `cart:line_eval_${++lineSeq}:1`, kind: "cart", product_id: products[pick(random, views)].id, occurred_at: new Date(step()) })
    }
  }

  const kindCounts = (rows: SignalRow[]) => {
    const out = { view: 0, cart: 0, purchase: 0, total: rows.length }
    for (const r of rows) if (r.kind === "view" || r.kind === "cart" || r.kind === "purchase") out[r.kind]++
    return out
  }
  // Time order (stable: an order's lines keep their order, they share the order's time).
  const sorted = all.map((row, i) => ({ row, i, t: Date.parse(row.occurred_at) })).sort((a, b) => a.t - b.t || a.i - b.i)
  const training = sorted.filter((x) => !x.row.heldOut).map(({ row: { heldOut: _h, ...row } }) => row as SignalRow)
  const targetOrigins = { follow_up: 0, bundle: 0, taste: 0, popular: 0, noise: 0 } as Record<TargetOrigin, number>
  for (const h of heldOut) targetOrigins[h.origin]++
  for (const k of Object.keys(targetOrigins) as TargetOrigin[]) targetOrigins[k] = targetOrigins[k] / Math.max(1, heldOut.length)

  return {
    config,
    products: profiles,
    training,
    heldOut,
    counts: {
      generated: kindCounts(all),
      training: kindCounts(training),
      heldOutSignals: all.length - training.length,
      orders,
      trainingOrders: orders - heldOut.length,
      customers: config.customers,
      anonymousSessions: config.anonymousSessions,
      customerSessions,
      bundles,
      newArrivals,
    },
    targetOrigins,
  }
}

function cap(w: string): string {
  return w.charAt(0).toUpperCase() + w.slice(1)
}
