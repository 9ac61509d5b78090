import { model } from "@medusajs/framework/utils"

/**
 * Per-product counters the models normalise by, and the trending score.
 *
 * `trend_log` is log2 of Σ weight · 2^((t − epoch) / half-life) over the product's signals:
 * adding a signal is a commutative update (order of arrival does not matter), ranking by it
 * ranks by the time-decayed popularity, and in log form it never overflows however long the
 * store runs. The current decayed score is 2^(trend_log − (now − epoch) / half-life).
 */
const RecommendationProductStat = model
  .define("recommendation_product_stat", {
    id: model.id({ prefix: "rpst" }).primaryKey(),
    product_id: model.text(),
    /** Orders containing the product (bought-together's normaliser). */
    order_count: model.number().default(0),
    /** Sessions that viewed the product (also-viewed's normaliser). */
    session_count: model.number().default(0),
    view_count: model.number().default(0),
    cart_count: model.number().default(0),
    purchase_count: model.number().default(0),
    /** double precision in the migration (DML's float is `real`, too coarse for a growing log). */
    trend_log: model.float().nullable(),
    last_signal_at: model.dateTime().nullable(),
  })
  .indexes([{ on: ["product_id"], unique: true }, { on: ["trend_log"] }])

export default RecommendationProductStat
