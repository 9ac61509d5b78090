/**
 * One statement per batch of signals. It inserts the signals (a known `event_key` is skipped)
 * and folds only the rows really inserted into the models, so a redelivered batch changes
 * nothing:
 * - per-product counters and the trending score (`trend_log`, see RecommendationProductStat),
 * - "also viewed": a product's first view in a session pairs it with the session's other
 *   products viewed within the window (existing ones, and new ones of this batch counted once),
 * - "bought together": an order's new purchases pair with its other products.
 * Pairs are stored in both directions. Every sub-statement sees the tables as they were before
 * the statement, which is what makes "pair with the earlier products" exact within a batch.
 *
 * Parameters: signals (JSON), epoch, half-life (hours), also-viewed window (seconds) twice.
 */
export const RECORD_SIGNALS_SQL = `
WITH input AS (
  SELECT DISTINCT ON (event_key) * FROM jsonb_to_recordset(?::jsonb) AS x(
    event_key text, kind text, product_id text, customer_id text, anonymous_id text,
    session_key text, order_id text, weight float8, occurred_at timestamptz)
  ORDER BY event_key
),
params AS (SELECT ?::timestamptz AS epoch, ?::float8 AS half_life_hours, ?::float8 AS window_seconds),
inserted AS (
  INSERT INTO recommendation_signal (id, event_key, kind, product_id, customer_id, anonymous_id,
    session_key, order_id, weight, occurred_at)
  SELECT 'rsig_' || replace(gen_random_uuid()::text, '-', ''), event_key, kind, product_id, customer_id,
    anonymous_id, session_key, order_id, weight, occurred_at
  FROM input
  ON CONFLICT (event_key) WHERE deleted_at IS NULL DO NOTHING
  RETURNING kind, product_id, session_key, order_id, weight, occurred_at
),
new_session_items AS (
  INSERT INTO recommendation_session_item (id, session_key, product_id, first_at)
  SELECT 'rses_' || replace(gen_random_uuid()::text, '-', ''), session_key, product_id, min(occurred_at)
  FROM inserted
  WHERE kind = 'view' AND session_key IS NOT NULL
  GROUP BY session_key, product_id
  ON CONFLICT (session_key, product_id) WHERE deleted_at IS NULL DO NOTHING
  RETURNING session_key, product_id, first_at
),
view_pairs AS (
  SELECT n.product_id AS a, s.product_id AS b
  FROM new_session_items n
  JOIN recommendation_session_item s ON s.session_key = n.session_key AND s.product_id <> n.product_id
    AND s.deleted_at IS NULL
  CROSS JOIN params
  WHERE abs(extract(epoch FROM s.first_at - n.first_at)) <= params.window_seconds
  UNION ALL
  SELECT n1.product_id, n2.product_id
  FROM new_session_items n1
  JOIN new_session_items n2 ON n2.session_key = n1.session_key AND n1.product_id < n2.product_id
  CROSS JOIN params
  WHERE abs(extract(epoch FROM n2.first_at - n1.first_at)) <= params.window_seconds
),
new_purchases AS (
  SELECT DISTINCT order_id, product_id FROM inserted WHERE kind = 'purchase' AND order_id IS NOT NULL
),
order_pairs AS (
  SELECT n.product_id AS a, s.product_id AS b
  FROM new_purchases n
  JOIN recommendation_signal s ON s.order_id = n.order_id AND s.kind = 'purchase'
    AND s.product_id <> n.product_id AND s.deleted_at IS NULL
  UNION ALL
  SELECT n1.product_id, n2.product_id
  FROM new_purchases n1
  JOIN new_purchases n2 ON n2.order_id = n1.order_id AND n1.product_id < n2.product_id
),
directed AS (
  SELECT 'also_viewed' AS kind, a, b FROM view_pairs
  UNION ALL SELECT 'also_viewed', b, a FROM view_pairs
  UNION ALL SELECT 'bought_together', a, b FROM order_pairs
  UNION ALL SELECT 'bought_together', b, a FROM order_pairs
),
pairs AS (
  INSERT INTO recommendation_pair (id, kind, product_id, related_id, support)
  SELECT 'rpair_' || replace(gen_random_uuid()::text, '-', ''), kind, a, b, count(*)
  FROM directed
  GROUP BY kind, a, b
  ON CONFLICT (kind, product_id, related_id) WHERE deleted_at IS NULL
  DO UPDATE SET support = recommendation_pair.support + excluded.support, updated_at = now()
  RETURNING 1
),
trend_terms AS (
  SELECT product_id, x, max(x) OVER (PARTITION BY product_id) AS m
  FROM (
    SELECT i.product_id,
      ln(i.weight) / ln(2) + extract(epoch FROM i.occurred_at - params.epoch) / (3600.0 * params.half_life_hours) AS x
    FROM inserted i CROSS JOIN params
    WHERE i.weight > 0
  ) t
),
trend AS (
  SELECT product_id, max(m) + ln(sum(power(2::float8, x - m))) / ln(2) AS trend_log
  FROM trend_terms GROUP BY product_id
),
counts AS (
  SELECT i.product_id,
    count(*) FILTER (WHERE i.kind = 'view') AS views,
    count(*) FILTER (WHERE i.kind = 'cart') AS carts,
    count(*) FILTER (WHERE i.kind = 'purchase') AS purchases,
    count(DISTINCT i.order_id) FILTER (WHERE i.kind = 'purchase') AS orders,
    max(i.occurred_at) AS last_at
  FROM inserted i GROUP BY i.product_id
),
sessions AS (SELECT product_id, count(*) AS sessions FROM new_session_items GROUP BY product_id),
stats AS (
  INSERT INTO recommendation_product_stat (id, product_id, order_count, session_count, view_count,
    cart_count, purchase_count, trend_log, last_signal_at)
  SELECT 'rpst_' || replace(gen_random_uuid()::text, '-', ''), c.product_id, c.orders, coalesce(s.sessions, 0),
    c.views, c.carts, c.purchases, t.trend_log, c.last_at
  FROM counts c
  LEFT JOIN sessions s ON s.product_id = c.product_id
  LEFT JOIN trend t ON t.product_id = c.product_id
  ON CONFLICT (product_id) WHERE deleted_at IS NULL
  DO UPDATE SET
    order_count = recommendation_product_stat.order_count + excluded.order_count,
    session_count = recommendation_product_stat.session_count + excluded.session_count,
    view_count = recommendation_product_stat.view_count + excluded.view_count,
    cart_count = recommendation_product_stat.cart_count + excluded.cart_count,
    purchase_count = recommendation_product_stat.purchase_count + excluded.purchase_count,
    trend_log = CASE
      WHEN excluded.trend_log IS NULL THEN recommendation_product_stat.trend_log
      WHEN recommendation_product_stat.trend_log IS NULL THEN excluded.trend_log
      ELSE greatest(recommendation_product_stat.trend_log, excluded.trend_log)
        + ln(1 + power(2::float8, least(recommendation_product_stat.trend_log, excluded.trend_log)
          - greatest(recommendation_product_stat.trend_log, excluded.trend_log))) / ln(2)
    END,
    last_signal_at = greatest(recommendation_product_stat.last_signal_at, excluded.last_signal_at),
    updated_at = now()
  RETURNING 1
)
SELECT
  (SELECT count(*) FROM inserted)::int AS inserted,
  (SELECT count(*) FROM inserted WHERE kind = 'purchase')::int AS purchases,
  (SELECT count(*) FROM pairs)::int AS pairs,
  (SELECT count(*) FROM stats)::int AS products
`
