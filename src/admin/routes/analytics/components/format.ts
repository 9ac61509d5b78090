import { dayIn } from "./range"
import type { Interval } from "./types"

/**
 * Formatting for the analytics pages, in the browser's locale. Money is formatted in its own
 * currency (amounts are major units). Days are calendar days of the report's time zone: a
 * `YYYY-MM-DD` (a series bucket, a range end) is already one, and is formatted as a calendar
 * date, never converted as an instant; an instant is first turned into its day in the zone.
 */

const moneyFormats = new Map<string, Intl.NumberFormat>()

function moneyFormat(currencyCode: string, compact: boolean): Intl.NumberFormat {
  const key = `${currencyCode}:${compact}`
  let format = moneyFormats.get(key)
  if (!format) {
    format = new Intl.NumberFormat(undefined, {
      style: "currency",
      currency: currencyCode.toUpperCase(),
      ...(compact ? { notation: "compact", maximumFractionDigits: 1 } : {}),
    })
    moneyFormats.set(key, format)
  }
  return format
}

/** `12.5, "eur"` → "€12.50" (in the browser's locale). */
export const formatMoney = (amount: number, currencyCode: string) => moneyFormat(currencyCode, false).format(amount)

/** For chart axes: "€1.2K". */
export const formatMoneyCompact = (amount: number, currencyCode: string) =>
  moneyFormat(currencyCode, true).format(amount)

const countFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 })
export const formatCount = (n: number) => countFormat.format(n)

const percentFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1, minimumFractionDigits: 1 })

/** A percentage (12.5 = 12.5 %) → "12.5%"; null (nothing to divide by) → "–". */
export const formatPercent = (percent: number | null) => (percent === null ? "–" : `${percentFormat.format(percent)}%`)

/** A change against the previous period → "+12.5%", "−3.0%", or "new" when it had nothing. */
export function formatChange(percent: number | null): string {
  if (percent === null) return "new"
  if (percent === 0) return "±0%"
  return `${percent > 0 ? "+" : "−"}${percentFormat.format(Math.abs(percent))}%`
}

/**
 * A `YYYY-MM-DD` calendar day as a Date whose UTC fields are that day, for formatting with
 * `timeZone: "UTC"`: the printed date is the day itself whatever the browser's or report's zone.
 */
const calendarDate = (day: string) => new Date(`${day.slice(0, 10)}T00:00:00Z`)

/** A bucket (the `YYYY-MM-DD` local day starting it) as a chart label: "Nov 3" for days and weeks, "Nov 2026" for months. */
export function formatBucket(bucket: string, interval: Interval): string {
  const date = calendarDate(bucket)
  return interval === "month"
    ? date.toLocaleDateString(undefined, { timeZone: "UTC", month: "short", year: "numeric" })
    : date.toLocaleDateString(undefined, { timeZone: "UTC", month: "short", day: "numeric" })
}

/** The calendar day in `timeZone` an ISO instant (a report's `range.from`) falls on. */
export const dayOfInstant = (instant: string, timeZone: string) => dayIn(new Date(instant), timeZone)

/**
 * The last day in `timeZone` a report's range includes: its `to` is the exclusive end (the
 * zone's midnight after the last day, `2026-12-01T05:00:00Z` for a New York range through Nov 30).
 */
export const lastDayOf = (exclusiveEnd: string, timeZone: string) => dayIn(new Date(Date.parse(exclusiveEnd) - 1), timeZone)

/** A `YYYY-MM-DD` calendar day → "Nov 3, 2026". */
export const formatDay = (day: string) =>
  calendarDate(day).toLocaleDateString(undefined, {
    timeZone: "UTC",
    month: "short",
    day: "numeric",
    year: "numeric",
  })

/** "America/New_York" → "America/New York", for prose. */
export const zoneName = (timeZone: string) => timeZone.replace(/_/g, " ")
