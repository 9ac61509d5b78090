// The product search scenario's data set and queries (issue 8): 50,000 products with titles that
// read like a shop's ("Rustic Oak Coffee Table Aurora") in 20 categories, and ~300 one-typo
// queries, each aimed at one product. Loaded once per bench database (checked by count); the
// search index is then rebuilt through Medusa's POST /admin/search-indexes/product/reindex.
import { adminClient } from "./admin.mjs"
import { withDb } from "./db.mjs"
import { rng } from "./random.mjs"

export const SEARCH_DATASET = {
  products: Number(process.env.BENCH_SEARCH_PRODUCTS || 50_000),
  queries: Number(process.env.BENCH_SEARCH_QUERIES || 300),
  /** A query's two words may match at most this many products of its category exactly. */
  maxExactMatches: 10,
}

const HANDLE_PREFIX = "search-bench-"

// Materials by family; a category takes the family that suits it.
const MATERIALS = {
  hard: "Oak Walnut Maple Teak Bamboo Rattan Acacia Birch Cedar Cherry Mahogany Marble Granite Slate Ceramic Stoneware Porcelain Glass Copper Brass Bronze Steel Iron Aluminium Concrete Terracotta".split(" "),
  soft: "Linen Cotton Wool Velvet Leather Suede Canvas Cashmere Denim Jute Mohair Alpaca Merino Corduroy Tweed Flannel Nylon Hemp Silk Satin Sherpa Fleece Chambray Jersey Terry Chenille".split(" "),
}

const CATEGORIES = [
  { name: "Tables", family: "hard", eur: 320, nouns: ["Coffee Table", "Dining Table", "Side Table", "Console Table", "Writing Desk"] },
  { name: "Chairs", family: "hard", eur: 180, nouns: ["Armchair", "Dining Chair", "Lounge Chair", "Bar Stool", "Rocking Chair"] },
  { name: "Lighting", family: "hard", eur: 120, nouns: ["Floor Lamp", "Table Lamp", "Pendant Light", "Wall Sconce", "Lantern"] },
  { name: "Storage", family: "hard", eur: 260, nouns: ["Bookshelf", "Cabinet", "Dresser", "Sideboard", "Wardrobe"] },
  { name: "Beds", family: "hard", eur: 540, nouns: ["Bed Frame", "Headboard", "Nightstand", "Daybed", "Bunk Bed"] },
  { name: "Sofas", family: "soft", eur: 890, nouns: ["Sofa", "Loveseat", "Sectional", "Ottoman", "Chaise Longue"] },
  { name: "Rugs", family: "soft", eur: 210, nouns: ["Area Rug", "Runner", "Doormat", "Round Rug", "Shag Rug"] },
  { name: "Cookware", family: "hard", eur: 75, nouns: ["Frying Pan", "Saucepan", "Dutch Oven", "Stockpot", "Wok"] },
  { name: "Tableware", family: "hard", eur: 32, nouns: ["Dinner Plate", "Coffee Mug", "Serving Bowl", "Pitcher", "Carafe"] },
  { name: "Decor", family: "hard", eur: 58, nouns: ["Vase", "Wall Mirror", "Candle Holder", "Picture Frame", "Wall Clock"] },
  { name: "Textiles", family: "soft", eur: 64, nouns: ["Throw Blanket", "Cushion Cover", "Duvet Cover", "Quilt", "Curtain"] },
  { name: "Bath", family: "soft", eur: 29, nouns: ["Bath Towel", "Bath Mat", "Bathrobe", "Shower Curtain", "Laundry Basket"] },
  { name: "Planters", family: "hard", eur: 45, nouns: ["Planter", "Plant Stand", "Hanging Planter", "Window Box", "Watering Can"] },
  { name: "Patio", family: "hard", eur: 240, nouns: ["Garden Bench", "Deck Chair", "Parasol", "Fire Pit", "Picnic Table"] },
  { name: "Office", family: "hard", eur: 95, nouns: ["Desk Organizer", "Filing Cabinet", "Desk Lamp", "Monitor Stand", "Letter Tray"] },
  { name: "Luggage", family: "soft", eur: 150, nouns: ["Backpack", "Tote Bag", "Duffel Bag", "Messenger Bag", "Weekender"] },
  { name: "Outerwear", family: "soft", eur: 170, nouns: ["Jacket", "Parka", "Raincoat", "Gilet", "Overcoat"] },
  { name: "Knitwear", family: "soft", eur: 85, nouns: ["Sweater", "Cardigan", "Hoodie", "Turtleneck", "Pullover"] },
  { name: "Accessories", family: "soft", eur: 39, nouns: ["Scarf", "Beanie", "Gloves", "Belt", "Wallet"] },
  { name: "Nursery", family: "soft", eur: 68, nouns: ["Baby Blanket", "Play Mat", "Crib Sheet", "Changing Pad", "Toy Basket"] },
]

const ADJECTIVES = (
  "Rustic Modern Classic Vintage Nordic Coastal Urban Minimal Elegant Sturdy Compact Deluxe Handcrafted Heritage " +
  "Industrial Bohemian Scandinavian Artisan Premium Essential Timeless Cozy Sleek Graceful Ornate Weathered Polished " +
  "Brushed Tailored Woven Hammered Carved Folding Stackable Oversized Petite Royal Alpine Tropical Provincial Refined " +
  "Breezy Earthy Gilded Layered Quilted Sculpted Tapered Textured Softened Lacquered Rounded Slim Grand Humble Airy " +
  "Smoky Sunlit Frosted Muted"
).split(" ")

/** Model (line) names: places, plants, winds, stars. */
const MODELS = (
  "Aurora Borealis Cascade Dakota Everest Fjord Geneva Harbor Istria Juniper Kestrel Lagoon Monarch Nordkapp Orion " +
  "Pinnacle Quartz Riviera Sierra Tundra Umbria Verona Willow Yukon Zephyr Alder Bristol Camden Dover Elbe Fulton " +
  "Galway Hudson Ionia Jasper Kendal Lucerne Malvern Newport Oxford Portland Quincy Reno Salem Tahoe Upton Vail " +
  "Windsor Yates Zurich Andes Baltic Cairn Delta Ember Falcon Glacier Heron Indigo Jade Kodiak Lumen Meadow Nimbus " +
  "Onyx Prairie Quill Raven Saffron Thistle Umber Vesper Wren Yarrow Zinnia Amber Basil Cobalt Dune Echo Flint Garnet " +
  "Hazel Iris Jetty Karst Larch Maris Nectar Oasis Pebble Quarry Ridge Sable Timber Ursa Vale Wisteria Yew Acorn " +
  "Bayou Canyon Drift Estuary Fable Grove Hollow Inlet Juno Knoll Lark Moss Nova Orchid Pine Quest Reef Spruce Tide " +
  "Union Valley Wharf Atlas Beacon Comet Dawn Eclipse Fern Gale Horizon Ivory Jubilee Kite Lotus Mistral Nectarine " +
  "Opal Pioneer Rosemary Solstice Tempest Utopia Voyager Whisper Alpina Brighton Carmel Durango Everglade Florence " +
  "Granada Havana Ibiza Jericho Kyoto Lisbon Madrid Naples Odessa Palermo Quebec Rialto Sorrento Toledo Valencia " +
  "Winslow Aspen Briar Clover Dahlia Elm Foxglove Gardenia Heather Ivy Jasmine Kelp Lilac Magnolia Nettle Olive " +
  "Poppy Rowan Sorrel Tamarind Verbena Wattle Bramble Cypress Driftwood Harvest Lighthouse Marina Meridian Monsoon " +
  "Northwind Outpost Paragon Regatta Sequoia Sundance Trident Vanguard Westwind Whistler"
).split(" ")

const words = (title) => title.toLowerCase().split(/\s+/).filter(Boolean)

/** The products of the data set, deterministic: n → title, category, prices. Titles are unique. */
export function generateProducts(count = SEARCH_DATASET.products) {
  const random = rng(2024)
  const pickFrom = (list) => list[Math.floor(random() * list.length)]
  const seen = new Set()
  const out = []
  for (let n = 0; n < count; n++) {
    const c = n % CATEGORIES.length
    const category = CATEGORIES[c]
    let title
    let parts
    do {
      parts = { adjective: pickFrom(ADJECTIVES), material: pickFrom(MATERIALS[category.family]), noun: pickFrom(category.nouns), model: pickFrom(MODELS) }
      title = `${parts.adjective} ${parts.material} ${parts.noun} ${parts.model}`
    } while (seen.has(title))
    seen.add(title)
    const eur = Math.max(4, Math.round(category.eur * (0.5 + random() * 1.5))) - 0.01
    out.push({
      n,
      category: c,
      title,
      handle: `${HANDLE_PREFIX}${n}`,
      sku: `SB-${String(n).padStart(6, "0")}`,
      description: `${parts.noun} of the ${parts.model} line, made of ${parts.material.toLowerCase()}; ${parts.adjective.toLowerCase()} in style.`,
      eur,
      usd: Math.round(eur * 110) / 100,
    })
  }
  return out
}

/**
 * Clones one product per row of the input arrays from its category's template (created through
 * the Admin API, so every row Medusa's workflow writes for a product exists): product, option links,
 * variant with its option values, price set and EUR/USD prices, sales channel, category and
 * shipping profile links, with title, handle, description, SKU and prices replaced.
 * Parameters: n[], title[], handle[], description[], sku[], eur[], usd[], template handle[].
 */
const CLONE_PRODUCTS_SQL = `
WITH input AS (
  SELECT * FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::text[], $6::numeric[], $7::numeric[], $8::text[])
    AS i(n, title, handle, description, sku, eur, usd, tpl_handle)
),
c AS (
  SELECT i.*, t.id AS tpl, 'prod_sb' || lpad(i.n::text, 6, '0') AS pid, 'variant_sb' || lpad(i.n::text, 6, '0') AS vid,
    'pset_sb' || lpad(i.n::text, 6, '0') AS psid
  FROM input i
  JOIN product t ON t.handle = i.tpl_handle AND t.deleted_at IS NULL
  WHERE NOT EXISTS (SELECT 1 FROM product x WHERE x.handle = i.handle AND x.deleted_at IS NULL)
),
products AS (
  INSERT INTO product (id, title, handle, subtitle, description, is_giftcard, status, thumbnail, weight, length, height,
    width, origin_country, hs_code, mid_code, material, collection_id, type_id, discountable, external_id, metadata)
  SELECT c.pid, c.title, c.handle, p.subtitle, c.description, p.is_giftcard, p.status, p.thumbnail, p.weight, p.length,
    p.height, p.width, p.origin_country, p.hs_code, p.mid_code, p.material, p.collection_id, p.type_id, p.discountable,
    NULL, p.metadata
  FROM c JOIN product p ON p.id = c.tpl
  RETURNING id
),
options AS (
  INSERT INTO product_product_option (id, product_id, product_option_id)
  SELECT 'prodopt_sb' || c.n || '_' || o.product_option_id, c.pid, o.product_option_id
  FROM c JOIN product_product_option o ON o.product_id = c.tpl AND o.deleted_at IS NULL
  RETURNING id
),
option_values AS (
  INSERT INTO product_product_option_value (id, product_product_option_id, product_option_value_id)
  SELECT 'prodoptval_sb' || c.n || '_' || ov.product_option_value_id, 'prodopt_sb' || c.n || '_' || o.product_option_id,
    ov.product_option_value_id
  FROM c
  JOIN product_product_option o ON o.product_id = c.tpl AND o.deleted_at IS NULL
  JOIN product_product_option_value ov ON ov.product_product_option_id = o.id AND ov.deleted_at IS NULL
  RETURNING id
),
variants AS (
  INSERT INTO product_variant (id, title, sku, allow_backorder, manage_inventory, hs_code, origin_country, mid_code,
    material, weight, length, height, width, metadata, variant_rank, product_id, thumbnail)
  SELECT c.vid, v.title, c.sku, v.allow_backorder, v.manage_inventory, v.hs_code, v.origin_country,
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
  SELECT c.vid, c.psid, 'pvps_sb' || lpad(c.n::text, 6, '0') FROM c
  RETURNING id
),
prices AS (
  INSERT INTO price (id, title, price_set_id, currency_code, raw_amount, rules_count, amount, min_quantity, max_quantity,
    raw_min_quantity, raw_max_quantity)
  SELECT 'price_sb' || c.n || '_' || pr.currency_code, pr.title, c.psid, pr.currency_code,
    jsonb_build_object('value', a.amount::text, 'precision', 20), pr.rules_count, a.amount, pr.min_quantity,
    pr.max_quantity, pr.raw_min_quantity, pr.raw_max_quantity
  FROM c
  JOIN product_variant v ON v.product_id = c.tpl AND v.deleted_at IS NULL
  JOIN product_variant_price_set vps ON vps.variant_id = v.id AND vps.deleted_at IS NULL
  JOIN price pr ON pr.price_set_id = vps.price_set_id AND pr.price_list_id IS NULL AND pr.deleted_at IS NULL
  CROSS JOIN LATERAL (SELECT CASE pr.currency_code WHEN 'eur' THEN c.eur WHEN 'usd' THEN c.usd ELSE pr.amount END AS amount) a
  RETURNING id
),
channels AS (
  INSERT INTO product_sales_channel (product_id, sales_channel_id, id)
  SELECT c.pid, sc.sales_channel_id, 'prodsc_sb' || c.n || '_' || sc.sales_channel_id
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
  SELECT c.pid, sp.shipping_profile_id, 'prodsp_sb' || c.n
  FROM c JOIN product_shipping_profile sp ON sp.product_id = c.tpl AND sp.deleted_at IS NULL
  RETURNING id
)
SELECT (SELECT count(*) FROM products) AS products`

const CLONED_TABLES = [
  "product", "product_product_option", "product_product_option_value", "product_variant", "product_variant_option", "price_set",
  "product_variant_price_set", "price", "product_sales_channel", "product_category_product", "product_shipping_profile",
]

const categoryHandle = (c) => `${HANDLE_PREFIX}${CATEGORIES[c].name.toLowerCase()}`

async function ensureCategories(admin) {
  const handles = CATEGORIES.map((_, c) => categoryHandle(c))
  const { product_categories: existing } = await admin.get(`/admin/product-categories?limit=200&handle[]=${handles.join("&handle[]=")}`)
  const byHandle = new Map(existing.map((c) => [c.handle, c.id]))
  for (const [c, category] of CATEGORIES.entries()) {
    if (byHandle.has(handles[c])) continue
    const { product_category } = await admin.post("/admin/product-categories", {
      name: category.name,
      handle: handles[c],
      is_active: true,
      is_internal: false,
    })
    byHandle.set(handles[c], product_category.id)
  }
  return handles.map((h) => byHandle.get(h))
}

function productInput(p, categoryId, salesChannelId) {
  return {
    title: p.title,
    handle: p.handle,
    status: "published",
    description: p.description,
    categories: [{ id: categoryId }],
    sales_channels: [{ id: salesChannelId }],
    options: [{ title: "Size", values: ["One"] }],
    variants: [
      {
        title: "One",
        sku: p.sku,
        manage_inventory: false,
        options: { Size: "One" },
        prices: [
          { currency_code: "eur", amount: p.eur },
          { currency_code: "usd", amount: p.usd },
        ],
      },
    ],
  }
}

/** Published products the store's publishable key can see: what a full index holds. */
export async function storeProductCount(dbUrl, publishableKey) {
  return withDb(dbUrl, async (c) => {
    const { rows } = await c.query(
      `SELECT count(DISTINCT p.id)::int AS n
       FROM product p
       JOIN product_sales_channel psc ON psc.product_id = p.id AND psc.deleted_at IS NULL
       JOIN publishable_api_key_sales_channel k ON k.sales_channel_id = psc.sales_channel_id AND k.deleted_at IS NULL
       JOIN api_key a ON a.id = k.publishable_key_id AND a.token = $1 AND a.deleted_at IS NULL
       WHERE p.status = 'published' AND p.deleted_at IS NULL`,
      [publishableKey]
    )
    return rows[0].n
  })
}

/**
 * Creates the products when the bench database does not hold them yet: one per category through
 * the Admin API (Medusa's own workflow), the rest cloned from those in SQL (as the recommendation
 * data set does: 50,000 API creations would take hours on two cores). SQL writes emit no product
 * events, so the search index learns of them only through a reindex (see buildSearchIndex).
 * Returns { products: [{ id, title, categoryId, category }], created, seconds }.
 */
export async function ensureSearchDataset(ctx) {
  const started = Date.now()
  const count = async () =>
    withDb(ctx.dbUrl, async (c) => Number((await c.query(`SELECT count(*) AS n FROM product WHERE handle LIKE '${HANDLE_PREFIX}%' AND deleted_at IS NULL`)).rows[0].n))
  let have = await count()
  let created = 0
  if (have < SEARCH_DATASET.products) {
    const admin = await adminClient(ctx.server.url)
    const { sales_channels } = await admin.get("/admin/sales-channels?limit=10")
    const salesChannel = sales_channels.find((sc) => /default/i.test(sc.name)) ?? sales_channels[0]
    const categoryIds = await ensureCategories(admin)
    const all = generateProducts()
    const templates = all.slice(0, CATEGORIES.length)
    const existing = new Set(
      await withDb(ctx.dbUrl, async (c) =>
        (await c.query(`SELECT handle FROM product WHERE handle = ANY($1) AND deleted_at IS NULL`, [templates.map((t) => t.handle)])).rows.map((r) => r.handle)
      )
    )
    const missing = templates.filter((t) => !existing.has(t.handle))
    if (missing.length) {
      await admin.post("/admin/products/batch", { create: missing.map((p) => productInput(p, categoryIds[p.category], salesChannel.id)) })
    }
    const rest = all.slice(CATEGORIES.length)
    const chunk = 5000
    await withDb(ctx.dbUrl, async (c) => {
      for (let i = 0; i < rest.length; i += chunk) {
        const part = rest.slice(i, i + chunk)
        // Fresh statistics before each chunk: planned with the empty tables' numbers, the joins
        // turn into nested loops over ever larger tables (50,000 clones took 9 min instead of ~30 s).
        await c.query(`ANALYZE ${CLONED_TABLES.join(", ")}`)
        await c.query(CLONE_PRODUCTS_SQL, [
          part.map((p) => p.n),
          part.map((p) => p.title),
          part.map((p) => p.handle),
          part.map((p) => p.description),
          part.map((p) => p.sku),
          part.map((p) => p.eur),
          part.map((p) => p.usd),
          part.map((p) => `${HANDLE_PREFIX}${p.category}`),
        ])
      }
      // Statistics for the new rows now rather than whenever autovacuum gets to them, so the
      // planner does not change its mind in the middle of a measurement.
      await c.query("ANALYZE")
    })
    created = (await count()) - have
    ctx.log(`search dataset: ${missing.length} products through the Admin API, ${created - missing.length} cloned in SQL (${Math.round((Date.now() - started) / 1000)} s)`)
    have = await count()
    if (have < SEARCH_DATASET.products) throw new Error(`search dataset: ${have} products after loading, expected ${SEARCH_DATASET.products}`)
  }
  const products = await withDb(ctx.dbUrl, async (c) =>
    (
      await c.query(
        `SELECT p.id, p.title, pc.id AS category_id, pc.name AS category, (substring(p.handle from ${HANDLE_PREFIX.length + 1}))::int AS n
         FROM product p
         JOIN product_category_product pcp ON pcp.product_id = p.id
         JOIN product_category pc ON pc.id = pcp.product_category_id AND pc.deleted_at IS NULL
         WHERE p.handle LIKE '${HANDLE_PREFIX}%' AND p.deleted_at IS NULL
         ORDER BY n`
      )
    ).rows.map((r) => ({ id: r.id, title: r.title, categoryId: r.category_id, category: r.category }))
  )
  return { products, created, seconds: Math.round((Date.now() - started) / 1000) }
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms))

/** The message of a server log line (JSON in production, plain text otherwise). */
function serverMessage(line) {
  try {
    const entry = JSON.parse(line)
    return `${entry.timestamp ?? ""} ${entry.message ?? line}`.trim()
  } catch {
    return line.replace(/^.*?\[Search\]/, "[Search]")
  }
}

/** The product index's versions (Medusa's Search Module bookkeeping): which one serves reads, which one is being built. */
async function indexVersions(dbUrl) {
  return withDb(dbUrl, async (c) => {
    const { rows } = await c.query(
      `SELECT i.active_version, v.version, v.status
       FROM search_index i JOIN search_index_version v ON v.search_index_id = i.id AND v.deleted_at IS NULL
       WHERE i.name = 'product' AND i.deleted_at IS NULL
       ORDER BY v.version DESC LIMIT 1`
    )
    return rows[0] ?? null
  })
}

/**
 * Fills the search index through Medusa's admin route when it does not hold every product the
 * store sells (or BENCH_SEARCH_REINDEX=1): POST /admin/search-indexes/product/reindex builds a new
 * version next to the active one and swaps it in when complete. Done when that new version is the
 * active one, ready, and the store route's `count` equals the number of published products in the
 * key's sales channel. Returns { expected, before, reindexed, seconds, serverLines } (seconds: from
 * the POST until then; serverLines: the Search Module's own progress lines from the server log).
 */
export async function buildSearchIndex(ctx, { timeoutMs = Number(process.env.BENCH_SEARCH_INDEX_TIMEOUT_S || 1200) * 1000 } = {}) {
  const expected = await storeProductCount(ctx.dbUrl, ctx.store.headers["x-publishable-api-key"])
  const indexed = async () => (await ctx.store.get("/store/search/products?limit=1")).count
  const before = await indexed()
  if (before === expected && process.env.BENCH_SEARCH_REINDEX !== "1") {
    ctx.log(`search index: already holds all ${expected} products`)
    return { expected, before, reindexed: false, seconds: null, serverLines: [] }
  }
  const admin = await adminClient(ctx.server.url)
  const firstLine = ctx.server.output[ctx.server.output.length - 1]
  const serverLines = []
  const collect = () => {
    // `output` keeps the last 400 lines: find where we left off by the last line seen.
    const from = Math.max(0, ctx.server.output.lastIndexOf(firstLine) + 1)
    const fresh = ctx.server.output.slice(from).filter((l) => /\[Search\]/.test(l) && !serverLines.includes(l))
    for (const line of fresh) {
      serverLines.push(line)
      ctx.log(`  server: ${serverMessage(line).slice(0, 200)}`)
    }
  }
  const versionBefore = (await indexVersions(ctx.dbUrl))?.version ?? 0
  ctx.log(`search index: ${before} of ${expected} products indexed (version ${versionBefore}); POST /admin/search-indexes/product/reindex`)
  const t0 = Date.now()
  const job = await admin.post("/admin/search-indexes/product/reindex", {})
  let count = before
  let version = null
  for (;;) {
    await sleep(1000)
    collect()
    version = await indexVersions(ctx.dbUrl)
    if (version?.status === "error") {
      throw new Error(`search reindex failed: version ${version.version} has status "error". Server: ${serverLines.slice(-3).map(serverMessage).join(" | ")}`)
    }
    if (version && version.version > versionBefore && version.status === "ready" && version.active_version === version.version) {
      count = await indexed()
      if (count === expected) break
    }
    if (Date.now() - t0 > timeoutMs) {
      throw new Error(`search reindex: not done after ${Math.round(timeoutMs / 1000)} s (${JSON.stringify(version)}, ${await indexed()} of ${expected} counted)`)
    }
  }
  const seconds = Math.round((Date.now() - t0) / 100) / 10
  await sleep(500)
  collect()
  ctx.log(`search index: version ${version.version} active with ${count} products, ${seconds} s after the reindex request (job ${job.job_id})`)
  return { expected, before, reindexed: true, seconds, version: version.version, jobId: job.job_id, serverLines: serverLines.map(serverMessage) }
}

// ------------------------------------------------------------------ queries

const LETTERS = "abcdefghijklmnopqrstuvwxyz"

/** One edit on `word` (≥ 5 letters): deletion, insertion, substitution or transposition. */
export function typo(word, random, vocabulary) {
  const kinds = ["deletion", "insertion", "substitution", "transposition"]
  for (let attempt = 0; attempt < 50; attempt++) {
    const kind = kinds[Math.floor(random() * kinds.length)]
    const letter = () => LETTERS[Math.floor(random() * LETTERS.length)]
    let out
    let at
    if (kind === "deletion") {
      at = Math.floor(random() * word.length)
      out = word.slice(0, at) + word.slice(at + 1)
    } else if (kind === "insertion") {
      at = Math.floor(random() * (word.length + 1))
      out = word.slice(0, at) + letter() + word.slice(at)
    } else if (kind === "substitution") {
      at = Math.floor(random() * word.length)
      let l
      do l = letter()
      while (l === word[at])
      out = word.slice(0, at) + l + word.slice(at + 1)
    } else {
      at = Math.floor(random() * (word.length - 1))
      if (word[at] === word[at + 1]) continue
      out = word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2)
    }
    // A "typo" that is itself a word of the catalogue would be a different query, not a typo.
    if (out !== word && !vocabulary.has(out)) return { word: out, kind, at }
  }
  throw new Error(`no typo found for "${word}"`)
}

/**
 * ~300 one-typo queries, each aimed at one product drawn at random: two adjacent words of its
 * title (so Medusa's substring search can find them when typed right), one word of five letters
 * or more given a single edit, the product's category as the filter. A pair qualifies only if at
 * most `maxExactMatches` products of the category have both words in their title: otherwise
 * ("oak coffee" in Tables) no engine could be expected to rank this one product in the top 10.
 */
export function buildQueries(products, { count = SEARCH_DATASET.queries, seed = 8 } = {}) {
  const random = rng(seed)
  const vocabulary = new Set(products.flatMap((p) => words(p.title)))
  // Per category: how many titles hold both words of a pair (unordered).
  const pairCounts = new Map()
  const key = (category, a, b) => `${category}\u0000${a < b ? a : b}\u0000${a < b ? b : a}`
  for (const p of products) {
    const w = [...new Set(words(p.title))]
    for (let i = 0; i < w.length; i++) {
      for (let j = i + 1; j < w.length; j++) {
        const k = key(p.categoryId, w[i], w[j])
        pairCounts.set(k, (pairCounts.get(k) ?? 0) + 1)
      }
    }
  }
  const queries = []
  const used = new Set()
  let skipped = 0
  while (queries.length < count && used.size < products.length) {
    const target = products[Math.floor(random() * products.length)]
    if (used.has(target.id)) continue
    used.add(target.id)
    const w = words(target.title)
    const pairs = []
    for (let i = 0; i + 1 < w.length; i++) {
      const exact = pairCounts.get(key(target.categoryId, w[i], w[i + 1])) ?? 0
      if ((w[i].length >= 5 || w[i + 1].length >= 5) && exact <= SEARCH_DATASET.maxExactMatches) pairs.push({ i, exact })
    }
    if (!pairs.length) {
      skipped++
      continue
    }
    const { i, exact } = pairs[Math.floor(random() * pairs.length)]
    const pair = [w[i], w[i + 1]]
    const eligible = [0, 1].filter((k) => pair[k].length >= 5)
    const which = eligible[Math.floor(random() * eligible.length)]
    const edit = typo(pair[which], random, vocabulary)
    const typed = [...pair]
    typed[which] = edit.word
    queries.push({
      productId: target.id,
      title: target.title,
      category: target.category,
      categoryId: target.categoryId,
      exact: pair.join(" "),
      q: typed.join(" "),
      edit: { kind: edit.kind, word: pair[which], at: edit.at },
      exactMatchesInCategory: exact,
    })
  }
  return { queries, skipped }
}
