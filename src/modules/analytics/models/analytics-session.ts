import { model } from "@medusajs/framework/utils"

/**
 * Funnel steps as bits of `analytics_session.steps`: a session's row is OR-ed with the steps
 * its events reach, so the funnel for a period is one scan of sessions, not of events.
 */
export const FUNNEL_STEPS = [
  { step: "product_viewed", bit: 1 },
  { step: "product_added_to_cart", bit: 2 },
  { step: "checkout_started", bit: 4 },
  { step: "order_placed", bit: 8 },
] as const
export type FunnelStep = (typeof FUNNEL_STEPS)[number]["step"]

/**
 * Rollup of one visitor session (the storefront's session id, else its anonymous id), upserted
 * at every buffer flush: when it started, what it reached, how many events it sent.
 */
const AnalyticsSession = model
  .define("analytics_session", {
    id: model.id({ prefix: "ases" }).primaryKey(),
    session_key: model.text(),
    started_at: model.dateTime(),
    last_seen_at: model.dateTime(),
    steps: model.number().default(0),
    event_count: model.number().default(0),
    customer_id: model.text().nullable(),
    sales_channel_id: model.text().nullable(),
  })
  .indexes([{ on: ["session_key"], unique: true }, { on: ["started_at"] }])

export default AnalyticsSession
