import { model } from "@medusajs/framework/utils"

/**
 * The products a session viewed, each once, with its first view. A view pairs with the
 * session's earlier products only the first time its product appears, so "also viewed" counts
 * sessions, not page refreshes. The nightly rebuild keeps only the items of sessions still active.
 */
const RecommendationSessionItem = model
  .define("recommendation_session_item", {
    id: model.id({ prefix: "rses" }).primaryKey(),
    session_key: model.text(),
    product_id: model.text(),
    first_at: model.dateTime(),
  })
  .indexes([{ on: ["session_key", "product_id"], unique: true }, { on: ["first_at"] }])

export default RecommendationSessionItem
