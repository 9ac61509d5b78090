import { z } from "@medusajs/framework/zod"
import { addDays, isTimeZone, localDay, startOfDay } from "../../../modules/analytics/reports/range"
import { REPORT_INTERVALS } from "../../../modules/analytics/reports/types"

const DAY_MS = 86_400_000
/** Longest range a report covers: two years, so a daily series stays a few hundred points. */
export const MAX_RANGE_DAYS = 731
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/

/** `YYYY-MM-DD` (a UTC day) or an ISO date-time with offset; anything else is a 400 naming the field. */
const instant = (field: string) =>
  z
    .string()
    .trim()
    .refine((v) => (DATE_ONLY.test(v) ? isCalendarDay(v) : z.string().datetime({ offset: true }).safeParse(v).success), {
      message: `${field} must be a date (YYYY-MM-DD) or an ISO date-time`,
    })

/**
 * The query every report takes. A date-only `to` means "through that day", so it becomes the
 * next midnight (ranges are half-open); date-only days are those of `timezone` (default UTC).
 * Default: the last 30 days, today included.
 */
export const AdminAnalyticsReportQuery = z
  .object({
    from: instant("from").optional(),
    to: instant("to").optional(),
    interval: z.enum(REPORT_INTERVALS).default("day"),
    currency_code: z.string().trim().toLowerCase().regex(/^[a-z]{3}$/, "currency_code must be a 3-letter ISO code").optional(),
    region_id: z.string().trim().min(1).max(100).optional(),
    sales_channel_id: z.string().trim().min(1).max(100).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(10),
    format: z.enum(["json", "csv"]).default("json"),
    timezone: z
      .string()
      .trim()
      .max(64)
      .refine(isTimeZone, { message: "timezone must be an IANA time zone name, e.g. Europe/Berlin" })
      .default("UTC"),
  })
  .strict()
  .transform(({ from, to, ...rest }, ctx) => {
    const tz = rest.timezone
    // Days are the time zone's calendar days: "2026-11-30" in New York ends at 05:00 UTC on 1 December.
    const end = to
      ? DATE_ONLY.test(to)
        ? startOfDay(addDays(to, 1), tz)
        : new Date(to)
      : startOfDay(addDays(localDay(new Date(), tz), 1), tz)
    const start = from ? (DATE_ONLY.test(from) ? startOfDay(from, tz) : new Date(from)) : startOfDay(addDays(localDay(end, tz), -30), tz)
    if (start >= end) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["from"], message: "from must be before to" })
      return z.NEVER
    }
    if (end.getTime() - start.getTime() > MAX_RANGE_DAYS * DAY_MS) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["to"], message: `a report covers at most ${MAX_RANGE_DAYS} days` })
      return z.NEVER
    }
    return { ...rest, from: start, to: end }
  })

export type AdminAnalyticsReportQueryType = z.infer<typeof AdminAnalyticsReportQuery>

export const AdminAnalyticsBackfill = z.object({}).strict()

/** JavaScript rolls 2026-02-31 over to 3 March; a real day survives the round trip. */
function isCalendarDay(v: string): boolean {
  const at = Date.parse(`${v}T00:00:00Z`)
  return !Number.isNaN(at) && new Date(at).toISOString().slice(0, 10) === v
}
