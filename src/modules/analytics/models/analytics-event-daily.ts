import { model } from "@medusajs/framework/utils"

/** Rollup: how many events of each name arrived per UTC day and sales channel (incremented at every flush). */
const AnalyticsEventDaily = model
  .define("analytics_event_daily", {
    id: model.id({ prefix: "aevd" }).primaryKey(),
    day: model.dateTime(),
    name: model.text(),
    sales_channel_id: model.text().default(""),
    count: model.number().default(0),
  })
  .indexes([{ on: ["day", "name", "sales_channel_id"], unique: true }])

export default AnalyticsEventDaily
