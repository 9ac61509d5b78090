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

/**
 * Clones product n ≥ segments from template n mod segments (handles rec-bench-<n>): product,
 * option links, variant with its option values, price set and prices, sales channel, category
 * and shipping profile links, with the number in title, description, handle and SKU replaced.
 * Parameters: segments, products.
 */
const CLONE_PRODUCTS_SQL = `
WITH c AS (
  SELECT n, t.id AS tpl, 'prod_rb' || lpad(n::text, 6, '0') AS pid, 'variant_rb' || lpad(n::text, 6, '0') AS vid,
    'pset_rb' || lpad(n::text, 6, '0') AS psid
  FROM generate_series($1::int, $2::int - 1) AS n
  JOIN product t ON t.handle = 'rec-bench-' || (n % $1) AND t.deleted_at IS NULL
  WHERE NOT EXISTS (SELECT 1 FROM product x WHERE x.handle = 'rec-bench-' || n AND x.deleted_at IS NULL)
),
products AS (
  INSERT INTO product (id, title, handle, subtitle, description, is_giftcard, status, thumbnail, weight, length, height,
    width, origin_country, hs_code, mid_code, material, collection_id, type_id, discountable, external_id, metadata)
  SELECT c.pid, regexp_replace(p.title, '\\d+$', c.n::text), 'rec-bench-' || c.n, p.subtitle,
    regexp_replace(p.description, 'number \\d+', 'number ' || c.n), p.is_giftcard, p.status, p.thumbnail, p.weight,
    p.length, p.height, p.width, p.origin_country, p.hs_code, p.mid_code, p.material, p.collection_id, p.type_id,
    p.discountable, NULL, p.metadata
  FROM c JOIN product p ON p.id = c.tpl
  RETURNING id
),
options AS (
  INSERT INTO product_product_option (id, product_id, product_option_id)
  SELECT 'prodopt_rb' || c.n || '_' || o.product_option_id, c.pid, o.product_option_id
  FROM c JOIN product_product_option o ON o.product_id = c.tpl AND o.deleted_at IS NULL
  RETURNING id
),
option_values AS (
  INSERT INTO product_product_option_value (id, product_product_option_id, product_option_value_id)
  SELECT 'prodoptval_rb' || c.n || '_' || ov.product_option_value_id, 'prodopt_rb' || c.n || '_' || o.product_option_id,
    ov.product_option_value_id
  FROM c
  JOIN product_product_option o ON o.product_id = c.tpl AND o.deleted_at IS NULL
  JOIN product_product_option_value ov ON ov.product_product_option_id = o.id AND ov.deleted_at IS NULL
  RETURNING id
),
variants AS (
  INSERT INTO product_variant (id, title, sku, allow_backorder, manage_inventory, hs_code, origin_country, mid_code,
    material, weight, length, height, width, metadata, variant_rank, product_id, thumbnail)
  SELECT c.vid, v.title, 'REC-BENCH-' || c.n, v.allow_backorder, v.manage_inventory, v.hs_code, v.origin_country,
    v.mid_code, v.material, v.weight, v.length, v.height, v.width, v.metadata, v.variant_rank, c.pid, v.thumbnail
  FROM c JOIN product_variant v ON v.product_id = c.tpl AND v.deleted_at IS NULL
  RETURNING id
),
variant_options AS (
  INSERT INTO product_variant_option (variant_id, option_value_id)
  SELECT c.vid, vo.option_value_id
  FROM c JOIN product_variant v ON v.product_id = c.tpl AND v.deleted_at IS NULL
  JOIN product_variant_option vo ON vo.variant_id = v.id
  RETURNING 1
),
price_sets AS (INSERT INTO price_set (id) SELECT psid FROM c RETURNING id),
variant_price_sets AS (
  INSERT INTO product_variant_price_set (variant_id, price_set_id, id)
  SELECT c.vid, c.psid, 'pvps_rb' || lpad(c.n::text, 6, '0') FROM c
  RETURNING id
),
prices AS (
  INSERT INTO price (id, title, price_set_id, currency_code, raw_amount, rules_count, amount, min_quantity, max_quantity,
    raw_min_quantity, raw_max_quantity)
  SELECT 'price_rb' || c.n || '_' || pr.currency_code, pr.title, c.psid, pr.currency_code, pr.raw_amount, pr.rules_count,
    pr.amount, pr.min_quantity, pr.max_quantity, pr.raw_min_quantity, pr.raw_max_quantity
  FROM c
  JOIN product_variant v ON v.product_id = c.tpl AND v.deleted_at IS NULL
  JOIN product_variant_price_set vps ON vps.variant_id = v.id AND vps.deleted_at IS NULL
  JOIN price pr ON pr.price_set_id = vps.price_set_id AND pr.price_list_id IS NULL AND pr.deleted_at IS NULL
  RETURNING id
),
channels AS (
  INSERT INTO product_sales_channel (product_id, sales_channel_id, id)
  SELECT c.pid, sc.sales_channel_id, 'prodsc_rb' || c.n || '_' || sc.sales_channel_id
  FROM c JOIN product_sales_channel sc ON sc.product_id = c.tpl AND sc.deleted_at IS NULL
  RETURNING id
),
categories AS (
  INSERT INTO product_category_product (product_id, product_category_id)
  SELECT c.pid, pc.product_category_id FROM c JOIN product_category_product pc ON pc.product_id = c.tpl
  RETURNING 1
),
profiles AS (
  INSERT INTO product_shipping_profile (product_id, shipping_profile_id, id)
  SELECT c.pid, sp.shipping_profile_id, 'prodsp_rb' || c.n
  FROM c JOIN product_shipping_profile sp ON sp.product_id = c.tpl AND sp.deleted_at IS NULL
  RETURNING id
)
SELECT (SELECT count(*) FROM products) AS products`

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
    // One product per segment through the Admin API (Medusa's own workflow writes every row a
    // product needs), then the rest cloned from them in SQL: 10,000 products through the API
    // take half an hour on two cores, and the clones are row-for-row what the API wrote.
    const templates = []
    for (let n = have; n < REC_DATASET.segments; n++) {
      templates.push(productInput(n, n, categories[n], salesChannel.id))
    }
    if (templates.length) await admin.post("/admin/products/batch", { create: templates })
    await withDb(ctx.dbUrl, (c) => c.query(CLONE_PRODUCTS_SQL, [REC_DATASET.segments, REC_DATASET.products]))
    productsCreated = REC_DATASET.products - have
    ctx.log(`recommendations dataset: ${REC_DATASET.segments} products through the Admin API, ${productsCreated - templates.length} cloned in SQL`)
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
