import { model } from "@medusajs/framework/utils"

export const SIGNAL_KINDS = ["view", "cart", "purchase", "wishlist", "review"] as const
export type SignalKind = (typeof SIGNAL_KINDS)[number]

/**
 * One interaction of a visitor with a product, the input of every model. Append-only and
 * idempotent: `event_key` is the analytics event's key (views), `purchase:<order>:<product>`
 * or `cart:<line item>:<quantity>`. The subject is the customer when known, else the
 * storefront's anonymous id; `session_key` groups views for "also viewed".
 */
const RecommendationSignal = model
  .define("recommendation_signal", {
    id: model.id({ prefix: "rsig" }).primaryKey(),
    event_key: model.text(),
    kind: model.enum([...SIGNAL_KINDS]),
    product_id: model.text(),
    customer_id: model.text().nullable(),
    anonymous_id: model.text().nullable(),
    session_key: model.text().nullable(),
    order_id: model.text().nullable(),
    weight: model.float(),
    occurred_at: model.dateTime(),
  })
  .indexes([
    { on: ["event_key"], unique: true },
    { on: ["customer_id", "occurred_at"], where: "customer_id IS NOT NULL" },
    { on: ["anonymous_id", "occurred_at"], where: "anonymous_id IS NOT NULL" },
    { on: ["order_id"], where: "order_id IS NOT NULL" },
    { on: ["occurred_at"] },
  ])

export default RecommendationSignal
