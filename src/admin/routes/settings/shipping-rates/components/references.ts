import type { RateTable } from "./types"

/**
 * Rates and surcharges refer to zones, carriers and services by name and code: renaming or
 * removing one here keeps them pointing at it, so a rename never turns into a "rate names a
 * zone which does not exist" on Save.
 */

export function renameZone(table: RateTable, from: string, to: string) {
  table.zones.forEach((zone) => zone.name === from && (zone.name = to))
  table.rates.forEach((rate) => rate.zone_name === from && (rate.zone_name = to))
  table.surcharges.forEach((row) => row.zone_name === from && (row.zone_name = to))
}

export function removeZone(table: RateTable, index: number) {
  const [zone] = table.zones.splice(index, 1)
  table.rates = table.rates.filter((rate) => rate.zone_name !== zone.name)
  table.surcharges = table.surcharges.filter((row) => row.zone_name !== zone.name)
}

export function renameCarrier(table: RateTable, from: string, to: string) {
  table.carriers.forEach((carrier) => carrier.code === from && (carrier.code = to))
  table.rates.forEach((rate) => rate.carrier_code === from && (rate.carrier_code = to))
  table.surcharges.forEach((row) => row.carrier_code === from && (row.carrier_code = to))
}

export function removeCarrier(table: RateTable, index: number) {
  const [carrier] = table.carriers.splice(index, 1)
  table.rates = table.rates.filter((rate) => rate.carrier_code !== carrier.code)
  table.surcharges = table.surcharges.filter((row) => row.carrier_code !== carrier.code)
}

export function renameService(table: RateTable, carrierCode: string, from: string, to: string) {
  table.carriers
    .find((carrier) => carrier.code === carrierCode)
    ?.service_levels.forEach((service) => service.code === from && (service.code = to))
  table.rates.forEach((rate) => rate.carrier_code === carrierCode && rate.service_level_code === from && (rate.service_level_code = to))
}

export function removeService(table: RateTable, carrierIndex: number, serviceIndex: number) {
  const carrier = table.carriers[carrierIndex]
  const [service] = carrier.service_levels.splice(serviceIndex, 1)
  table.rates = table.rates.filter((rate) => !(rate.carrier_code === carrier.code && rate.service_level_code === service.code))
}

/** The first of `base`, `base 2`, `base 3`… (codes: `base_2`…) not in `taken`. */
export function unusedName(base: string, taken: string[], separator = " "): string {
  for (let n = 1; ; n++) {
    const name = n === 1 ? base : `${base}${separator}${n}`
    if (!taken.includes(name)) return name
  }
}
