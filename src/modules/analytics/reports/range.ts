import { REPORT_INTERVALS, type ReportFilters, type ReportInterval, type TimeRange } from "./types"

/** The period just before `range`, of the same length: what every report compares with. */
export function previousRange(range: TimeRange): TimeRange {
  const length = range.to.getTime() - range.from.getTime()
  return { from: new Date(range.from.getTime() - length), to: new Date(range.from) }
}

/** Start of the UTC day, ISO week (Monday) or month holding `at`, as Postgres' date_trunc computes it. */
export function bucketStart(at: Date, interval: ReportInterval): Date {
  const d = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()))
  if (interval === "week") {
    d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7))
  } else if (interval === "month") {
    d.setUTCDate(1)
  }
  return d
}

/** Every bucket touching the range, as `YYYY-MM-DD`, so a chart has a point for each even with no sales. */
export function bucketsOf(range: TimeRange, interval: ReportInterval): string[] {
  const buckets: string[] = []
  for (let at = bucketStart(range.from, interval); at < range.to; ) {
    buckets.push(at.toISOString().slice(0, 10))
    if (interval === "day") {
      at = new Date(at.getTime() + 86_400_000)
    } else if (interval === "week") {
      at = new Date(at.getTime() + 7 * 86_400_000)
    } else {
      at = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + 1, 1))
    }
  }
  return buckets
}

/** `AND …` conditions for the filters a table has, with their parameters appended to `params`. */
export function filterSql(
  filters: ReportFilters,
  params: unknown[],
  columns: (keyof ReportFilters)[],
  alias = ""
): string {
  let sql = ""
  for (const column of columns) {
    const value = filters[column]
    if (value !== undefined) {
      sql += ` AND ${alias ? `${alias}.` : ""}${column} = ?`
      params.push(value)
    }
  }
  return sql
}

/** SQL for the bucket a timestamp column falls in, formatted like `bucketsOf`. */
export function bucketSql(column: string, interval: ReportInterval): string {
  // Interpolated, so it must be one of the three literals, never user text.
  if (!REPORT_INTERVALS.includes(interval)) {
    throw new Error(`unknown report interval ${interval}`)
  }
  return `to_char(date_trunc('${interval}', ${column} AT TIME ZONE 'UTC'), 'YYYY-MM-DD')`
}

export const toNumber = (value: unknown): number => (value === null || value === undefined ? 0 : Number(value))

/** Money rounded to cents after division (sums stay exact: they come from Postgres numerics). */
export const roundMoney = (value: number): number => Math.round(value * 100) / 100

/** Change in percent from `previous` to `current`, one decimal; null when there is nothing to compare with. */
export const percentChange = (current: number, previous: number): number | null =>
  previous === 0 ? null : Math.round(((current - previous) / previous) * 1000) / 10
