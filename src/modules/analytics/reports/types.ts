export const REPORT_INTERVALS = ["day", "week", "month"] as const
export type ReportInterval = (typeof REPORT_INTERVALS)[number]

/** A half-open UTC range [from, to). */
export type TimeRange = { from: Date; to: Date }

export type ReportFilters = {
  currency_code?: string
  region_id?: string
  sales_channel_id?: string
}

export type ReportQuery = TimeRange &
  ReportFilters & {
    interval?: ReportInterval
    limit?: number
    /** IANA time zone whose calendar days, weeks and months the series use. Default UTC. */
    timezone?: string
  }

/** Runs one parameterised statement (`?` placeholders) and returns its rows. */
export type RunSql = <T = Record<string, unknown>>(sql: string, params: unknown[]) => Promise<T[]>
