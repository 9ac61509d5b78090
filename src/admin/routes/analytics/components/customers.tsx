import { Text } from "@medusajs/ui"
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts"
import { CHART, tooltipStyle } from "./chart-colors"
import { CsvButton } from "./csv-button"
import { formatBucket, formatCount } from "./format"
import { Section, SkeletonChart } from "./section"
import { Stat } from "./stat"
import type { CustomersReport, Interval } from "./types"
import { useReport } from "./use-report"

/**
 * Customers: registrations, and the customers who ordered in the range split into new (their
 * first order ever is in the range) and returning.
 */
export function CustomersSection({ query, interval }: { query: string; interval: Interval }) {
  const path = `/admin/analytics/customers?${query}`
  const { data, error, updating } = useReport<CustomersReport>(path)
  const points = (data?.series ?? []).map((b) => ({ ...b, label: formatBucket(b.bucket, interval) }))

  return (
    <Section
      title="Customers"
      description="New: first order ever in the range; returning: ordered before. Registrations count every sign-up (only the range applies to them)."
      actions={<CsvButton path={path} fallbackName="customers.csv" />}
      what="customers"
      error={error}
      loaded={!!data}
      updating={updating}
      skeleton={<SkeletonChart />}
    >
      {data ? (
        <div className="flex flex-col gap-y-4 px-6 py-4">
          <div className="grid grid-cols-1 gap-3 md:grid-cols-3">
            {(
              [
                ["Registrations", data.registrations],
                ["New customers", data.new_customers],
                ["Returning customers", data.returning_customers],
              ] as const
            ).map(([label, figure]) => (
              <Stat
                key={label}
                label={label}
                value={formatCount(figure.current)}
                change={figure.change}
                zero={figure.current === 0}
                previous={formatCount(figure.previous)}
              />
            ))}
          </div>
          {points.length ? (
            <figure aria-label={`Customers by ${interval}`} className="h-64 w-full">
              <ResponsiveContainer width="100%" height="100%">
                <ComposedChart data={points} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
                  <CartesianGrid stroke={CHART.grid} strokeDasharray="3 3" vertical={false} />
                  <XAxis dataKey="label" tick={CHART.tick} stroke={CHART.axis} minTickGap={16} />
                  <YAxis allowDecimals={false} tick={CHART.tick} stroke={CHART.axis} width={48} />
                  <Tooltip {...tooltipStyle} formatter={(value) => formatCount(Number(value))} />
                  <Legend wrapperStyle={{ fontSize: 12 }} />
                  <Bar animationDuration={400} dataKey="new_customers" name="New customers" stackId="customers" fill={CHART.green} />
                  <Bar
                    animationDuration={400}
                    dataKey="returning_customers"
                    name="Returning customers"
                    stackId="customers"
                    fill={CHART.purple}
                    radius={[3, 3, 0, 0]}
                  />
                  <Line animationDuration={400} type="monotone" dataKey="registrations" name="Registrations" stroke={CHART.orange} strokeWidth={2} dot={false} />
                </ComposedChart>
              </ResponsiveContainer>
            </figure>
          ) : (
            <Text size="small" className="text-ui-fg-subtle">
              Nothing to chart in this range.
            </Text>
          )}
        </div>
      ) : null}
    </Section>
  )
}
