import { model } from "@medusajs/framework/utils"

/**
 * Where parcels go: a set of countries, optionally narrowed to postal-code prefixes or ranges.
 * A destination belongs to the matching zone with the highest priority, so "DE, postal codes
 * 18565 (islands)" can outrank "DE".
 */
const TransportZone = model
  .define("transport_zone", {
    id: model.id({ prefix: "tzon" }).primaryKey(),
    name: model.text(),
    /** ISO 3166-1 alpha-2, lower case. */
    countries: model.json(),
    /** Postal-code prefixes; empty means the whole country. */
    postal_prefixes: model.json().nullable(),
    /** Inclusive postal-code ranges `{from, to}` of equal length, compared as text. */
    postal_ranges: model.json().nullable(),
    priority: model.number().default(0),
    /** Cart subtotal (minor units per currency, e.g. `{"eur": 5000}`) above which eligible services are free. */
    free_shipping_over: model.json().nullable(),
  })
  .indexes([{ on: ["name"], unique: true }])

export default TransportZone
