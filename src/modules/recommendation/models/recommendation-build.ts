import { model } from "@medusajs/framework/utils"

export const BUILD_STATUSES = ["running", "succeeded", "failed"] as const

/**
 * One full rebuild of the models: its progress while it runs, its counts when done. The
 * migration adds a unique index on running builds: two processes cannot run one each.
 */
const RecommendationBuild = model
  .define("recommendation_build", {
    id: model.id({ prefix: "rbld" }).primaryKey(),
    status: model.enum([...BUILD_STATUSES]).default("running"),
    trigger: model.text(),
    step: model.text().nullable(),
    steps_done: model.number().default(0),
    steps_total: model.number().default(0),
    started_at: model.dateTime(),
    finished_at: model.dateTime().nullable(),
    error: model.text().nullable(),
    counts: model.json().nullable(),
  })
  .indexes([{ on: ["started_at"] }])

export default RecommendationBuild
