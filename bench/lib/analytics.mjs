// What the analytics scenarios share: storefront event batches, counting what the server
// stored, and the large analytics dataset the reports are measured on.
import { pick, rng } from "./random.mjs"
import { withDb } from "./db.mjs"

export const EVENTS_PATH = "/store/analytics/events"
export const EVENTS_PER_BATCH = 50

const sleep = (ms) => new Promise((r) => setTimeout(r, ms))

/** A tag no earlier run used, so the events of this run can be counted on their own. */
export function runTag(prefix) {
  return `${prefix}${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`
}

/**
 * Batches of EVENTS_PER_BATCH storefront events as Medusa's Next.js starter would send them
 * with a tracking snippet: one visitor per batch, in 1–3 sessions, each a small journey
 * (landing page, product pages, sometimes add to cart, sometimes checkout) on real products
 * and variants of the demo store. Every event has its own client id (`<tag>-<batch>-<i>`)
 * and the visitor is `anonymous_id = <tag>-v<batch>`, so `storedByBatch(tag)` counts exactly
 * this run's events, batch by batch. Returns next(context) → { method, path, body } for load();
 * it notes the batch number in autocannon's per-request context (`context.batch`).
 */
export function eventBatches(catalog, tag, seed = 1) {
  const random = rng(seed)
  const variants = catalog.variants?.length ? catalog.variants : catalog.productIds.map((productId) => ({ id: undefined, productId }))
  const pages = ["/de", "/de/store", "/de/cart", "/de/account", "/de/categories/shirts", "/de/categories/books", "/de/collections/summer"]
  const titles = { "/de": "Emporium Demo Store", "/de/store": "Store", "/de/cart": "Cart", "/de/account": "Account" }
  let batch = 0
  const next = (context) => {
    const b = batch++
    if (context) context.batch = b
    const anonymous_id = `${tag}-v${b}`
    const now = Date.now()
    const events = []
    let session = 0
    let sessionLeft = 0
    let session_id
    let viewed = null
    let cart_id = null
    for (let i = 0; i < EVENTS_PER_BATCH; i++) {
      const landing = sessionLeft <= 0
      if (landing) {
        session_id = `${tag}-s${b}-${session++}`
        sessionLeft = 15 + Math.floor(random() * 25)
        viewed = null
        cart_id = null
      }
      sessionLeft--
      const r = random()
      let name
      let properties
      if (landing || r < 0.4) {
        const path = random() < 0.3 && viewed ? `/de/products/${viewed.productId}` : pick(random, pages)
        name = "page_view"
        properties = { path, title: titles[path] ?? "Emporium", ...(random() < 0.2 ? { referrer: "https://www.google.com/" } : {}) }
      } else if (r < 0.75 || !viewed) {
        viewed = pick(random, variants)
        name = "product_viewed"
        properties = { product_id: viewed.productId, ...(viewed.id ? { variant_id: viewed.id } : {}) }
      } else if (r < 0.9 || !cart_id) {
        cart_id ??= `cart_${tag}${b}x${session}`
        name = "product_added_to_cart"
        properties = { product_id: viewed.productId, ...(viewed.id ? { variant_id: viewed.id } : {}), cart_id, quantity: 1 + Math.floor(random() * 2) }
      } else {
        name = "checkout_started"
        properties = { cart_id }
      }
      events.push({
        id: `${tag}-${b}-${i}`,
        name,
        anonymous_id,
        session_id,
        timestamp: new Date(now - (EVENTS_PER_BATCH - i) * 3000).toISOString(),
        properties,
      })
    }
    return { method: "POST", path: EVENTS_PATH, body: { events } }
  }
  return next
}

/** Events stored per batch of this run (anonymous ids `<tag>-v<batch>`), as a Map batch → count. */
export async function storedByBatch(dbUrl, tag) {
  return withDb(dbUrl, async (c) => {
    const { rows } = await c.query(
      "SELECT substr(anonymous_id, $2)::int AS batch, count(*)::int AS n FROM analytics_event WHERE anonymous_id LIKE $1 GROUP BY 1",
      [`${tag}-v%`, tag.length + 3]
    )
    return new Map(rows.map((r) => [r.batch, r.n]))
  })
}

/**
 * Tracks which batches of a load were accepted: pass `tracker.onResponse` to load(). A batch
 * counts as accepted when its answer was 202; the batches whose request was cut off when the
 * load stopped (autocannon closes its connections without waiting) have no answer at all.
 */
export function acceptanceTracker() {
  const accepted = new Set()
  const rejected = new Set()
  return {
    accepted,
    rejected,
    onResponse(status, _body, context) {
      if (context?.batch === undefined) return
      ;(status === 202 ? accepted : rejected).add(context.batch)
    },
  }
}

/**
 * What the service stored of a load's batches, once its buffer has flushed (1 s after the first
 * buffered event, or at 500 events): waits 2 s, then until every accepted batch has all its
 * events or the counts stop changing for 3 s (at most 20 s). Every accepted batch must have
 * exactly EVENTS_PER_BATCH events stored, every rejected one none. Returns { acceptedEvents,
 * storedOfAccepted, incompleteBatches, storedOfRejected, storedUnanswered, waitedMs, ok }.
 */
export async function verifyStored(dbUrl, tag, tracker) {
  const t0 = Date.now()
  const expected = tracker.accepted.size * EVENTS_PER_BATCH
  const summarize = (counts) => {
    let storedOfAccepted = 0
    let incompleteBatches = 0
    let storedOfRejected = 0
    let storedUnanswered = 0
    for (const b of tracker.accepted) {
      const n = counts.get(b) ?? 0
      storedOfAccepted += n
      if (n !== EVENTS_PER_BATCH) incompleteBatches++
    }
    for (const [b, n] of counts) {
      if (tracker.rejected.has(b)) storedOfRejected += n
      else if (!tracker.accepted.has(b)) storedUnanswered += n
    }
    return { acceptedEvents: expected, storedOfAccepted, incompleteBatches, storedOfRejected, storedUnanswered }
  }
  await sleep(2000)
  let counts = await storedByBatch(dbUrl, tag)
  let s = summarize(counts)
  let lastChange = Date.now()
  while (s.storedOfAccepted < expected && Date.now() - t0 < 20_000 && Date.now() - lastChange < 3000) {
    await sleep(500)
    const next = summarize((counts = await storedByBatch(dbUrl, tag)))
    if (next.storedOfAccepted !== s.storedOfAccepted || next.storedUnanswered !== s.storedUnanswered) lastChange = Date.now()
    s = next
  }
  return { ...s, waitedMs: Date.now() - t0, ok: s.storedOfAccepted === expected && s.incompleteBatches === 0 && s.storedOfRejected === 0 }
}

// ---------------------------------------------------------------- the reports' dataset

export const DATASET = {
  events: Number(process.env.BENCH_ANALYTICS_EVENTS || 1_000_000),
  orders: Number(process.env.BENCH_ANALYTICS_ORDERS || 50_000),
  days: 365,
  customers: 20_000,
}

/** Medusa's raw companion of a bigNumber column: `{ "value": "<decimal>", "precision": 20 }`. */
const raw = (expr) => `jsonb_build_object('value', (${expr})::text, 'precision', 20)`
const pad = (expr) => `lpad((${expr})::text, 16, '0')`

/** Counts of the bench's own rows (ids and keys with "BENCH" after the model prefix, sessions "s:bench-s…"). */
async function datasetCounts(c) {
  const { rows } = await c.query(`SELECT
      (SELECT count(*) FROM analytics_event WHERE id LIKE 'aevt_BENCH%')::int AS events,
      (SELECT count(*) FROM analytics_order WHERE order_id LIKE 'order_BENCH%')::int AS orders,
      (SELECT count(*) FROM analytics_order_line WHERE order_id LIKE 'order_BENCH%')::int AS lines,
      (SELECT count(*) FROM analytics_session WHERE session_key LIKE 's:bench-s%')::int AS sessions,
      (SELECT count(*) FROM analytics_refund WHERE refund_id LIKE 'ref_BENCH%')::int AS refunds,
      (SELECT count(*) FROM analytics_registration WHERE customer_id LIKE 'cus_BENCH%')::int AS registrations,
      (SELECT count(*) FROM analytics_cart WHERE cart_id LIKE 'cart_BENCH%')::int AS carts,
      (SELECT count(*) FROM analytics_event_daily WHERE id LIKE 'aevd_BENCH%')::int AS daily,
      (SELECT count(*) FROM analytics_event)::int AS all_events,
      (SELECT count(*) FROM analytics_order)::int AS all_orders`)
  return rows[0]
}

/** The bench's rows of each table: their ids carry "BENCH" after the model's prefix. */
const BENCH_ROWS = [
  ["analytics_event", "aevt_BENCH"],
  ["analytics_session", "ases_BENCH"],
  ["analytics_order_line", "aoln_BENCH"],
  ["analytics_order", "aord_BENCH"],
  ["analytics_refund", "aref_BENCH"],
  ["analytics_registration", "areg_BENCH"],
  ["analytics_cart", "acrt_BENCH"],
  ["analytics_event_daily", "aevd_BENCH"],
]

/**
 * Loads DATASET.events events and DATASET.orders orders (1–4 lines, 2.5 on average)
 * spread over the last 365 days straight into the analytics tables, set-based
 * (generate_series, one transaction), unless this database already has them. Consistent with
 * itself as the module's own writers would leave it: sessions (2–14 events, funnel depth drawn
 * per session) whose `order_placed` events point at real orders of the dataset, the session
 * and daily rollups aggregated from the inserted events, carts for every session that added
 * to cart and for every order, refunds 1–20 days after ~3 % of orders, registrations before
 * the customer's first order. Three currencies (EUR and USD on the demo regions, GBP on a
 * region that does not exist), ~4 % canceled, ~10 % discounted. Rows are inserted in time
 * order, as live ingestion writes them (the events' BRIN index depends on it), with the keys
 * the module writes (`session_key` "s:<session_id>", `event_key` "store:<anonymous_id>:<id>" or
 * "order_placed:<order id>"), then
 * VACUUM ANALYZE (a live table would have been vacuumed and analyzed by autovacuum).
 * Returns { loaded, seconds, counts }.
 */
export async function ensureDataset(dbUrl, log = () => undefined) {
  return withDb(dbUrl, async (c) => {
    await c.query("SET TIME ZONE 'UTC'")
    let counts = await datasetCounts(c)
    if (counts.events >= DATASET.events && counts.orders >= DATASET.orders) return { loaded: false, seconds: 0, counts }
    const t0 = Date.now()
    const sc = (await c.query("SELECT id FROM sales_channel WHERE deleted_at IS NULL ORDER BY created_at LIMIT 1")).rows[0]?.id
    if (!sc) throw new Error("no sales channel in the bench database: is the demo store seeded?")
    const regions = (await c.query("SELECT id, currency_code FROM region WHERE deleted_at IS NULL")).rows
    const regionOf = (cur) => regions.find((r) => r.currency_code === cur)?.id ?? null
    const eur = regionOf("eur")
    const usd = regionOf("usd")

    await c.query("BEGIN")
    try {
      await c.query("SET LOCAL synchronous_commit = off")
      await c.query("SET LOCAL work_mem = '256MB'")
      await c.query("SELECT setseed(0.42)")
      if (counts.events || counts.orders) {
        log(`analytics dataset incomplete (${counts.events} events, ${counts.orders} orders): replacing it`)
        for (const [table, prefix] of BENCH_ROWS) await c.query(`DELETE FROM ${table} WHERE id LIKE '${prefix}%'`)
      }
      const step = async (label, sql, params = []) => {
        const s = Date.now()
        const r = await c.query(sql, params)
        log(`  dataset: ${label}${r.rowCount ? ` (${r.rowCount} rows)` : ""}, ${((Date.now() - s) / 1000).toFixed(1)} s`)
        return r
      }

      // Products with a variant, their categories and a price (EUR) of their own.
      await step(
        "products",
        `CREATE TEMP TABLE bench_products ON COMMIT DROP AS
         SELECT (row_number() OVER (ORDER BY p.id) - 1)::int AS n, p.id, p.title,
           (SELECT v.id FROM product_variant v WHERE v.product_id = p.id AND v.deleted_at IS NULL ORDER BY v.id LIMIT 1) AS variant_id,
           COALESCE((SELECT array_agg(pc.product_category_id ORDER BY pc.product_category_id) FROM product_category_product pc WHERE pc.product_id = p.id), '{}'::text[]) AS category_ids,
           (5 + (row_number() OVER (ORDER BY p.id) * 37) % 95)::numeric + 0.99 AS price
         FROM product p WHERE p.deleted_at IS NULL`
      )
      const pc = (await c.query("SELECT count(*)::int AS n FROM bench_products")).rows[0].n
      if (!pc) throw new Error("no products in the bench database")

      // Sessions: length 2–14 events, funnel depth 0 (browsed) … 4 (ordered), exactly DATASET.events events in all.
      await step(
        "sessions (plan)",
        `CREATE TEMP TABLE bench_sessions ON COMMIT DROP AS
         WITH drawn AS (
           SELECT s,
             CASE WHEN r < 0.40 THEN 0 WHEN r < 0.75 THEN 1 WHEN r < 0.88 THEN 2 WHEN r < 0.95 THEN 3 ELSE 4 END AS depth,
             2 + floor(random() * 13)::int AS len,
             now() - interval '1 hour' - interval '${DATASET.days - 1} days' * power(random(), 1.2) AS started_at,
             (10 + floor(random() * 80))::int AS gap_s,
             floor(power(random(), 2) * ${pc})::int AS product_n,
             CASE WHEN random() < 0.2 THEN 'cus_BENCH' || ${pad(`1 + floor(power(random(), 2) * ${DATASET.customers})::int`)} END AS customer_id
           FROM (SELECT s, random() AS r FROM generate_series(1, ${Math.ceil(DATASET.events / 5)}) s) x
         ), placed AS (
           SELECT *, sum(greatest(len, depth + 1)) OVER (ORDER BY s) - greatest(len, depth + 1) AS first_event, greatest(len, depth + 1) AS want
           FROM drawn
         ), cut AS (
           SELECT s, started_at, gap_s, product_n, customer_id, first_event::int,
             least(want, ${DATASET.events} - first_event)::int AS n,
             least(depth, least(want, ${DATASET.events} - first_event) - 1)::int AS depth
           FROM placed WHERE first_event < ${DATASET.events}
         ), ranked AS (
           SELECT *, CASE WHEN depth = 4 THEN row_number() OVER (PARTITION BY depth = 4 ORDER BY s) END AS conv FROM cut
         )
         SELECT s, started_at, gap_s, product_n, customer_id, first_event, n,
           CASE WHEN depth = 4 AND conv > ${DATASET.orders} THEN 3 ELSE depth END AS depth,
           CASE WHEN conv <= ${DATASET.orders} THEN conv END::int AS conv
         FROM ranked`
      )

      // Events, in time order. The last `depth` events of a session are its funnel steps.
      await step(
        "events",
        `INSERT INTO analytics_event (id, name, source, occurred_at, event_key, session_key, anonymous_id, session_id,
           customer_id, sales_channel_id, product_id, cart_id, order_id, properties)
         SELECT 'aevt_BENCH' || ${pad("e.k")}, e.name, CASE WHEN e.name = 'order_placed' THEN 'server' ELSE 'store' END,
           e.at,
           CASE WHEN e.name = 'order_placed' THEN 'order_placed:' || e.order_id ELSE 'store:' || e.anonymous_id || ':bench' || e.k END,
           's:' || e.session_id, e.anonymous_id, e.session_id, e.customer_id, $1,
           CASE WHEN e.name IN ('product_viewed', 'product_added_to_cart') THEN p.id END,
           CASE WHEN e.name IN ('product_added_to_cart', 'checkout_started', 'order_placed') THEN e.cart_id END,
           e.order_id,
           CASE e.name
             WHEN 'page_view' THEN jsonb_build_object('path', CASE WHEN e.k % 3 = 0 THEN '/de/products/' || p.id ELSE (ARRAY['/de', '/de/store', '/de/cart', '/de/account'])[1 + e.k % 4] END, 'title', 'Emporium')
             WHEN 'product_list_viewed' THEN jsonb_strip_nulls(jsonb_build_object('category_id', p.category_ids[1]))
             WHEN 'search_performed' THEN jsonb_build_object('query', split_part(p.title, ' ', 1), 'results_count', 1 + e.k % 30)
             WHEN 'product_viewed' THEN jsonb_build_object('product_id', p.id, 'variant_id', p.variant_id)
             WHEN 'product_added_to_cart' THEN jsonb_build_object('product_id', p.id, 'variant_id', p.variant_id, 'cart_id', e.cart_id, 'quantity', 1)
             WHEN 'checkout_started' THEN jsonb_build_object('cart_id', e.cart_id)
             ELSE jsonb_build_object('order_id', e.order_id, 'cart_id', e.cart_id)
           END
         FROM (
           SELECT s.first_event + j AS k,
             CASE WHEN j > s.n - s.depth THEN (ARRAY['product_viewed', 'product_added_to_cart', 'checkout_started', 'order_placed'])[j - (s.n - s.depth)]
                  WHEN j = 1 THEN 'page_view'
                  ELSE (ARRAY['page_view', 'page_view', 'page_view', 'page_view', 'page_view', 'page_view', 'product_viewed', 'product_list_viewed', 'product_list_viewed', 'search_performed'])[1 + (s.s * 7 + j * 13) % 10]
             END AS name,
             s.started_at + make_interval(secs => (j - 1) * s.gap_s) AS at,
             'bench-s' || s.s AS session_id,
             'bench-a' || (s.s / 3) AS anonymous_id,
             s.customer_id,
             'cart_BENCHs' || ${pad("s.s")} AS cart_id,
             CASE WHEN j = s.n AND s.depth = 4 THEN 'order_BENCH' || ${pad("s.conv")} END AS order_id,
             CASE WHEN j > s.n - s.depth THEN s.product_n ELSE (s.s * 31 + j * 17) % ${pc} END AS product_n
           FROM bench_sessions s CROSS JOIN LATERAL generate_series(1, s.n) j
         ) e JOIN bench_products p ON p.n = e.product_n
         ORDER BY e.at`,
        [sc]
      )

      // Orders: the converted sessions' orders first (placed when their order_placed event happened), then the rest.
      await step(
        "orders (plan)",
        `CREATE TEMP TABLE bench_orders ON COMMIT DROP AS
         SELECT o, 'order_BENCH' || ${pad("o")} AS order_id,
           COALESCE(s.started_at + make_interval(secs => (s.n - 1) * s.gap_s),
                    now() - interval '2 hours' - interval '${DATASET.days - 1} days' * power(random(), 1.2)) AS placed_at,
           cur.currency_code,
           CASE cur.currency_code WHEN 'eur' THEN $1 WHEN 'usd' THEN $2 ELSE 'reg_BENCHGB' END AS region_id,
           CASE WHEN s.customer_id IS NOT NULL THEN s.customer_id
                WHEN random() < 0.85 THEN 'cus_BENCH' || ${pad(`1 + floor(power(random(), 2) * ${DATASET.customers})::int`)} END AS customer_id,
           CASE WHEN s.s IS NOT NULL THEN 'cart_BENCHs' || ${pad("s.s")} ELSE 'cart_BENCHo' || ${pad("o")} END AS cart_id,
           random() < 0.04 AS canceled,
           random() < 0.10 AS discounted,
           1 + floor(random() * 4)::int AS lines
         FROM generate_series(1, ${DATASET.orders}) o
         LEFT JOIN bench_sessions s ON s.conv = o
         CROSS JOIN LATERAL (SELECT CASE WHEN s.s IS NOT NULL OR o % 20 < 11 THEN 'eur' WHEN o % 20 < 17 THEN 'usd' ELSE 'gbp' END AS currency_code) cur`,
        [eur, usd]
      )
      await step(
        "order lines (plan)",
        `CREATE TEMP TABLE bench_lines ON COMMIT DROP AS
         SELECT x.o, x.l, x.order_id, x.placed_at, x.canceled, x.currency_code, x.region_id, p.id AS product_id, p.variant_id, p.title, p.category_ids, x.qty,
           round(p.price * x.fx * x.qty * CASE WHEN x.discounted THEN 0.9 ELSE 1 END, 2) AS total,
           round(p.price * x.fx * x.qty, 2) AS gross
         FROM (
           SELECT o.*, l,
             CASE WHEN random() < 0.75 THEN 1 WHEN random() < 0.7 THEN 2 ELSE 3 END AS qty,
             floor(power(random(), 2) * ${pc})::int AS product_n,
             CASE o.currency_code WHEN 'eur' THEN 1 WHEN 'usd' THEN 1.1 ELSE 0.86 END AS fx
           FROM bench_orders o CROSS JOIN LATERAL generate_series(1, o.lines) l
         ) x JOIN bench_products p ON p.n = x.product_n`
      )
      await step(
        "order lines",
        `INSERT INTO analytics_order_line (id, order_id, line_item_id, placed_at, canceled, currency_code, region_id, sales_channel_id,
           product_id, variant_id, product_title, category_ids, quantity, total, raw_total)
         SELECT 'aoln_BENCH' || ${pad("o * 4 + l")}, order_id, 'ordli_BENCH' || ${pad("o * 4 + l")}, placed_at, canceled, currency_code, region_id, $1,
           product_id, variant_id, title, category_ids, qty, total, ${raw("total")}
         FROM bench_lines ORDER BY placed_at`,
        [sc]
      )
      await step(
        "orders (totals)",
        `CREATE TEMP TABLE bench_order_totals ON COMMIT DROP AS
         SELECT o.*, m.items + m.shipping AS total, round(m.items / (1 + m.rate), 2) AS subtotal,
           m.items - round(m.items / (1 + m.rate), 2) AS tax_total, m.shipping AS shipping_total, m.gross - m.items AS discount_total, m.units
         FROM bench_orders o JOIN (
           SELECT l.o, sum(l.total) AS items, sum(l.gross) AS gross, sum(l.qty)::int AS units,
             CASE min(l.currency_code) WHEN 'eur' THEN 0.19 WHEN 'usd' THEN 0.08 ELSE 0.20 END AS rate,
             CASE WHEN sum(l.total) >= 100 THEN 0 WHEN min(l.currency_code) = 'usd' THEN 9.95 ELSE 4.95 END::numeric AS shipping
           FROM bench_lines l GROUP BY l.o
         ) m ON m.o = o.o`
      )
      await step(
        "orders",
        `INSERT INTO analytics_order (id, order_id, placed_at, canceled_at, currency_code, region_id, sales_channel_id, customer_id, cart_id,
           total, subtotal, tax_total, shipping_total, discount_total, units,
           raw_total, raw_subtotal, raw_tax_total, raw_shipping_total, raw_discount_total)
         SELECT 'aord_BENCH' || ${pad("o")}, order_id, placed_at,
           CASE WHEN canceled THEN least(placed_at + interval '1 hour' * (1 + o % 72), now()) END,
           currency_code, region_id, $1, customer_id, cart_id,
           total, subtotal, tax_total, shipping_total, discount_total, units,
           ${raw("total")}, ${raw("subtotal")}, ${raw("tax_total")}, ${raw("shipping_total")}, ${raw("discount_total")}
         FROM bench_order_totals ORDER BY placed_at`,
        [sc]
      )
      await step(
        "refunds",
        `INSERT INTO analytics_refund (id, refund_id, order_id, refunded_at, currency_code, region_id, sales_channel_id, amount, raw_amount)
         SELECT 'aref_BENCH' || ${pad("o")}, 'ref_BENCH' || ${pad("o")}, order_id,
           least(placed_at + interval '1 day' * (1 + o % 20) + interval '1 minute' * (o % 600), now()),
           currency_code, region_id, $1, amount, ${raw("amount")}
         FROM (SELECT *, CASE WHEN o % 3 = 0 THEN total ELSE round(total * 0.3, 2) END AS amount
               FROM bench_order_totals WHERE NOT canceled AND (o * 7919) % 100 < 3) r
         ORDER BY 4`,
        [sc]
      )
      await step(
        "registrations",
        `INSERT INTO analytics_registration (id, customer_id, registered_at)
         SELECT 'areg_BENCH' || ${pad("c")}, 'cus_BENCH' || ${pad("c")},
           COALESCE(f.first_at - interval '1 minute' * (5 + c % 20000), now() - interval '2 hours' - interval '${DATASET.days - 1} days' * random())
         FROM generate_series(1, ${Math.round(DATASET.customers * 1.15)}) c
         LEFT JOIN (SELECT customer_id, min(placed_at) AS first_at FROM bench_orders WHERE customer_id IS NOT NULL GROUP BY 1) f
           ON f.customer_id = 'cus_BENCH' || ${pad("c")}
         WHERE c % 10 < 6 OR c > ${DATASET.customers}
         ORDER BY 3`
      )
      await step(
        "carts",
        `INSERT INTO analytics_cart (id, cart_id, created_at_cart, has_items, completed_at, currency_code, region_id, sales_channel_id)
         SELECT 'acrt_BENCH' || cart_id, cart_id, created, true, completed, currency_code, region_id, $1 FROM (
           SELECT 'cart_BENCHs' || ${pad("s.s")} AS cart_id, s.started_at + make_interval(secs => (s.n - s.depth + 1) * s.gap_s) AS created,
             CASE WHEN s.depth = 4 THEN s.started_at + make_interval(secs => (s.n - 1) * s.gap_s) END AS completed, 'eur' AS currency_code, $2 AS region_id
           FROM bench_sessions s WHERE s.depth >= 2
           UNION ALL
           SELECT cart_id, placed_at - interval '15 minutes', placed_at, currency_code, region_id FROM bench_orders WHERE cart_id LIKE 'cart_BENCHo%'
         ) x ORDER BY created`,
        [sc, eur]
      )
      // Rollups, aggregated from the events just written (what the buffer's flush keeps up to date).
      await step(
        "session rollup",
        `INSERT INTO analytics_session (id, session_key, started_at, last_seen_at, steps, event_count, customer_id, sales_channel_id)
         SELECT 'ases_BENCH' || substr(session_key, 10), session_key, min(occurred_at), max(occurred_at),
           bit_or(CASE name WHEN 'product_viewed' THEN 1 WHEN 'product_added_to_cart' THEN 2 WHEN 'checkout_started' THEN 4 WHEN 'order_placed' THEN 8 ELSE 0 END),
           count(*), max(customer_id), max(sales_channel_id)
         FROM analytics_event WHERE id LIKE 'aevt_BENCH%' GROUP BY session_key ORDER BY 3`
      )
      await step(
        "daily rollup",
        `INSERT INTO analytics_event_daily (id, day, name, sales_channel_id, count)
         SELECT 'aevd_BENCH' || to_char(day, 'YYYYMMDD') || '_' || name || '_' || sales_channel_id, day, name, sales_channel_id, n FROM (
           SELECT date_trunc('day', occurred_at, 'UTC') AS day, name, COALESCE(sales_channel_id, '') AS sales_channel_id, count(*)::int AS n
           FROM analytics_event WHERE id LIKE 'aevt_BENCH%' GROUP BY 1, 2, 3
         ) d
         ON CONFLICT (day, name, sales_channel_id) WHERE deleted_at IS NULL DO UPDATE SET count = analytics_event_daily.count + EXCLUDED.count`
      )
      await c.query("COMMIT")
    } catch (error) {
      await c.query("ROLLBACK").catch(() => undefined)
      throw error
    }
    const tables = ["analytics_event", "analytics_session", "analytics_event_daily", "analytics_order", "analytics_order_line", "analytics_refund", "analytics_registration", "analytics_cart"]
    const v = Date.now()
    await c.query(`VACUUM (ANALYZE) ${tables.join(", ")}`)
    log(`  dataset: VACUUM ANALYZE, ${((Date.now() - v) / 1000).toFixed(1)} s`)
    counts = await datasetCounts(c)
    return { loaded: true, seconds: Math.round((Date.now() - t0) / 100) / 10, counts }
  })
}
