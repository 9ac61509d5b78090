import { model } from "@medusajs/framework/utils"

/**
 * A surcharge added on top of the bracket price: per order or per item (times its quantity),
 * when the destination is remote (postal prefixes) or an item is oversize (its longest side).
 * `zone_name`/`carrier_code` null means every zone/carrier.
 */
const TransportSurcharge = model
  .define("transport_surcharge", {
    id: model.id({ prefix: "tsur" }).primaryKey(),
    name: model.text(),
    per: model.enum(["order", "item"]),
    condition: model.enum(["always", "remote_area", "oversize"]),
    zone_name: model.text().nullable(),
    carrier_code: model.text().nullable(),
    /** remote_area: destination postal-code prefixes. */
    postal_prefixes: model.json().nullable(),
    /** oversize: an item whose longest side exceeds this many cm. */
    min_longest_side_cm: model.number().nullable(),
    currency_code: model.text(),
    amount: model.number(),
  })
  .indexes([{ on: ["name", "currency_code"], unique: true }])

export default TransportSurcharge
