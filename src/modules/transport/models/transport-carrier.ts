import { model } from "@medusajs/framework/utils"
import TransportServiceLevel from "./transport-service-level"

/**
 * A carrier Emporium ships with. `code` names its adapter (`house` is built in); the webhook
 * secret verifies the carrier's tracking webhooks and is never returned by the API.
 */
const TransportCarrier = model
  .define("transport_carrier", {
    id: model.id({ prefix: "tcar" }).primaryKey(),
    code: model.text().searchable(),
    name: model.text(),
    /** cm³ per kg: dimensional weight in kg is L×W×H (cm) / divisor. 5000 is the common courier value. */
    dim_divisor: model.number().default(5000),
    /** `{tracking_number}` is replaced; shown to customers and printed on labels. */
    tracking_url_template: model.text(),
    webhook_secret: model.text().nullable(),
    /** Webhooks signed longer ago than this (or this far in the future) are refused, against replays. */
    webhook_tolerance_seconds: model.number().default(300),
    is_enabled: model.boolean().default(true),
    service_levels: model.hasMany(() => TransportServiceLevel, { mappedBy: "carrier" }),
  })
  .cascades({ delete: ["service_levels"] })
  .indexes([{ on: ["code"], unique: true }])

export default TransportCarrier
