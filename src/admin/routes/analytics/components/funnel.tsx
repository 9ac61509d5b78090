import { Badge, Table, Text } from "@medusajs/ui"
import { Bar, BarChart, CartesianGrid, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts"
import { CHART, tooltipStyle } from "./chart-colors"
import { CsvButton } from "./csv-button"
import { formatCount, formatPercent } from "./format"
import { Section, SkeletonChart } from "./section"
import { Stat } from "./stat"
import type { FunnelReport, FunnelStepName } from "./types"
import { useReport } from "./use-report"

export const STEP_LABEL: Record<FunnelStepName, string> = {
  product_viewed: "Viewed a product",
  product_added_to_cart: "Added to cart",
  checkout_started: "Started checkout",
  order_placed: "Placed an order",
}

const EVENT_LABEL: Record<string, string> = {
  page_view: "Page views",
  product_list_viewed: "Product lists viewed",
  product_viewed: "Products viewed",
  search_performed: "Searches",
  product_added_to_cart: "Added to cart",
  product_removed_from_cart: "Removed from cart",
  checkout_started: "Checkouts started",
  order_placed: "Orders placed",
}

/** The funnel's rates are fractions (0.25); the page shows percentages. */
const asPercent = (fraction: number | null) => (fraction === null ? null : fraction * 100)

/** `drop_off` counts the previous step's sessions that did not go on; as a share of that step. */
const dropOffPercent = (dropOff: number, previousStepSessions: number | undefined) =>
  previousStepSessions ? (100 * dropOff) / previousStepSessions : null

/**
 * The storefront funnel: sessions started in the range that reached each step (a session counts
 * for a step only if it reached every step before it), what share went on and what dropped off;
 * and how many carts were abandoned.
 */
export function FunnelSection({
  query,
  regionOrCurrencyFiltered,
  timezone,
}: {
  query: string
  regionOrCurrencyFiltered: boolean
  /** The page's time zone: event counts come from a rollup by UTC day, whatever the zone. */
  timezone: string
}) {
  const path = `/admin/analytics/funnel?${query}`
  const { data, error, updating } = useReport<FunnelReport>(path)
  const previousSessions = new Map(data?.previous.steps.map((s) => [s.step, s.sessions]))
  const steps = (data?.steps ?? []).map((s, i, all) => ({
    ...s,
    dropOffPercent: i === 0 ? null : dropOffPercent(s.drop_off, all[i - 1].sessions),
  }))
  const points = steps.map((s) => ({
    label: STEP_LABEL[s.step] ?? s.step,
    sessions: s.sessions,
    dropOff: s.dropOffPercent === null ? "" : `−${formatPercent(s.dropOffPercent)}`,
  }))
  const abandonment = data?.cart_abandonment
  const previousAbandonment = data?.previous.cart_abandonment

  return (
    <Section
      title="Conversion funnel"
      description={
        regionOrCurrencyFiltered
          ? "Storefront sessions started in the range. Filtered by sales channel only: sessions have no region or currency."
          : "Storefront sessions started in the range."
      }
      actions={<CsvButton path={path} fallbackName="funnel.csv" />}
      what="the funnel"
      error={error}
      loaded={!!data}
      updating={updating}
      skeleton={<SkeletonChart />}
    >
      {data ? (
        <div className="flex flex-col gap-y-4 px-6 py-4">
          <figure aria-label="Sessions per funnel step" className="h-64 w-full">
            <ResponsiveContainer width="100%" height="100%">
              <BarChart data={points} margin={{ top: 24, right: 8, bottom: 0, left: 8 }}>
                <CartesianGrid stroke={CHART.grid} strokeDasharray="3 3" vertical={false} />
                <XAxis dataKey="label" tick={CHART.tick} stroke={CHART.axis} interval={0} />
                <YAxis allowDecimals={false} tick={CHART.tick} stroke={CHART.axis} width={48} />
                <Tooltip {...tooltipStyle} formatter={(value) => formatCount(Number(value))} />
                <Bar dataKey="sessions" name="Sessions" fill={CHART.blue} radius={[4, 4, 0, 0]} animationDuration={400}>
                  <LabelList dataKey="sessions" position="top" fill="var(--fg-base)" fontSize={12} />
                  <LabelList dataKey="dropOff" position="insideTop" fill="var(--fg-on-color)" fontSize={11} />
                </Bar>
              </BarChart>
            </ResponsiveContainer>
          </figure>
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>Step</Table.HeaderCell>
                <Table.HeaderCell className="text-right">Sessions</Table.HeaderCell>
                <Table.HeaderCell className="text-right">From previous step</Table.HeaderCell>
                <Table.HeaderCell className="text-right">From start</Table.HeaderCell>
                <Table.HeaderCell className="text-right">Drop-off</Table.HeaderCell>
                <Table.HeaderCell className="text-right">Previous period</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {steps.map((s, i) => (
                <Table.Row key={s.step}>
                  <Table.Cell>{STEP_LABEL[s.step] ?? s.step}</Table.Cell>
                  <Table.Cell className="text-right">{formatCount(s.sessions)}</Table.Cell>
                  <Table.Cell className="text-right">{formatPercent(asPercent(s.conversion_from_previous))}</Table.Cell>
                  <Table.Cell className="text-right">{formatPercent(asPercent(s.conversion_from_start))}</Table.Cell>
                  <Table.Cell className="text-right">
                    {i === 0 ? "–" : `${formatCount(s.drop_off)} (${formatPercent(s.dropOffPercent)})`}
                  </Table.Cell>
                  <Table.Cell className="text-right">{formatCount(previousSessions.get(s.step) ?? 0)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
          {abandonment ? (
            <div className="grid grid-cols-2 gap-3 md:grid-cols-4">
              <Stat
                label="Cart abandonment"
                value={formatPercent(asPercent(abandonment.rate))}
                previous={previousAbandonment ? formatPercent(asPercent(previousAbandonment.rate)) : undefined}
              />
              <Stat label="Carts" value={formatCount(abandonment.carts)} previous={previousAbandonment ? formatCount(previousAbandonment.carts) : undefined} />
              <Stat
                label="Completed"
                value={formatCount(abandonment.completed)}
                previous={previousAbandonment ? formatCount(previousAbandonment.completed) : undefined}
              />
              <Stat
                label="Abandoned"
                value={formatCount(abandonment.abandoned)}
                previous={previousAbandonment ? formatCount(previousAbandonment.abandoned) : undefined}
              />
            </div>
          ) : null}
          {data.events?.length ? (
            <div role="group" aria-label="Storefront events" className="flex flex-col gap-y-2">
              <Text size="small" weight="plus">
                {timezone === "UTC" ? "Storefront events in the range" : "Storefront events in the range's UTC days"}
              </Text>
              <div className="flex flex-wrap gap-2">
                {data.events.map((e) => (
                  <Badge key={e.name} size="small" color="grey">
                    {EVENT_LABEL[e.name] ?? e.name}: {formatCount(e.count)}
                  </Badge>
                ))}
              </div>
            </div>
          ) : null}
          {data.steps.every((s) => s.sessions === 0) ? (
            <Text size="small" className="text-ui-fg-subtle">
              No storefront sessions in this range: the funnel fills as the storefront sends its events.
            </Text>
          ) : null}
        </div>
      ) : null}
    </Section>
  )
}
