import { model } from "@medusajs/framework/utils"

export const ANALYTICS_EVENT_SOURCES = ["store", "server", "provider"] as const
export type AnalyticsEventSource = (typeof ANALYTICS_EVENT_SOURCES)[number]

/**
 * One tracked event, append-only. Written only in batches by the service's buffer (raw
 * `INSERT … SELECT FROM jsonb_to_recordset`), never updated. The migration adds a BRIN index
 * on `occurred_at` (events arrive roughly in time order, so a BRIN index stays a few pages
 * for millions of rows) and leaves out DML's usual `deleted_at` index: nothing is soft-deleted.
 * `event_key` makes a redelivered event a no-op: the storefront's own event id, or
 * `<event>:<entity id>` for server-side events.
 */
const AnalyticsEvent = model
  .define("analytics_event", {
    id: model.id({ prefix: "aevt" }).primaryKey(),
    name: model.text(),
    source: model.enum([...ANALYTICS_EVENT_SOURCES]),
    occurred_at: model.dateTime(),
    event_key: model.text().nullable(),
    session_key: model.text().nullable(),
    anonymous_id: model.text().nullable(),
    session_id: model.text().nullable(),
    customer_id: model.text().nullable(),
    sales_channel_id: model.text().nullable(),
    product_id: model.text().nullable(),
    cart_id: model.text().nullable(),
    order_id: model.text().nullable(),
    properties: model.json().nullable(),
  })
  .indexes([
    { on: ["event_key"], unique: true },
    { on: ["cart_id"], where: "cart_id IS NOT NULL" },
    { on: ["product_id", "occurred_at"], where: "product_id IS NOT NULL" },
  ])

export default AnalyticsEvent
