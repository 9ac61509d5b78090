import { bucketSql, bucketsOf, filterSql, percentChange, previousRange, roundMoney, toNumber } from "./range"
import type { ReportInterval, ReportQuery, RunSql, TimeRange } from "./types"

export type SalesTotals = {
  revenue: number
  orders: number
  average_order_value: number
  units: number
  refunds: number
  net_revenue: number
  canceled_orders: number
}

export type SalesPoint = { bucket: string; revenue: number; orders: number; units: number; refunds: number }

export type SalesReport = {
  range: { from: string; to: string; interval: ReportInterval; timezone: string }
  previous_range: { from: string; to: string }
  currencies: {
    currency_code: string
    current: SalesTotals
    previous: SalesTotals
    change: Record<keyof SalesTotals, number | null>
    series: SalesPoint[]
  }[]
}

type OrderRow = { currency_code: string; bucket: string; orders: string; revenue: string; units: string; canceled: string }
type RefundRow = { currency_code: string; bucket: string; refunds: string }

const emptyTotals = (): SalesTotals => ({
  revenue: 0,
  orders: 0,
  average_order_value: 0,
  units: 0,
  refunds: 0,
  net_revenue: 0,
  canceled_orders: 0,
})

/**
 * Revenue, orders, units, refunds per currency for a period and the one before it, plus a
 * zero-filled time series. Orders count by when they were placed and only while not canceled
 * (canceled ones are counted apart); refunds by when they were made. One pass over each table
 * for both periods, grouped by bucket.
 */
export async function salesReport(run: RunSql, query: ReportQuery): Promise<SalesReport> {
  const interval = query.interval ?? "day"
  const timezone = query.timezone ?? "UTC"
  const previous = previousRange(query)
  const bucket = (column: string) => bucketSql(column, interval)

  const orderParams: unknown[] = [timezone, query.from, previous.from, query.to]
  const orderFilter = filterSql(query, orderParams, ["currency_code", "region_id", "sales_channel_id"])
  const orders = await run<OrderRow & { current: boolean }>(
    `SELECT currency_code, ${bucket("placed_at")} AS bucket, placed_at >= ? AS current,
       count(*) FILTER (WHERE canceled_at IS NULL) AS orders,
       coalesce(sum(total) FILTER (WHERE canceled_at IS NULL), 0) AS revenue,
       coalesce(sum(units) FILTER (WHERE canceled_at IS NULL), 0) AS units,
       count(*) FILTER (WHERE canceled_at IS NOT NULL) AS canceled
     FROM analytics_order
     WHERE deleted_at IS NULL AND placed_at >= ? AND placed_at < ?${orderFilter}
     GROUP BY 1, 2, 3`,
    orderParams
  )

  const refundParams: unknown[] = [timezone, query.from, previous.from, query.to]
  const refundFilter = filterSql(query, refundParams, ["currency_code", "region_id", "sales_channel_id"])
  const refunds = await run<RefundRow & { current: boolean }>(
    `SELECT currency_code, ${bucket("refunded_at")} AS bucket, refunded_at >= ? AS current, sum(amount) AS refunds
     FROM analytics_refund
     WHERE deleted_at IS NULL AND refunded_at >= ? AND refunded_at < ?${refundFilter}
     GROUP BY 1, 2, 3`,
    refundParams
  )

  const buckets = bucketsOf(query, interval, timezone)
  const byCurrency = new Map<string, { current: SalesTotals; previous: SalesTotals; series: Map<string, SalesPoint> }>()
  const entry = (currency: string) => {
    let e = byCurrency.get(currency)
    if (!e) {
      const series = new Map(buckets.map((b) => [b, { bucket: b, revenue: 0, orders: 0, units: 0, refunds: 0 }]))
      e = { current: emptyTotals(), previous: emptyTotals(), series }
      byCurrency.set(currency, e)
    }
    return e
  }

  for (const row of orders) {
    const e = entry(row.currency_code)
    const totals = row.current ? e.current : e.previous
    totals.orders += toNumber(row.orders)
    totals.revenue += toNumber(row.revenue)
    totals.units += toNumber(row.units)
    totals.canceled_orders += toNumber(row.canceled)
    const point = row.current ? e.series.get(row.bucket) : undefined
    if (point) {
      point.orders += toNumber(row.orders)
      point.revenue = roundMoney(point.revenue + toNumber(row.revenue))
      point.units += toNumber(row.units)
    }
  }
  for (const row of refunds) {
    const e = entry(row.currency_code)
    const totals = row.current ? e.current : e.previous
    totals.refunds += toNumber(row.refunds)
    const point = row.current ? e.series.get(row.bucket) : undefined
    if (point) {
      point.refunds = roundMoney(point.refunds + toNumber(row.refunds))
    }
  }

  return {
    range: { ...isoRange(query), interval, timezone },
    previous_range: isoRange(previous),
    currencies: [...byCurrency.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([currency_code, e]) => {
        const current = finish(e.current)
        const prev = finish(e.previous)
        const change = Object.fromEntries(
          (Object.keys(current) as (keyof SalesTotals)[]).map((k) => [k, percentChange(current[k], prev[k])])
        ) as Record<keyof SalesTotals, number | null>
        return { currency_code, current, previous: prev, change, series: [...e.series.values()] }
      }),
  }
}

function finish(t: SalesTotals): SalesTotals {
  const revenue = roundMoney(t.revenue)
  const refunds = roundMoney(t.refunds)
  return {
    ...t,
    revenue,
    refunds,
    net_revenue: roundMoney(revenue - refunds),
    average_order_value: t.orders ? roundMoney(revenue / t.orders) : 0,
  }
}

const isoRange = (range: TimeRange) => ({ from: range.from.toISOString(), to: range.to.toISOString() })
