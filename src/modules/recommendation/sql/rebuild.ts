import { ALL_NORMS_SQL } from "./products"

/**
 * The full rebuild, one statement per model, each run in its own transaction after locking the
 * table it replaces (see the service): incremental writers wait for that step and then add on
 * top of a consistent table. Pairs keep the top K neighbours per product (`?` = K); a pruned
 * pair starts counting again from zero until the next rebuild.
 */

/** Term document frequencies, then each product's TF-IDF norm. Parameters: none. */
export const REBUILD_TERMS_SQL = [
  `DELETE FROM recommendation_term`,
  `INSERT INTO recommendation_term (id, term, product_count)
   SELECT 'rterm_' || replace(gen_random_uuid()::text, '-', ''), term, count(*)
   FROM (SELECT DISTINCT product_id, unnest(terms) AS term FROM recommendation_product WHERE deleted_at IS NULL) t
   GROUP BY term`,
  ALL_NORMS_SQL,
]

/** Per-product counters and trending. Parameters: epoch, half-life (hours). */
export const REBUILD_STATS_SQL = [
  `DELETE FROM recommendation_product_stat`,
  `WITH params AS (SELECT ?::timestamptz AS epoch, ?::float8 AS half_life_hours),
   terms AS (
     SELECT s.product_id,
       ln(s.weight) / ln(2) + extract(epoch FROM s.occurred_at - params.epoch) / (3600.0 * params.half_life_hours) AS x
     FROM recommendation_signal s CROSS JOIN params
     WHERE s.deleted_at IS NULL AND s.weight > 0
   ),
   trend AS (
     SELECT product_id, max(m) + ln(sum(power(2::float8, x - m))) / ln(2) AS trend_log
     FROM (SELECT product_id, x, max(x) OVER (PARTITION BY product_id) AS m FROM terms) t
     GROUP BY product_id
   ),
   counts AS (
     SELECT product_id,
       count(DISTINCT order_id) FILTER (WHERE kind = 'purchase') AS orders,
       count(DISTINCT session_key) FILTER (WHERE kind = 'view') AS sessions,
       count(*) FILTER (WHERE kind = 'view') AS views,
       count(*) FILTER (WHERE kind = 'cart') AS carts,
       count(*) FILTER (WHERE kind = 'purchase') AS purchases,
       max(occurred_at) AS last_at
     FROM recommendation_signal WHERE deleted_at IS NULL
     GROUP BY product_id
   )
   INSERT INTO recommendation_product_stat (id, product_id, order_count, session_count, view_count,
     cart_count, purchase_count, trend_log, last_signal_at)
   SELECT 'rpst_' || replace(gen_random_uuid()::text, '-', ''), c.product_id, c.orders, c.sessions, c.views,
     c.carts, c.purchases, t.trend_log, c.last_at
   FROM counts c LEFT JOIN trend t ON t.product_id = c.product_id`,
]

const KEEP_TOP_K = (kind: string, normaliser: string) => `
   scored AS (
     SELECT c.a, c.b, c.support,
       row_number() OVER (PARTITION BY c.a ORDER BY
         c.support::float8 / sqrt(greatest(sa.${normaliser}, 1)::float8 * greatest(sb.${normaliser}, 1)) DESC, c.b) AS rank
     FROM co c
     JOIN recommendation_product_stat sa ON sa.product_id = c.a AND sa.deleted_at IS NULL
     JOIN recommendation_product_stat sb ON sb.product_id = c.b AND sb.deleted_at IS NULL
   )
   INSERT INTO recommendation_pair (id, kind, product_id, related_id, support)
   SELECT 'rpair_' || replace(gen_random_uuid()::text, '-', ''), '${kind}', a, b, support
   FROM scored WHERE rank <= ?`

/** Co-purchases within orders. Parameters: K. */
export const REBUILD_BOUGHT_TOGETHER_SQL = [
  `DELETE FROM recommendation_pair WHERE kind = 'bought_together'`,
  `WITH items AS (
     SELECT DISTINCT order_id, product_id FROM recommendation_signal
     WHERE kind = 'purchase' AND order_id IS NOT NULL AND deleted_at IS NULL
   ),
   co AS (
     SELECT i1.product_id AS a, i2.product_id AS b, count(*) AS support
     FROM items i1 JOIN items i2 ON i2.order_id = i1.order_id AND i2.product_id <> i1.product_id
     GROUP BY 1, 2
   ),${KEEP_TOP_K("bought_together", "order_count")}`,
]

/**
 * Co-views within sessions, each product counted at its first view in the session; then the
 * session items the incremental path needs: every product of each session with a view inside
 * the window. New views pair with those within the window of their first view, and a product
 * viewed again is recognised as not new. Keeping only the products last viewed inside the window
 * would forget an active session's earlier products: a product viewed again would start the
 * session over, counting it twice and pairing it with products the rebuild does not pair it with.
 * Parameters: window (seconds), K, window (seconds).
 */
export const REBUILD_ALSO_VIEWED_SQL = [
  `DELETE FROM recommendation_pair WHERE kind = 'also_viewed'`,
  `WITH items AS (
     SELECT session_key, product_id, min(occurred_at) AS first_at FROM recommendation_signal
     WHERE kind = 'view' AND session_key IS NOT NULL AND deleted_at IS NULL
     GROUP BY session_key, product_id
   ),
   co AS (
     SELECT i1.product_id AS a, i2.product_id AS b, count(*) AS support
     FROM items i1 JOIN items i2 ON i2.session_key = i1.session_key AND i2.product_id <> i1.product_id
     WHERE abs(extract(epoch FROM i2.first_at - i1.first_at)) <= ?
     GROUP BY 1, 2
   ),${KEEP_TOP_K("also_viewed", "session_count")}`,
  `DELETE FROM recommendation_session_item`,
  `WITH active AS (
     SELECT DISTINCT session_key FROM recommendation_signal
     WHERE kind = 'view' AND session_key IS NOT NULL AND deleted_at IS NULL
       AND occurred_at >= now() - make_interval(secs => ?)
   )
   INSERT INTO recommendation_session_item (id, session_key, product_id, first_at)
   SELECT 'rses_' || replace(gen_random_uuid()::text, '-', ''), s.session_key, s.product_id, min(s.occurred_at)
   FROM recommendation_signal s
   JOIN active a ON a.session_key = s.session_key
   WHERE s.kind = 'view' AND s.deleted_at IS NULL
   GROUP BY s.session_key, s.product_id`,
]
