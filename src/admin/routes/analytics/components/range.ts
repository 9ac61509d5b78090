import type { Interval } from "./types"

/**
 * The report filters the page keeps in its URL (so a view can be bookmarked or shared) and the
 * query strings they make. Days are `YYYY-MM-DD` calendar days of the filters' time zone (the
 * browser's unless the merchant picks another), which every report is asked to count in.
 */

export type Preset = "7d" | "30d" | "90d" | "12m" | "custom"

export const PRESETS: { value: Preset; label: string }[] = [
  { value: "7d", label: "Last 7 days" },
  { value: "30d", label: "Last 30 days" },
  { value: "90d", label: "Last 90 days" },
  { value: "12m", label: "Last 12 months" },
  { value: "custom", label: "Custom range" },
]

export const INTERVALS: { value: Interval; label: string }[] = [
  { value: "day", label: "By day" },
  { value: "week", label: "By week" },
  { value: "month", label: "By month" },
]

/** The reports answer 400 beyond this many days. */
export const MAX_RANGE_DAYS = 731

/** "All" in a filter select (Radix selects cannot hold an empty value). */
export const ALL = "all"

export type Filters = {
  preset: Preset
  /** IANA time zone name: whose calendar days, weeks and months the range and the charts follow. */
  timezone: string
  from: string
  to: string
  interval: Interval
  currency_code: string
  region_id: string
  sales_channel_id: string
}

const DAY = /^\d{4}-\d{2}-\d{2}$/

/** Whether this browser knows `tz` as an IANA time zone name (the API answers 400 otherwise). */
export function isTimeZone(tz: string): boolean {
  if (!tz || tz.length > 64) return false
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: tz })
    return true
  } catch {
    return false
  }
}

/** The browser's time zone ("Europe/Berlin"), UTC when it does not say. */
export function browserTimeZone(): string {
  const tz = Intl.DateTimeFormat().resolvedOptions().timeZone
  return tz && isTimeZone(tz) ? tz : "UTC"
}

/** The calendar day (`YYYY-MM-DD`) `at` falls on in `timeZone`. */
export const dayIn = (at: Date, timeZone: string) =>
  new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(at)

/** Today in `timeZone`, as `YYYY-MM-DD`. */
export const todayIn = (timeZone: string) => dayIn(new Date(), timeZone)

/** Zones offered besides the browser's and UTC; any other IANA name works in the URL. */
const COMMON_TIME_ZONES = [
  "America/Los_Angeles",
  "America/Denver",
  "America/Chicago",
  "America/New_York",
  "America/Sao_Paulo",
  "Europe/London",
  "Europe/Paris",
  "Europe/Berlin",
  "Europe/Helsinki",
  "Asia/Dubai",
  "Asia/Kolkata",
  "Asia/Singapore",
  "Asia/Tokyo",
  "Australia/Sydney",
  "Pacific/Auckland",
]

/** The time zone select's options: the browser's zone first, UTC, common zones, and `current` if it is none of them. */
export function timeZoneOptions(current: string, browser = browserTimeZone()): { value: string; label: string }[] {
  const zones = [...new Set([browser, "UTC", ...COMMON_TIME_ZONES, current])]
  return zones.map((tz) => ({
    value: tz,
    label: `${tz.replace(/_/g, " ")}${tz === browser ? " (this browser)" : ""}`,
  }))
}

export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`)
  date.setUTCDate(date.getUTCDate() + days)
  return date.toISOString().slice(0, 10)
}

/** Days from `from` to `to`, both included. */
export const daysIn = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1

/** A preset's days, ending today: "12m" starts on the 1st, so its months are whole but the last. */
export function presetRange(preset: Exclude<Preset, "custom">, today: string): { from: string; to: string } {
  switch (preset) {
    case "7d":
      return { from: addDays(today, -6), to: today }
    case "30d":
      return { from: addDays(today, -29), to: today }
    case "90d":
      return { from: addDays(today, -89), to: today }
    case "12m": {
      const [year, month] = today.split("-").map(Number)
      return { from: new Date(Date.UTC(year, month - 1 - 11, 1)).toISOString().slice(0, 10), to: today }
    }
  }
}

/** The interval that gives a readable chart for a range of this many days. */
export const intervalFor = (days: number): Interval => (days <= 62 ? "day" : days <= 200 ? "week" : "month")

/** Why a custom range cannot be asked for, or null. */
export function rangeProblem(from: string, to: string): string | null {
  if (!DAY.test(from) || !DAY.test(to)) return "Pick a start and an end day."
  if (from > to) return "The start day is after the end day."
  if (daysIn(from, to) > MAX_RANGE_DAYS) return `A range can cover at most ${MAX_RANGE_DAYS} days.`
  return null
}

/**
 * The filters in a URL's query (`?preset=…&from=…&timezone=…`): where it says nothing, the last
 * 30 days of the browser's time zone.
 */
export function filtersFromSearch(search: string, defaultTimeZone = browserTimeZone()): Filters {
  const params = new URLSearchParams(search)
  const askedZone = params.get("timezone")
  const timezone = askedZone && isTimeZone(askedZone) ? askedZone : defaultTimeZone
  const today = todayIn(timezone)
  const interval = params.get("interval")
  const asked = params.get("preset")
  const from = params.get("from") ?? ""
  const to = params.get("to") ?? ""
  const preset: Preset =
    asked === "custom" || ((from || to) && !asked)
      ? "custom"
      : PRESETS.some((p) => p.value === asked)
        ? (asked as Preset)
        : "30d"
  const range = preset === "custom" ? { from: DAY.test(from) ? from : addDays(today, -29), to: DAY.test(to) ? to : today } : presetRange(preset, today)
  return {
    preset,
    timezone,
    ...range,
    interval: interval === "day" || interval === "week" || interval === "month" ? interval : intervalFor(daysIn(range.from, range.to)),
    currency_code: params.get("currency_code") || ALL,
    region_id: params.get("region_id") || ALL,
    sales_channel_id: params.get("sales_channel_id") || ALL,
  }
}

/** The filters as the page's URL query: a preset's days are left out, they move with today. */
export function filtersToSearch(filters: Filters): string {
  const params = new URLSearchParams()
  params.set("preset", filters.preset)
  if (filters.preset === "custom") {
    params.set("from", filters.from)
    params.set("to", filters.to)
  }
  params.set("interval", filters.interval)
  // Always written: a shared link shows the same days to a colleague in another zone.
  params.set("timezone", filters.timezone)
  for (const key of ["currency_code", "region_id", "sales_channel_id"] as const) {
    if (filters[key] !== ALL) params.set(key, filters[key])
  }
  return params.toString()
}

/**
 * The query of one report. The funnel counts storefront sessions, which have a sales channel but
 * no region or currency, so it takes only `sales_channel_id`; top lists take no interval.
 */
export function reportQuery(
  filters: Filters,
  report: "sales" | "products" | "categories" | "funnel" | "customers",
  extra: Record<string, string> = {}
): string {
  const params = new URLSearchParams({ from: filters.from, to: filters.to, timezone: filters.timezone })
  if (report === "sales" || report === "customers") params.set("interval", filters.interval)
  const keys = report === "funnel" ? (["sales_channel_id"] as const) : (["currency_code", "region_id", "sales_channel_id"] as const)
  for (const key of keys) {
    if (filters[key] !== ALL) params.set(key, filters[key])
  }
  for (const [key, value] of Object.entries(extra)) params.set(key, value)
  return params.toString()
}
