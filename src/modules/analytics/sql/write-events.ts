import { FUNNEL_STEPS } from "../models/analytics-session"

const stepBit = `CASE i.name ${FUNNEL_STEPS.map((s) => `WHEN '${s.step}' THEN ${s.bit}`).join(" ")} ELSE 0 END`

/**
 * One statement per batch: insert the events (a known `event_key` is skipped), then fold only
 * the rows really inserted into the daily counts and the session rollup, and return the new
 * product events (for the recommendation module, see written-events.ts). A redelivered batch
 * therefore changes nothing, and the rollups always agree with the events. The batch is one
 * JSON parameter; rows are grouped before each upsert because ON CONFLICT may touch a row once.
 * Ids are made here (`aevt_` + a random UUID's hex): Medusa's ULID generator costs ~30 µs an
 * id in Node, over a fifth of the server's work on a batch of 50.
 */
export const WRITE_EVENTS_SQL = `
WITH input AS (
  SELECT * FROM jsonb_to_recordset(?::jsonb) AS x(
    name text, source text, occurred_at timestamptz, event_key text, session_key text,
    anonymous_id text, session_id text, customer_id text, sales_channel_id text, product_id text,
    cart_id text, order_id text, properties jsonb)
),
inserted AS (
  INSERT INTO analytics_event (id, name, source, occurred_at, event_key, session_key, anonymous_id,
    session_id, customer_id, sales_channel_id, product_id, cart_id, order_id, properties)
  SELECT 'aevt_' || replace(gen_random_uuid()::text, '-', ''), name, source, occurred_at, event_key, session_key, anonymous_id, session_id,
    customer_id, sales_channel_id, product_id, cart_id, order_id, properties
  FROM input
  ON CONFLICT (event_key) WHERE deleted_at IS NULL DO NOTHING
  RETURNING id, name, occurred_at, session_key, customer_id, sales_channel_id, anonymous_id, product_id
),
daily AS (
  INSERT INTO analytics_event_daily (id, day, name, sales_channel_id, count)
  SELECT 'aevd_' || replace(gen_random_uuid()::text, '-', ''), date_trunc('day', occurred_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC',
    name, coalesce(sales_channel_id, ''), count(*)
  FROM inserted
  GROUP BY 2, 3, 4
  ON CONFLICT (day, name, sales_channel_id) WHERE deleted_at IS NULL
  DO UPDATE SET count = analytics_event_daily.count + excluded.count, updated_at = now()
  RETURNING 1
),
sessions AS (
  INSERT INTO analytics_session (id, session_key, started_at, last_seen_at, steps, event_count, customer_id, sales_channel_id)
  SELECT 'ases_' || replace(gen_random_uuid()::text, '-', ''), i.session_key, min(i.occurred_at), max(i.occurred_at),
    bit_or(${stepBit}), count(*), max(i.customer_id), max(i.sales_channel_id)
  FROM inserted i
  WHERE i.session_key IS NOT NULL
  GROUP BY i.session_key
  ON CONFLICT (session_key) WHERE deleted_at IS NULL
  DO UPDATE SET
    started_at = least(analytics_session.started_at, excluded.started_at),
    last_seen_at = greatest(analytics_session.last_seen_at, excluded.last_seen_at),
    steps = analytics_session.steps | excluded.steps,
    event_count = analytics_session.event_count + excluded.event_count,
    customer_id = coalesce(excluded.customer_id, analytics_session.customer_id),
    sales_channel_id = coalesce(analytics_session.sales_channel_id, excluded.sales_channel_id),
    updated_at = now()
  RETURNING 1
)
SELECT (SELECT count(*) FROM inserted)::int AS inserted,
  (SELECT coalesce(jsonb_agg(jsonb_build_object('id', id, 'name', name, 'occurred_at', occurred_at,
     'session_key', session_key, 'customer_id', customer_id, 'anonymous_id', anonymous_id,
     'sales_channel_id', sales_channel_id, 'product_id', product_id)), '[]'::jsonb)
   FROM inserted WHERE product_id IS NOT NULL) AS product_events
`
