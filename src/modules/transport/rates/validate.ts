import type { RateTable } from "./types"

/**
 * Consistency a schema cannot express: every rate names a zone, carrier and service that exist,
 * no two brackets overlap, windows and postal ranges are ordered. Returns readable problems,
 * empty when the table is sound.
 */
export function rateTableProblems(table: RateTable): string[] {
  const problems: string[] = []
  const duplicates = (values: string[]) => values.filter((value, index) => values.indexOf(value) !== index)

  for (const code of duplicates(table.carriers.map((carrier) => carrier.code))) {
    problems.push(`Carrier "${code}" is listed twice.`)
  }
  for (const carrier of table.carriers) {
    for (const code of duplicates(carrier.service_levels.map((service) => service.code))) {
      problems.push(`Carrier "${carrier.code}" lists service "${code}" twice.`)
    }
    for (const service of carrier.service_levels) {
      if (service.min_days > service.max_days) {
        problems.push(`Service "${carrier.code}/${service.code}": min_days (${service.min_days}) is after max_days (${service.max_days}).`)
      }
    }
    if (!carrier.tracking_url_template.includes("{tracking_number}")) {
      problems.push(`Carrier "${carrier.code}": tracking_url_template must contain {tracking_number}.`)
    }
  }

  for (const name of duplicates(table.zones.map((zone) => zone.name))) {
    problems.push(`Zone "${name}" is listed twice.`)
  }
  for (const zone of table.zones) {
    for (const range of zone.postal_ranges ?? []) {
      if (range.from.length !== range.to.length || range.from > range.to) {
        problems.push(`Zone "${zone.name}": postal range ${range.from}–${range.to} must have equal lengths and from ≤ to.`)
      }
    }
  }

  const zones = new Set(table.zones.map((zone) => zone.name))
  const services = new Set(table.carriers.flatMap((carrier) => carrier.service_levels.map((service) => `${carrier.code}/${service.code}`)))
  const brackets = new Set<string>()
  for (const rate of table.rates) {
    if (!zones.has(rate.zone_name)) {
      problems.push(`A rate names zone "${rate.zone_name}", which does not exist.`)
    }
    if (!services.has(`${rate.carrier_code}/${rate.service_level_code}`)) {
      problems.push(`A rate names service "${rate.carrier_code}/${rate.service_level_code}", which does not exist.`)
    }
    const key = `${rate.zone_name}|${rate.carrier_code}/${rate.service_level_code}|${rate.currency_code.toLowerCase()}|${rate.max_weight_g}`
    if (brackets.has(key)) {
      problems.push(
        `Zone "${rate.zone_name}", service "${rate.carrier_code}/${rate.service_level_code}" has two ${rate.currency_code.toUpperCase()} brackets up to ${rate.max_weight_g} g.`
      )
    }
    brackets.add(key)
  }

  const carriers = new Set(table.carriers.map((carrier) => carrier.code))
  for (const surcharge of table.surcharges) {
    if (surcharge.zone_name !== null && !zones.has(surcharge.zone_name)) {
      problems.push(`Surcharge "${surcharge.name}" names zone "${surcharge.zone_name}", which does not exist.`)
    }
    if (surcharge.carrier_code !== null && !carriers.has(surcharge.carrier_code)) {
      problems.push(`Surcharge "${surcharge.name}" names carrier "${surcharge.carrier_code}", which does not exist.`)
    }
    if (surcharge.condition === "remote_area" && !(surcharge.postal_prefixes ?? []).length) {
      problems.push(`Surcharge "${surcharge.name}": a remote_area surcharge needs postal_prefixes.`)
    }
    if (surcharge.condition === "oversize" && !surcharge.min_longest_side_cm) {
      problems.push(`Surcharge "${surcharge.name}": an oversize surcharge needs min_longest_side_cm.`)
    }
  }

  const typeIds = table.weight_defaults.map((row) => row.product_type_id ?? "(store-wide)")
  for (const id of duplicates(typeIds)) {
    problems.push(`Weight default for ${id} is listed twice.`)
  }
  return problems
}
