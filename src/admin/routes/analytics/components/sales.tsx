import { Badge, Heading, Text } from "@medusajs/ui"
import { Area, Bar, CartesianGrid, ComposedChart, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts"
import { CHART, tooltipStyle } from "./chart-colors"
import { CsvButton } from "./csv-button"
import { dayOfInstant, formatBucket, formatCount, formatDay, formatMoney, formatMoneyCompact, lastDayOf, zoneName } from "./format"
import { Section, SkeletonChart, SkeletonRows } from "./section"
import { Stat } from "./stat"
import type { CurrencySales, Interval, SalesReport, SalesTotals } from "./types"
import { useReport } from "./use-report"

/** The key numbers, in the order a merchant reads them; money ones in the block's currency. */
const TILES: { label: string; key: Exclude<keyof SalesTotals, "canceled_orders">; isMoney: boolean; lowerIsBetter?: boolean }[] = [
  { label: "Revenue", key: "revenue", isMoney: true },
  { label: "Orders", key: "orders", isMoney: false },
  { label: "Average order value", key: "average_order_value", isMoney: true },
  { label: "Units sold", key: "units", isMoney: false },
  { label: "Refunds", key: "refunds", isMoney: true, lowerIsBetter: true },
  { label: "Net revenue", key: "net_revenue", isMoney: true },
]

/**
 * Sales per currency: the key numbers with their change against the previous period of the same
 * length, and revenue and orders over time. Money is never added across currencies, so each
 * currency has its own numbers and chart.
 */
export function SalesSection({ query }: { query: string }) {
  const path = `/admin/analytics/sales?${query}`
  const { data, error, updating } = useReport<SalesReport>(path)
  // The zone the answer's days are in (the one asked for); its range bounds are instants.
  const tz = data?.range.timezone ?? "UTC"
  const span = (range: { from: string; to: string }) =>
    `${formatDay(dayOfInstant(range.from, tz))} – ${formatDay(lastDayOf(range.to, tz))}`

  return (
    <Section
      title="Sales"
      description={
        data
          ? `${span(data.range)}, compared with ${span(data.previous_range)} (days in ${zoneName(tz)})`
          : "Orders placed in the range, not canceled; refunds made in the range."
      }
      actions={<CsvButton path={path} fallbackName="sales.csv" />}
      what="sales"
      error={error}
      loaded={!!data}
      updating={updating}
      skeleton={
        <div className="flex flex-col gap-y-4">
          <SkeletonRows rows={2} />
          <SkeletonChart />
        </div>
      }
    >
      {data && data.currencies.length === 0 ? (
        <Text className="px-6 py-4 text-ui-fg-subtle">No orders or refunds in this range.</Text>
      ) : (
        <div className="divide-y">
          {data?.currencies.map((sales) => (
            <CurrencySalesBlock key={sales.currency_code} sales={sales} interval={data.range.interval} />
          ))}
        </div>
      )}
    </Section>
  )
}

function CurrencySalesBlock({ sales, interval }: { sales: CurrencySales; interval: Interval }) {
  const code = sales.currency_code
  const CODE = code.toUpperCase()
  const money = (n: number) => formatMoney(n, code)
  const { current, previous, change } = sales
  const points = sales.series.map((b) => ({ label: formatBucket(b.bucket, interval), revenue: b.revenue, orders: b.orders }))

  return (
    <section aria-label={`Sales in ${CODE}`} className="flex flex-col gap-y-4 px-6 py-4">
      <div className="flex items-center gap-x-2">
        <Heading level="h3">{CODE}</Heading>
        {current.canceled_orders > 0 ? (
          <Badge size="2xsmall" color="orange">
            {formatCount(current.canceled_orders)} canceled, not counted
          </Badge>
        ) : null}
      </div>
      <div className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-6">
        {TILES.map(({ label, key, isMoney, lowerIsBetter }) => {
          const show = (n: number) => (isMoney ? money(n) : formatCount(n))
          return (
            <Stat
              key={key}
              label={label}
              value={show(current[key])}
              change={change[key]}
              zero={current[key] === 0}
              previous={show(previous[key])}
              lowerIsBetter={lowerIsBetter}
            />
          )
        })}
      </div>
      <figure aria-label={`Revenue and orders in ${CODE} by ${interval}`} className="h-64 w-full">
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart data={points} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
            <CartesianGrid stroke={CHART.grid} strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="label" tick={CHART.tick} stroke={CHART.axis} minTickGap={16} />
            <YAxis
              yAxisId="revenue"
              tick={CHART.tick}
              stroke={CHART.axis}
              tickFormatter={(v: number) => formatMoneyCompact(v, code)}
              width={64}
            />
            <YAxis yAxisId="orders" orientation="right" allowDecimals={false} tick={CHART.tick} stroke={CHART.axis} width={40} />
            <Tooltip
              {...tooltipStyle}
              formatter={(value, name) => (name === "Revenue" ? money(Number(value)) : formatCount(Number(value)))}
            />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            <Bar animationDuration={400} yAxisId="orders" dataKey="orders" name="Orders" fill={CHART.purple} fillOpacity={0.5} radius={[3, 3, 0, 0]} />
            <Area
              animationDuration={400}
              yAxisId="revenue"
              type="linear"
              dataKey="revenue"
              name="Revenue"
              stroke={CHART.blue}
              fill={CHART.blue}
              fillOpacity={0.15}
              strokeWidth={2}
            />
          </ComposedChart>
        </ResponsiveContainer>
      </figure>
    </section>
  )
}
