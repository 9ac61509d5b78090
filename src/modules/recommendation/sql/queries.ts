/**
 * The read side of every model: candidate product ids with a score and a reason, before the
 * merchant's rules and the catalogue filters (published, sales channel, stock) are applied.
 * Every statement reads a handful of index ranges; none scans a table.
 */

/**
 * Neighbours of one product by co-occurrence, scored by the Ochiai (cosine) coefficient
 * support / √(n_a · n_b), shrunk by support / (support + shrinkage) so one lucky co-occurrence
 * of two rare products does not outrank a hundred of two popular ones.
 * Parameters: shrinkage, kind, product id, minimum support, limit. The shrinkage is cast: next to
 * the integer support an untyped parameter (a `pg` client's $1) would be read as an integer, and
 * a fractional shrinkage would fail.
 */
export const NEIGHBOURS_SQL = (normaliser: "order_count" | "session_count") => `
SELECT p.related_id AS product_id, p.support,
  (p.support::float8 / sqrt(greatest(sa.${normaliser}, 1)::float8 * greatest(sb.${normaliser}, 1)))
    * (p.support::float8 / (p.support + ?::float8)) AS score
FROM recommendation_pair p
JOIN recommendation_product_stat sa ON sa.product_id = p.product_id AND sa.deleted_at IS NULL
JOIN recommendation_product_stat sb ON sb.product_id = p.related_id AND sb.deleted_at IS NULL
WHERE p.kind = ? AND p.product_id = ? AND p.support >= ? AND p.deleted_at IS NULL
ORDER BY score DESC, p.related_id
LIMIT ?`

/**
 * The terms similarity uses (`t` a recommendation_term, `n.n` the catalogue size): terms held by
 * more than half the catalogue carry no signal (and would make SIMILAR_SQL read most of it). At
 * least 2, so that in a tiny catalogue two products can still share a term. The products' norms
 * use the same test, so a score is the cosine of the vectors the dot product sees: a product
 * identical to the anchor scores 1, and a candidate is not marked down for common terms that
 * count for nothing in the numerator.
 */
export const INFORMATIVE_TERM = `t.product_count <= greatest(2, n.n / 2)`

/**
 * Content-based: cosine similarity of binary TF-IDF vectors over the products' informative
 * terms (see INFORMATIVE_TERM). Parameters: product id, product id, limit.
 */
export const SIMILAR_SQL = `
WITH n AS MATERIALIZED (SELECT count(*)::float8 AS n FROM recommendation_product WHERE deleted_at IS NULL),
anchor AS (SELECT product_id, terms, norm FROM recommendation_product WHERE product_id = ? AND deleted_at IS NULL),
weights AS (
  SELECT t.term, ln((n.n + 1) / (t.product_count + 1)) + 1 AS idf
  FROM anchor
  CROSS JOIN n
  JOIN recommendation_term t ON t.term = ANY (anchor.terms) AND t.deleted_at IS NULL
  WHERE ${INFORMATIVE_TERM}
)
SELECT p.product_id, sum(w.idf * w.idf) / nullif(max(anchor.norm) * p.norm, 0) AS score,
  array_agg(w.term ORDER BY w.idf DESC) AS shared_terms
FROM weights w
JOIN recommendation_product p ON p.terms @> ARRAY[w.term] AND p.deleted_at IS NULL
CROSS JOIN anchor
WHERE p.product_id <> ?
GROUP BY p.product_id, p.norm
ORDER BY score DESC NULLS LAST, p.product_id
LIMIT ?`

/**
 * Time-decayed popularity, optionally within categories. The score is the decayed weight as of
 * now. Parameters: epoch, half-life (hours), category ids (JSON array, or null for all: Medusa's
 * manager inlines a JS array as a comma-separated list, not as a text[]), limit.
 */
export const TRENDING_SQL = `
WITH params AS (
  SELECT ?::timestamptz AS epoch, ?::float8 AS half_life_hours,
    (SELECT array_agg(c) FROM jsonb_array_elements_text(?::jsonb) AS c) AS category_ids
)
SELECT s.product_id,
  power(2::float8, s.trend_log - extract(epoch FROM now() - params.epoch) / (3600.0 * params.half_life_hours)) AS score
FROM recommendation_product_stat s
CROSS JOIN params
WHERE s.trend_log IS NOT NULL AND s.deleted_at IS NULL
  AND (params.category_ids IS NULL OR EXISTS (
    SELECT 1 FROM recommendation_product p
    WHERE p.product_id = s.product_id AND p.deleted_at IS NULL AND p.category_ids && params.category_ids))
ORDER BY s.trend_log DESC, s.product_id
LIMIT ?`

/**
 * A visitor's recent interactions (customer id or anonymous id), each product's weight decayed
 * by age, and the products the visitor bought (and cannot buy again, i.e. not replenishable).
 * Purchases are read over the whole history, not only the recent rows: one long browsing
 * session would otherwise push a purchase out of the window and bring the product back. A
 * product bought before the recent rows comes with a null weight (it leads to nothing).
 * Parameters: customer id, anonymous id, history size, half-life (hours), customer id, anonymous id.
 */
export const HISTORY_SQL = `
WITH recent AS (
  SELECT product_id, weight, occurred_at FROM recommendation_signal
  WHERE deleted_at IS NULL AND (customer_id = ? OR anonymous_id = ?)
  ORDER BY occurred_at DESC
  LIMIT ?
),
decayed AS (
  SELECT product_id, sum(weight * power(2::float8, -extract(epoch FROM now() - occurred_at) / (3600.0 * ?))) AS weight
  FROM recent
  GROUP BY product_id
),
bought AS (
  SELECT DISTINCT product_id FROM recommendation_signal
  WHERE deleted_at IS NULL AND kind = 'purchase' AND (customer_id = ? OR anonymous_id = ?)
)
SELECT coalesce(d.product_id, b.product_id) AS product_id, d.weight,
  b.product_id IS NOT NULL AND NOT coalesce(p.replenishable, false) AS owned
FROM decayed d
FULL JOIN bought b ON b.product_id = d.product_id
LEFT JOIN recommendation_product p ON p.product_id = coalesce(d.product_id, b.product_id) AND p.deleted_at IS NULL`

/**
 * Item-based collaborative filtering: every neighbour of the visitor's products, by both
 * co-occurrence models, weighted by how much the visitor engaged with the product that led to
 * it. Keeps the strongest "because" for the reason. Parameters: history (JSON [{product_id,
 * weight, owned}]; a weight of 0 only excludes an owned product), shrinkage, bought-together
 * weight, also-viewed weight, minimum support, limit.
 */
export const PERSONALIZED_SQL = `
WITH history AS (
  SELECT * FROM jsonb_to_recordset(?::jsonb) AS h(product_id text, weight float8, owned boolean)
),
params AS (SELECT ?::float8 AS shrinkage, ?::float8 AS bt_weight, ?::float8 AS av_weight, ?::int AS min_support),
contributions AS (
  SELECT p.related_id AS product_id, h.product_id AS because, p.kind,
    h.weight * CASE p.kind WHEN 'bought_together' THEN params.bt_weight ELSE params.av_weight END
      * (p.support::float8 / sqrt(greatest(CASE p.kind WHEN 'bought_together' THEN sa.order_count ELSE sa.session_count END, 1)::float8
                                * greatest(CASE p.kind WHEN 'bought_together' THEN sb.order_count ELSE sb.session_count END, 1)))
      * (p.support::float8 / (p.support + params.shrinkage)) AS contribution
  FROM history h
  CROSS JOIN params
  -- One range of the (product_id, kind, related_id) index per history product.
  JOIN recommendation_pair p ON p.kind IN ('bought_together', 'also_viewed') AND p.product_id = h.product_id
    AND p.deleted_at IS NULL AND p.support >= params.min_support AND h.weight > 0
  JOIN recommendation_product_stat sa ON sa.product_id = p.product_id AND sa.deleted_at IS NULL
  JOIN recommendation_product_stat sb ON sb.product_id = p.related_id AND sb.deleted_at IS NULL
)
SELECT c.product_id, sum(c.contribution) AS score,
  (array_agg(c.because ORDER BY c.contribution DESC))[1] AS because,
  (array_agg(c.kind ORDER BY c.contribution DESC))[1] AS kind
FROM contributions c
WHERE NOT EXISTS (SELECT 1 FROM history h WHERE h.product_id = c.product_id AND h.owned)
GROUP BY c.product_id
ORDER BY score DESC, c.product_id
LIMIT ?`
