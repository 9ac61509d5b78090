import { FUNNEL_STEPS, type FunnelStep } from "../models/analytics-session"
import { filterSql, previousRange, toNumber } from "./range"
import type { ReportQuery, RunSql, TimeRange } from "./types"

export type FunnelStepFigures = {
  step: FunnelStep
  sessions: number
  /** Share of the previous step's sessions that reached this one (0–1); 1 for the first step. */
  conversion_from_previous: number | null
  conversion_from_start: number | null
  /** Sessions of the previous step that did not reach this one. */
  drop_off: number
}

export type CartAbandonment = { carts: number; completed: number; abandoned: number; rate: number | null }

export type FunnelReport = {
  steps: FunnelStepFigures[]
  /** Events received per name in the range's UTC days (from the daily rollup), most frequent first. */
  events: { name: string; count: number }[]
  cart_abandonment: CartAbandonment
  previous: { steps: FunnelStepFigures[]; cart_abandonment: CartAbandonment }
}

/** Cumulative masks: step n counts sessions that reached steps 1…n (a strict, ordered funnel). */
const MASKS = FUNNEL_STEPS.map((_, i) => FUNNEL_STEPS.slice(0, i + 1).reduce((m, s) => m | s.bit, 0))

export async function funnelReport(run: RunSql, query: ReportQuery): Promise<FunnelReport> {
  const [current, previous, events] = await Promise.all([
    period(run, query, query),
    period(run, query, previousRange(query)),
    eventCounts(run, query),
  ])
  return { ...current, events, previous }
}

async function eventCounts(run: RunSql, query: ReportQuery) {
  const params: unknown[] = [query.from, query.to]
  let channel = ""
  if (query.sales_channel_id) {
    channel = " AND sales_channel_id = ?"
    params.push(query.sales_channel_id)
  }
  // Days are whole UTC days: a range starting mid-day counts that day's events in full.
  const rows = await run<{ name: string; count: string }>(
    `SELECT name, sum(count) AS count FROM analytics_event_daily
     WHERE deleted_at IS NULL AND day >= date_trunc('day', ?::timestamptz AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' AND day < ?${channel}
     GROUP BY name ORDER BY sum(count) DESC, name`,
    params
  )
  return rows.map((r) => ({ name: r.name, count: toNumber(r.count) }))
}

async function period(run: RunSql, query: ReportQuery, range: TimeRange) {
  const params: unknown[] = [range.from, range.to]
  const filter = filterSql(query, params, ["sales_channel_id"])
  const [counts] = await run<Record<string, string>>(
    `SELECT ${MASKS.map((m, i) => `count(*) FILTER (WHERE steps & ${m} = ${m}) AS s${i}`).join(", ")}
     FROM analytics_session WHERE deleted_at IS NULL AND started_at >= ? AND started_at < ?${filter}`,
    params
  )
  const sessions = MASKS.map((_, i) => toNumber(counts?.[`s${i}`]))
  const steps = FUNNEL_STEPS.map(({ step }, i) => ({
    step,
    sessions: sessions[i],
    conversion_from_previous: i === 0 ? (sessions[0] ? 1 : null) : ratio(sessions[i], sessions[i - 1]),
    conversion_from_start: ratio(sessions[i], sessions[0]),
    drop_off: i === 0 ? 0 : sessions[i - 1] - sessions[i],
  }))

  const cartParams: unknown[] = [range.from, range.to]
  const cartFilter = filterSql(query, cartParams, ["sales_channel_id"])
  const [carts] = await run<{ carts: string; completed: string }>(
    `SELECT count(*) AS carts, count(*) FILTER (WHERE completed_at IS NOT NULL) AS completed
     FROM analytics_cart WHERE deleted_at IS NULL AND has_items AND created_at_cart >= ? AND created_at_cart < ?${cartFilter}`,
    cartParams
  )
  const total = toNumber(carts?.carts)
  const completed = toNumber(carts?.completed)
  return {
    steps,
    cart_abandonment: { carts: total, completed, abandoned: total - completed, rate: ratio(total - completed, total) },
  }
}

const ratio = (part: number, whole: number): number | null => (whole ? Math.round((part / whole) * 10_000) / 10_000 : null)
