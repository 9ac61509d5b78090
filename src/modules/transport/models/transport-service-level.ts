import { model } from "@medusajs/framework/utils"
import TransportCarrier from "./transport-carrier"

/** A carrier's service (standard, express, same day…) with its delivery window in business days. */
const TransportServiceLevel = model
  .define("transport_service_level", {
    id: model.id({ prefix: "tsvl" }).primaryKey(),
    code: model.text(),
    name: model.text(),
    min_days: model.number(),
    max_days: model.number(),
    /** Whether a zone's free-shipping threshold applies to this service (usually standard only). */
    free_shipping_eligible: model.boolean().default(false),
    carrier: model.belongsTo(() => TransportCarrier, { mappedBy: "service_levels" }),
  })
  .indexes([{ on: ["carrier_id", "code"], unique: true }])

export default TransportServiceLevel
