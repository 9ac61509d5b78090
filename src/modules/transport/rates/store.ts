import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/postgresql"
import { generateEntityId } from "@medusajs/framework/utils"
import type { CarrierRow, RateTable } from "./types"

/**
 * Reads and writes the rate table as one document. Plain parameterised SQL: the table is read on
 * every quote (then cached), and a replace is a handful of set-based statements in one transaction.
 */
export async function loadRateTable(manager: SqlEntityManager): Promise<RateTable> {
  const [carriers, services, zones, rates, surcharges, defaults] = await Promise.all([
    manager.execute(
      `SELECT id, code, name, dim_divisor, tracking_url_template, webhook_tolerance_seconds, is_enabled,
              webhook_secret IS NOT NULL AS has_webhook_secret
         FROM transport_carrier WHERE deleted_at IS NULL ORDER BY code`
    ),
    manager.execute(
      `SELECT carrier_id, code, name, min_days, max_days, free_shipping_eligible
         FROM transport_service_level WHERE deleted_at IS NULL ORDER BY min_days, max_days, code`
    ),
    manager.execute(
      `SELECT name, countries, postal_prefixes, postal_ranges, priority, free_shipping_over
         FROM transport_zone WHERE deleted_at IS NULL ORDER BY priority DESC, name`
    ),
    manager.execute(
      `SELECT zone_name, carrier_code, service_level_code, currency_code, max_weight_g, amount
         FROM transport_rate WHERE deleted_at IS NULL
        ORDER BY zone_name, carrier_code, service_level_code, currency_code, max_weight_g`
    ),
    manager.execute(
      `SELECT name, per, condition, zone_name, carrier_code, postal_prefixes, min_longest_side_cm, currency_code, amount
         FROM transport_surcharge WHERE deleted_at IS NULL ORDER BY name, currency_code`
    ),
    manager.execute(
      `SELECT product_type_id, weight_g, length_cm, width_cm, height_cm
         FROM transport_weight_default WHERE deleted_at IS NULL ORDER BY product_type_id NULLS FIRST`
    ),
  ])
  return {
    carriers: carriers.map((carrier: any) => ({
      code: carrier.code,
      name: carrier.name,
      dim_divisor: Number(carrier.dim_divisor),
      tracking_url_template: carrier.tracking_url_template,
      webhook_tolerance_seconds: Number(carrier.webhook_tolerance_seconds),
      is_enabled: carrier.is_enabled,
      has_webhook_secret: carrier.has_webhook_secret,
      service_levels: services
        .filter((service: any) => service.carrier_id === carrier.id)
        .map((service: any) => ({
          code: service.code,
          name: service.name,
          min_days: Number(service.min_days),
          max_days: Number(service.max_days),
          free_shipping_eligible: service.free_shipping_eligible,
        })),
    })) as CarrierRow[],
    zones: zones.map((zone: any) => ({ ...zone, priority: Number(zone.priority) })),
    rates: rates.map((rate: any) => ({ ...rate, max_weight_g: Number(rate.max_weight_g), amount: Number(rate.amount) })),
    surcharges: surcharges.map((row: any) => ({
      ...row,
      min_longest_side_cm: row.min_longest_side_cm === null ? null : Number(row.min_longest_side_cm),
      amount: Number(row.amount),
    })),
    weight_defaults: defaults.map((row: any) => ({
      product_type_id: row.product_type_id,
      weight_g: Number(row.weight_g),
      length_cm: row.length_cm === null ? null : Number(row.length_cm),
      width_cm: row.width_cm === null ? null : Number(row.width_cm),
      height_cm: row.height_cm === null ? null : Number(row.height_cm),
    })),
  }
}

/**
 * Replaces everything but the carriers' identities and secrets. Rows are hard-deleted: the
 * table is configuration, and its history is not what soft deletes are for.
 */
export async function writeRateTable(manager: SqlEntityManager, table: RateTable): Promise<void> {
  await manager.execute("LOCK TABLE transport_carrier IN SHARE ROW EXCLUSIVE MODE")
  const keep = table.carriers.map((carrier) => carrier.code)
  await manager.execute("DELETE FROM transport_service_level")
  await manager.execute("DELETE FROM transport_carrier WHERE NOT (code = ANY(?::text[]))", [pgArray(keep)])
  for (const carrier of table.carriers) {
    const [row] = await manager.execute(
      `INSERT INTO transport_carrier (id, code, name, dim_divisor, tracking_url_template, webhook_tolerance_seconds, is_enabled)
       VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (code) WHERE deleted_at IS NULL DO UPDATE SET
         name = excluded.name, dim_divisor = excluded.dim_divisor,
         tracking_url_template = excluded.tracking_url_template,
         webhook_tolerance_seconds = excluded.webhook_tolerance_seconds,
         is_enabled = excluded.is_enabled, updated_at = now()
       RETURNING id`,
      [
        generateEntityId(undefined, "tcar"),
        carrier.code,
        carrier.name,
        carrier.dim_divisor,
        carrier.tracking_url_template,
        carrier.webhook_tolerance_seconds,
        carrier.is_enabled,
      ]
    )
    for (const service of carrier.service_levels) {
      await manager.execute(
        `INSERT INTO transport_service_level (id, carrier_id, code, name, min_days, max_days, free_shipping_eligible)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
        [generateEntityId(undefined, "tsvl"), row.id, service.code, service.name, service.min_days, service.max_days, service.free_shipping_eligible]
      )
    }
  }

  await manager.execute("DELETE FROM transport_zone")
  for (const zone of table.zones) {
    await manager.execute(
      `INSERT INTO transport_zone (id, name, countries, postal_prefixes, postal_ranges, priority, free_shipping_over)
       VALUES (?, ?, ?::jsonb, ?::jsonb, ?::jsonb, ?, ?::jsonb)`,
      [
        generateEntityId(undefined, "tzon"),
        zone.name,
        JSON.stringify(zone.countries.map((code) => code.toLowerCase())),
        jsonOrNull(zone.postal_prefixes),
        jsonOrNull(zone.postal_ranges),
        zone.priority,
        jsonOrNull(zone.free_shipping_over && lowerKeys(zone.free_shipping_over)),
      ]
    )
  }

  await manager.execute("DELETE FROM transport_rate")
  if (table.rates.length) {
    // One statement for the whole grid: a realistic table has hundreds of brackets.
    await manager.execute(
      `INSERT INTO transport_rate (id, zone_name, carrier_code, service_level_code, currency_code, max_weight_g, amount)
       SELECT 'trat_' || replace(gen_random_uuid()::text, '-', ''), r.zone_name, r.carrier_code,
              r.service_level_code, lower(r.currency_code), r.max_weight_g, r.amount
         FROM jsonb_to_recordset(?::jsonb)
           AS r(zone_name text, carrier_code text, service_level_code text, currency_code text, max_weight_g integer, amount integer)`,
      [JSON.stringify(table.rates)]
    )
  }

  await manager.execute("DELETE FROM transport_surcharge")
  for (const row of table.surcharges) {
    await manager.execute(
      `INSERT INTO transport_surcharge (id, name, per, condition, zone_name, carrier_code, postal_prefixes, min_longest_side_cm, currency_code, amount)
       VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)`,
      [
        generateEntityId(undefined, "tsur"),
        row.name,
        row.per,
        row.condition,
        row.zone_name,
        row.carrier_code,
        jsonOrNull(row.postal_prefixes),
        row.min_longest_side_cm,
        row.currency_code.toLowerCase(),
        row.amount,
      ]
    )
  }

  await manager.execute("DELETE FROM transport_weight_default")
  for (const row of table.weight_defaults) {
    await manager.execute(
      `INSERT INTO transport_weight_default (id, product_type_id, weight_g, length_cm, width_cm, height_cm) VALUES (?, ?, ?, ?, ?, ?)`,
      [generateEntityId(undefined, "twdf"), row.product_type_id, row.weight_g, row.length_cm, row.width_cm, row.height_cm]
    )
  }
}

function jsonOrNull(value: unknown): string | null {
  return value === null || value === undefined ? null : JSON.stringify(value)
}

function lowerKeys(record: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key.toLowerCase(), value]))
}

/** A Postgres array literal, since the manager would inline a JS array as a list of values. */
function pgArray(values: string[]): string {
  return `{${values.map((value) => `"${value.replace(/(["\\])/g, "\\$1")}"`).join(",")}}`
}
