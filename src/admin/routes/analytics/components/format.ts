import type { Interval } from "./types"

/**
 * Formatting for the analytics pages, in the browser's locale. Money is formatted in its own
 * currency (amounts are major units); dates are UTC days, as the reports count them.
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

/** A bucket's ISO start as a chart label: "Nov 3" for days and weeks, "Nov 2026" for months. */
export function formatBucket(bucket: string, interval: Interval): string {
  const date = new Date(bucket.length === 10 ? `${bucket}T00:00:00Z` : bucket)
  return interval === "month"
    ? date.toLocaleDateString(undefined, { timeZone: "UTC", month: "short", year: "numeric" })
    : date.toLocaleDateString(undefined, { timeZone: "UTC", month: "short", day: "numeric" })
}

/**
 * The last day a report's range includes: its `to` is the exclusive end (`2026-12-01T00:00:00Z`
 * for a range through Nov 30).
 */
export const lastDayOf = (exclusiveEnd: string) => new Date(Date.parse(exclusiveEnd) - 1).toISOString().slice(0, 10)

/** A `YYYY-MM-DD` day (or the day of an ISO time) → "Nov 3, 2026". */
export const formatDay = (day: string) =>
  new Date(`${day.slice(0, 10)}T00:00:00Z`).toLocaleDateString(undefined, {
    timeZone: "UTC",
    month: "short",
    day: "numeric",
    year: "numeric",
  })
