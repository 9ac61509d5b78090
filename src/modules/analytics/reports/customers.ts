import { bucketSql, bucketsOf, filterSql, percentChange, previousRange, toNumber } from "./range"
import type { ReportQuery, RunSql, TimeRange } from "./types"

type Figure = { current: number; previous: number; change: number | null }

export type CustomersReport = {
  registrations: Figure
  new_customers: Figure
  returning_customers: Figure
  series: { bucket: string; registrations: number; new_customers: number; returning_customers: number }[]
}

/**
 * Registrations, and the customers who ordered in the period split into new (their first order
 * ever, canceled ones aside, is in the period) and returning. Each customer is counted once per
 * period, in the bucket of their first order in it.
 */
export async function customersReport(run: RunSql, query: ReportQuery): Promise<CustomersReport> {
  const interval = query.interval ?? "day"
  const timezone = query.timezone ?? "UTC"
  const previous = previousRange(query)
  const [current, before] = await Promise.all([period(run, query, query, interval, timezone), period(run, query, previous, interval, timezone)])
  const series = bucketsOf(query, interval, timezone).map((bucket) => ({
    bucket,
    registrations: current.registrations.get(bucket) ?? 0,
    new_customers: current.fresh.get(bucket) ?? 0,
    returning_customers: current.returning.get(bucket) ?? 0,
  }))
  const figure = (key: "registrations" | "fresh" | "returning"): Figure => {
    const c = sum(current[key])
    const p = sum(before[key])
    return { current: c, previous: p, change: percentChange(c, p) }
  }
  return {
    registrations: figure("registrations"),
    new_customers: figure("fresh"),
    returning_customers: figure("returning"),
    series,
  }
}

async function period(
  run: RunSql,
  query: ReportQuery,
  range: TimeRange,
  interval: NonNullable<ReportQuery["interval"]>,
  timezone: string
) {
  const params: unknown[] = [range.from, range.to]
  const filter = filterSql(query, params, ["currency_code", "region_id", "sales_channel_id"])
  params.push(timezone, range.from, range.from)
  const customers = await run<{ bucket: string; fresh: string; returning: string }>(
    `WITH in_period AS (
       SELECT customer_id, min(placed_at) AS first_in_period
       FROM analytics_order
       WHERE deleted_at IS NULL AND canceled_at IS NULL AND customer_id IS NOT NULL
         AND placed_at >= ? AND placed_at < ?${filter}
       GROUP BY customer_id
     ), first_ever AS (
       SELECT o.customer_id, min(o.placed_at) AS first_at
       FROM analytics_order o JOIN in_period p ON p.customer_id = o.customer_id
       WHERE o.deleted_at IS NULL AND o.canceled_at IS NULL
       GROUP BY o.customer_id
     )
     SELECT ${bucketSql("p.first_in_period", interval)} AS bucket,
       count(*) FILTER (WHERE f.first_at >= ?) AS fresh,
       count(*) FILTER (WHERE f.first_at < ?) AS returning
     FROM in_period p JOIN first_ever f ON f.customer_id = p.customer_id
     GROUP BY 1`,
    params
  )
  const registrations = await run<{ bucket: string; count: string }>(
    `SELECT ${bucketSql("registered_at", interval)} AS bucket, count(*) AS count
     FROM analytics_registration WHERE deleted_at IS NULL AND registered_at >= ? AND registered_at < ?
     GROUP BY 1`,
    [timezone, range.from, range.to]
  )
  return {
    fresh: new Map(customers.map((r) => [r.bucket, toNumber(r.fresh)])),
    returning: new Map(customers.map((r) => [r.bucket, toNumber(r.returning)])),
    registrations: new Map(registrations.map((r) => [r.bucket, toNumber(r.count)])),
  }
}

const sum = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0)
