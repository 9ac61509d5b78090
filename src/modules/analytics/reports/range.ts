import { REPORT_INTERVALS, type ReportFilters, type ReportInterval, type TimeRange } from "./types"

/** The period just before `range`, of the same length: what every report compares with. */
export function previousRange(range: TimeRange): TimeRange {
  const length = range.to.getTime() - range.from.getTime()
  return { from: new Date(range.from.getTime() - length), to: new Date(range.from) }
}

const DAY_MS = 86_400_000

/** Whether `tz` is an IANA time zone name this runtime knows ("Europe/Berlin", "UTC"). */
export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: tz })
    return true
  } catch {
    return false
  }
}

/** The calendar day (`YYYY-MM-DD`) an instant falls on in `tz`. */
export function localDay(at: Date, tz: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: tz, year: "numeric", month: "2-digit", day: "2-digit" }).format(at)
}

/** Milliseconds `tz` is ahead of UTC at the instant `at` (negative west of Greenwich). */
function offsetAt(at: Date, tz: string): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", {
      timeZone: tz,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    })
      .formatToParts(at)
      .map((p) => [p.type, p.value])
  )
  const asUtc = Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute, +parts.second)
  return asUtc - Math.floor(at.getTime() / 1000) * 1000
}

/** The instant a calendar day starts in `tz` (its local midnight; DST changes happen at night, never at 00:00 in practice). */
export function startOfDay(day: string, tz: string): Date {
  const utcMidnight = Date.parse(`${day}T00:00:00Z`)
  let at = utcMidnight - offsetAt(new Date(utcMidnight), tz)
  // The offset at the guess may differ from the offset at the real midnight (a DST change in between): once more.
  at = utcMidnight - offsetAt(new Date(at), tz)
  return new Date(at)
}

/** `day` moved by `days` calendar days. */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10)
}

/** The first day of the day, ISO week (Monday) or month holding `day`, as Postgres' date_trunc computes it. */
export function bucketOfDay(day: string, interval: ReportInterval): string {
  const d = new Date(`${day}T00:00:00Z`)
  if (interval === "week") {
    d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7))
  } else if (interval === "month") {
    d.setUTCDate(1)
  }
  return d.toISOString().slice(0, 10)
}

/**
 * Every bucket touching the range, as `YYYY-MM-DD` local days of `tz`, so a chart has a point
 * for each even with no sales.
 */
export function bucketsOf(range: TimeRange, interval: ReportInterval, tz = "UTC"): string[] {
  const last = bucketOfDay(localDay(new Date(range.to.getTime() - 1), tz), interval)
  const buckets: string[] = []
  for (let bucket = bucketOfDay(localDay(range.from, tz), interval); bucket <= last; ) {
    buckets.push(bucket)
    if (interval === "month") {
      const d = new Date(`${bucket}T00:00:00Z`)
      bucket = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1)).toISOString().slice(0, 10)
    } else {
      bucket = addDays(bucket, interval === "week" ? 7 : 1)
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

/**
 * SQL for the bucket a timestamp column falls in, formatted like `bucketsOf`. It holds one `?`:
 * the caller binds the time zone name there.
 */
export function bucketSql(column: string, interval: ReportInterval): string {
  // Interpolated, so it must be one of the three literals, never user text.
  if (!REPORT_INTERVALS.includes(interval)) {
    throw new Error(`unknown report interval ${interval}`)
  }
  return `to_char(date_trunc('${interval}', ${column} AT TIME ZONE ?::text), 'YYYY-MM-DD')`
}

export const toNumber = (value: unknown): number => (value === null || value === undefined ? 0 : Number(value))

/** Money rounded to cents after division (sums stay exact: they come from Postgres numerics). */
export const roundMoney = (value: number): number => Math.round(value * 100) / 100

/** Change in percent from `previous` to `current`, one decimal; null when there is nothing to compare with. */
export const percentChange = (current: number, previous: number): number | null =>
  previous === 0 ? null : Math.round(((current - previous) / previous) * 1000) / 10
