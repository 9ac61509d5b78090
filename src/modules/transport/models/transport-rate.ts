import { model } from "@medusajs/framework/utils"

/**
 * One weight bracket: parcels up to `max_weight_g` (billable weight, the greater of actual and
 * dimensional) cost `amount` (minor units of `currency_code`) with this zone and service. Codes
 * rather than ids keep the table readable and editable as one document.
 */
const TransportRate = model
  .define("transport_rate", {
    id: model.id({ prefix: "trat" }).primaryKey(),
    zone_name: model.text(),
    carrier_code: model.text(),
    service_level_code: model.text(),
    currency_code: model.text(),
    max_weight_g: model.number(),
    amount: model.number(),
  })
  .indexes([
    {
      on: ["zone_name", "carrier_code", "service_level_code", "currency_code", "max_weight_g"],
      unique: true,
    },
  ])

export default TransportRate
