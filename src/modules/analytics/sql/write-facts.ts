/** `{ value, precision }`, the companion `raw_*` column Medusa's bigNumber fields keep. */
const raw = (column: string) => `jsonb_build_object('value', ${column}::text, 'precision', 20)`

const ORDER_COLUMNS = `id text, order_id text, placed_at timestamptz, canceled_at timestamptz, currency_code text,
  region_id text, sales_channel_id text, customer_id text, cart_id text, total numeric, subtotal numeric,
  tax_total numeric, shipping_total numeric, discount_total numeric, units int`

/** Orders are upserted: a redelivered `order.placed`, a cancellation or the backfill rewrite the same row. */
export const UPSERT_ORDERS_SQL = `
INSERT INTO analytics_order (id, order_id, placed_at, canceled_at, currency_code, region_id, sales_channel_id,
  customer_id, cart_id, total, raw_total, subtotal, raw_subtotal, tax_total, raw_tax_total, shipping_total,
  raw_shipping_total, discount_total, raw_discount_total, units)
SELECT id, order_id, placed_at, canceled_at, currency_code, region_id, sales_channel_id, customer_id, cart_id,
  total, ${raw("total")}, subtotal, ${raw("subtotal")}, tax_total, ${raw("tax_total")}, shipping_total,
  ${raw("shipping_total")}, discount_total, ${raw("discount_total")}, units
FROM jsonb_to_recordset(?::jsonb) AS x(${ORDER_COLUMNS})
ON CONFLICT (order_id) WHERE deleted_at IS NULL DO UPDATE SET
  canceled_at = excluded.canceled_at, currency_code = excluded.currency_code, region_id = excluded.region_id,
  sales_channel_id = excluded.sales_channel_id, customer_id = excluded.customer_id, cart_id = excluded.cart_id,
  total = excluded.total, raw_total = excluded.raw_total, subtotal = excluded.subtotal, raw_subtotal = excluded.raw_subtotal,
  tax_total = excluded.tax_total, raw_tax_total = excluded.raw_tax_total, shipping_total = excluded.shipping_total,
  raw_shipping_total = excluded.raw_shipping_total, discount_total = excluded.discount_total,
  raw_discount_total = excluded.raw_discount_total, units = excluded.units, updated_at = now()
`

export const UPSERT_ORDER_LINES_SQL = `
INSERT INTO analytics_order_line (id, order_id, line_item_id, placed_at, canceled, currency_code, region_id,
  sales_channel_id, product_id, variant_id, product_title, category_ids, quantity, total, raw_total)
SELECT id, order_id, line_item_id, placed_at, canceled, currency_code, region_id, sales_channel_id, product_id,
  variant_id, product_title, coalesce(category_ids, '{}'), quantity, total, ${raw("total")}
FROM jsonb_to_recordset(?::jsonb) AS x(id text, order_id text, line_item_id text, placed_at timestamptz,
  canceled boolean, currency_code text, region_id text, sales_channel_id text, product_id text, variant_id text,
  product_title text, category_ids text[], quantity int, total numeric)
ON CONFLICT (line_item_id) WHERE deleted_at IS NULL DO UPDATE SET
  canceled = excluded.canceled, quantity = excluded.quantity, total = excluded.total, raw_total = excluded.raw_total,
  category_ids = excluded.category_ids, product_title = excluded.product_title, updated_at = now()
`

/** Refunds never change once made: a redelivery is skipped. */
export const INSERT_REFUNDS_SQL = `
INSERT INTO analytics_refund (id, refund_id, order_id, refunded_at, currency_code, region_id, sales_channel_id, amount, raw_amount)
SELECT id, refund_id, order_id, refunded_at, currency_code, region_id, sales_channel_id, amount, ${raw("amount")}
FROM jsonb_to_recordset(?::jsonb) AS x(id text, refund_id text, order_id text, refunded_at timestamptz,
  currency_code text, region_id text, sales_channel_id text, amount numeric)
ON CONFLICT (refund_id) WHERE deleted_at IS NULL DO NOTHING
`

/** A cart only moves forward: once it held items or was completed, a later event cannot undo that. */
export const UPSERT_CARTS_SQL = `
INSERT INTO analytics_cart (id, cart_id, created_at_cart, has_items, completed_at, currency_code, region_id, sales_channel_id)
SELECT id, cart_id, created_at_cart, has_items, completed_at, currency_code, region_id, sales_channel_id
FROM jsonb_to_recordset(?::jsonb) AS x(id text, cart_id text, created_at_cart timestamptz, has_items boolean,
  completed_at timestamptz, currency_code text, region_id text, sales_channel_id text)
ON CONFLICT (cart_id) WHERE deleted_at IS NULL DO UPDATE SET
  has_items = analytics_cart.has_items OR excluded.has_items,
  completed_at = coalesce(analytics_cart.completed_at, excluded.completed_at),
  currency_code = excluded.currency_code, region_id = excluded.region_id,
  sales_channel_id = excluded.sales_channel_id, updated_at = now()
`

export const INSERT_REGISTRATIONS_SQL = `
INSERT INTO analytics_registration (id, customer_id, registered_at)
SELECT id, customer_id, registered_at
FROM jsonb_to_recordset(?::jsonb) AS x(id text, customer_id text, registered_at timestamptz)
ON CONFLICT (customer_id) WHERE deleted_at IS NULL DO NOTHING
`
