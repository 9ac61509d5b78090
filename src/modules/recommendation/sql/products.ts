import { INFORMATIVE_TERM } from "./queries"

/**
 * Each product's length in TF-IDF space, √Σ idf², over the same informative terms similarity
 * reads (a common term in the norm but not in the dot product would lower every score of a
 * product for terms that say nothing). Shared by the upsert and the rebuild.
 */
/** `n` is materialised: inlined, it was recounted once per product on a first import (no statistics yet). */
const NORMS = (where: string) => `
WITH n AS MATERIALIZED (SELECT count(*)::float8 AS n FROM recommendation_product WHERE deleted_at IS NULL),
norms AS (
  SELECT p.id, sqrt(coalesce(sum(power(ln((n.n + 1) / (t.product_count + 1)) + 1, 2)), 0)) AS norm
  FROM recommendation_product p
  CROSS JOIN n
  LEFT JOIN LATERAL unnest(p.terms) AS pt(term) ON true
  LEFT JOIN recommendation_term t ON t.term = pt.term AND t.deleted_at IS NULL AND ${INFORMATIVE_TERM}
  WHERE p.deleted_at IS NULL AND ${where}
  GROUP BY p.id
)
UPDATE recommendation_product p SET norm = norms.norm FROM norms WHERE norms.id = p.id`

/**
 * Product ids go in as a JSON array, not a text[] parameter: Medusa's manager (MikroORM) inlines
 * parameters and spells a JS array as a comma-separated list, `ANY ('a', 'b'::text[])`, which is
 * a syntax error; JSON reads the same through it and through a plain `pg` client (the bench).
 */
const IDS = `(SELECT jsonb_array_elements_text(?::jsonb))`

/**
 * Upserts product profiles and moves each term's document frequency by the terms a product
 * gained or lost, then recomputes these products' norms. Other products' norms drift slightly
 * as frequencies change; the rebuild recomputes them all. Parameters: profiles (JSON), then the
 * product ids (JSON array).
 */
export const UPSERT_PRODUCTS_SQL = [
  `WITH input AS (
     SELECT * FROM jsonb_to_recordset(?::jsonb) AS x(product_id text, title text, terms text[], category_ids text[], replenishable boolean)
   ),
   old AS (
     SELECT p.product_id, t.term FROM recommendation_product p
     JOIN input i ON i.product_id = p.product_id
     CROSS JOIN LATERAL unnest(p.terms) AS t(term)
     WHERE p.deleted_at IS NULL
   ),
   new AS (SELECT i.product_id, t.term FROM input i CROSS JOIN LATERAL unnest(i.terms) AS t(term)),
   delta AS (
     SELECT term, sum(d)::int AS d FROM (
       SELECT n.term, 1 AS d FROM new n
       WHERE NOT EXISTS (SELECT 1 FROM old o WHERE o.product_id = n.product_id AND o.term = n.term)
       UNION ALL
       SELECT o.term, -1 FROM old o
       WHERE NOT EXISTS (SELECT 1 FROM new n WHERE n.product_id = o.product_id AND n.term = o.term)
     ) x
     GROUP BY term HAVING sum(d) <> 0
   ),
   products AS (
     INSERT INTO recommendation_product (id, product_id, title, terms, category_ids, replenishable)
     SELECT 'rprd_' || replace(gen_random_uuid()::text, '-', ''), product_id, title, terms, category_ids, replenishable FROM input
     ON CONFLICT (product_id) WHERE deleted_at IS NULL DO UPDATE SET
       title = excluded.title, terms = excluded.terms, category_ids = excluded.category_ids,
       replenishable = excluded.replenishable, updated_at = now()
     RETURNING 1
   )
   INSERT INTO recommendation_term (id, term, product_count)
   SELECT 'rterm_' || replace(gen_random_uuid()::text, '-', ''), term, d FROM delta
   ON CONFLICT (term) WHERE deleted_at IS NULL DO UPDATE SET
     product_count = recommendation_term.product_count + excluded.product_count, updated_at = now()`,
  `DELETE FROM recommendation_term WHERE product_count <= 0`,
  NORMS(`p.product_id IN ${IDS}`),
]

/** Removes product profiles and their terms' document frequencies. Parameters: product ids (JSON array). */
export const REMOVE_PRODUCTS_SQL = [
  `WITH removed AS (DELETE FROM recommendation_product WHERE product_id IN ${IDS} RETURNING terms),
   delta AS (SELECT u.term, count(*)::int AS c FROM removed CROSS JOIN LATERAL unnest(removed.terms) AS u(term) GROUP BY u.term)
   UPDATE recommendation_term t SET product_count = t.product_count - delta.c, updated_at = now()
   FROM delta WHERE t.term = delta.term`,
  `DELETE FROM recommendation_term WHERE product_count <= 0`,
]

export const ALL_NORMS_SQL = NORMS("true")
