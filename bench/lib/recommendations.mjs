// The recommendation scenario's data set: 10,000 real products (created through the Admin API,
// so the store routes can price and filter them) and 500,000 interactions with planted segment
// structure, written straight into the module's signal table, then a full rebuild through
// POST /admin/recommendations/rebuild. Loaded once per bench database (checked by count).
import { adminClient } from "./admin.mjs"
import { withDb } from "./db.mjs"

export const REC_DATASET = {
  products: Number(process.env.BENCH_REC_PRODUCTS || 10_000),
  interactions: Number(process.env.BENCH_REC_INTERACTIONS || 500_000),
  segments: 40,
}

const WORDS = (
  "linen wool cotton silk denim leather canvas velvet cashmere tweed oak walnut maple bamboo ceramic " +
  "copper brass steel glass marble espresso matcha cacao vanilla citrus lavender cedar amber saffron pepper " +
  "alpine coastal desert forest meadow harbor canyon prairie tundra island"
).split(" ")
const NOUNS = "shirt jacket scarf mug bowl lamp chair candle grinder kettle notebook backpack".split(" ")

const PAGE = 250

/** Segment s owns WORDS[s]: titles and descriptions of its products share it (what "similar" can find). */
function productInput(n, segment, categoryId, salesChannelId) {
  const word = WORDS[segment % WORDS.length]
  const noun = NOUNS[n % NOUNS.length]
  const amount = 10 * 2 ** (segment % 6) + (n % 7)
  return {
    title: `${word} ${noun} ${n}`,
    handle: `rec-bench-${n}`,
    status: "published",
    description: `A ${word} ${noun} from the ${word} line, number ${n}.`,
    categories: [{ id: categoryId }],
    sales_channels: [{ id: salesChannelId }],
    options: [{ title: "Size", values: ["One"] }],
    variants: [
      {
        title: "One",
        sku: `REC-BENCH-${n}`,
        manage_inventory: false,
        options: { Size: "One" },
        prices: [{ currency_code: "eur", amount }],
      },
    ],
  }
}

async function ensureCategories(admin, segments) {
  const ids = []
  const { product_categories: existing } = await admin.get(`/admin/product-categories?limit=200&handle[]=${
    Array.from({ length: segments }, (_, s) => `rec-bench-${s}`).join("&handle[]=")
  }`)
  const byHandle = new Map(existing.map((c) => [c.handle, c.id]))
  for (let s = 0; s < segments; s++) {
    const handle = `rec-bench-${s}`
    if (!byHandle.has(handle)) {
      const { product_category } = await admin.post("/admin/product-categories", {
        name: `Bench ${WORDS[s % WORDS.length]}`,
        handle,
        is_active: true,
        is_internal: false,
      })
      byHandle.set(handle, product_category.id)
    }
    ids.push(byHandle.get(handle))
  }
  return ids
}

/**
 * Interactions in SQL, deterministic (setseed): sessions of views within one segment (plus a
 * tenth of noise), carts, and orders of two to four products of one segment drawn with a
 * popularity skew (the first products of a segment sell most). Timestamps over 60 days.
 */
const SIGNALS_SQL = `
WITH p AS (
  SELECT array_agg(id ORDER BY (substring(handle from 11))::int) AS ids
  FROM product WHERE handle LIKE 'rec-bench-%' AND deleted_at IS NULL
),
params AS (SELECT $1::int AS interactions, $2::int AS segments, array_length((SELECT ids FROM p), 1) AS n)
INSERT INTO recommendation_signal (id, event_key, kind, product_id, customer_id, anonymous_id, session_key, order_id, weight, occurred_at)
SELECT 'rsig_' || replace(gen_random_uuid()::text, '-', ''),
  'bench:' || g,
  kind,
  (SELECT ids FROM p)[1 + ((seg + params.segments * floor(power(random(), 2) * (params.n / params.segments))::int) % params.n)],
  CASE WHEN kind = 'purchase' THEN 'cus_bench_' || (grp % 20000) END,
  'anon_bench_' || (grp % 40000),
  CASE WHEN kind = 'view' THEN 's:bench_' || grp END,
  CASE WHEN kind = 'purchase' THEN 'order_bench_' || grp END,
  CASE kind WHEN 'view' THEN 1 WHEN 'cart' THEN 3 ELSE 5 END,
  now() - make_interval(secs => (grp % 5000) * 1036.8) - make_interval(secs => (g % 97))
FROM (
  SELECT g,
    CASE WHEN g % 10 < 7 THEN 'view' WHEN g % 10 < 8 THEN 'cart' ELSE 'purchase' END AS kind,
    g / 5 AS grp,
    CASE WHEN random() < 0.1 THEN floor(random() * $2)::int ELSE ((g / 5) % $2)::int END AS seg
  FROM generate_series(1, $1) AS g
) x, params`

export async function ensureRecommendationDataset(ctx) {
  const started = Date.now()
  const admin = await adminClient(ctx.server.url)
  const count = async (sql) => withDb(ctx.dbUrl, async (c) => Number((await c.query(sql)).rows[0].n))
  let productsCreated = 0
  let have = await count("SELECT count(*) AS n FROM product WHERE handle LIKE 'rec-bench-%' AND deleted_at IS NULL")
  if (have < REC_DATASET.products) {
    const { sales_channels } = await admin.get("/admin/sales-channels?limit=10")
    const salesChannel = sales_channels.find((sc) => /default/i.test(sc.name)) ?? sales_channels[0]
    const categories = await ensureCategories(admin, REC_DATASET.segments)
    for (let start = have; start < REC_DATASET.products; start += PAGE) {
      const create = []
      for (let n = start; n < Math.min(start + PAGE, REC_DATASET.products); n++) {
        const segment = n % REC_DATASET.segments
        create.push(productInput(n, segment, categories[segment], salesChannel.id))
      }
      await admin.post("/admin/products/batch", { create })
      productsCreated += create.length
      if ((start / PAGE) % 8 === 0) ctx.log(`recommendations dataset: ${start + create.length} of ${REC_DATASET.products} products`)
    }
    have = REC_DATASET.products
  }
  let signalsLoaded = 0
  const signals = await count("SELECT count(*) AS n FROM recommendation_signal WHERE event_key LIKE 'bench:%'")
  if (signals < REC_DATASET.interactions) {
    await withDb(ctx.dbUrl, async (c) => {
      await c.query("DELETE FROM recommendation_signal WHERE event_key LIKE 'bench:%'")
      await c.query("SELECT setseed(0.42)")
      const res = await c.query(SIGNALS_SQL, [REC_DATASET.interactions, REC_DATASET.segments])
      signalsLoaded = res.rowCount
    })
  }
  let rebuild = null
  if (productsCreated || signalsLoaded || process.env.BENCH_REC_REBUILD === "1") {
    const t0 = Date.now()
    const { build } = await admin.post("/admin/recommendations/rebuild", {})
    let current = build
    while (current.status === "running") {
      await new Promise((r) => setTimeout(r, 1000))
      current = (await admin.get(`/admin/recommendations/builds/${build.id}`)).build
    }
    if (current.status !== "succeeded") throw new Error(`recommendation rebuild ${build.id} ${current.status}: ${current.error}`)
    rebuild = { seconds: Math.round((Date.now() - t0) / 100) / 10, counts: current.counts }
    ctx.log(`recommendations dataset: rebuild took ${rebuild.seconds} s: ${JSON.stringify(current.counts)}`)
  }
  const status = await admin.get("/admin/recommendations/status")
  const ids = await withDb(ctx.dbUrl, async (c) =>
    (await c.query("SELECT id FROM product WHERE handle LIKE 'rec-bench-%' AND deleted_at IS NULL ORDER BY id")).rows.map((r) => r.id)
  )
  const categoryIds = await withDb(ctx.dbUrl, async (c) =>
    (await c.query("SELECT id FROM product_category WHERE handle LIKE 'rec-bench-%' AND deleted_at IS NULL ORDER BY id")).rows.map((r) => r.id)
  )
  return {
    productIds: ids,
    categoryIds,
    productsCreated,
    signalsLoaded,
    rebuild,
    counts: status.counts,
    seconds: Math.round((Date.now() - started) / 1000),
  }
}
