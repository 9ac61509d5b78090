import { defineWidgetConfig } from "@medusajs/admin-sdk"
import { ChartBar } from "@medusajs/icons"
import { Container, Heading, Skeleton, Text } from "@medusajs/ui"
import { formatCount, formatMoney, zoneName } from "../routes/analytics/components/format"
import { browserTimeZone, todayIn } from "../routes/analytics/components/range"
import { Stat } from "../routes/analytics/components/stat"
import type { CustomersReport, SalesReport } from "../routes/analytics/components/types"
import { useAdminJson } from "../lib/use-admin-json"

/**
 * On the orders list, the dashboard's landing page: today's revenue and orders per currency
 * and today's registrations, each against yesterday (the reports' previous period of a one-day
 * range), with a link to the analytics page. "Today" and "yesterday" are the browser's time zone's
 * calendar days, and the reports are asked to count in that zone.
 */
const AnalyticsTodayWidget = () => {
  const timezone = browserTimeZone()
  const today = todayIn(timezone)
  const query = new URLSearchParams({ from: today, to: today, interval: "day", timezone }).toString()
  const { data: sales, error: salesError } = useAdminJson<SalesReport>(`/admin/analytics/sales?${query}`)
  const { data: customers, error: customersError } = useAdminJson<CustomersReport>(`/admin/analytics/customers?${query}`)
  const error = salesError ?? customersError

  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between px-6 py-4">
        <div>
          <Heading level="h2">Today</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Compared with yesterday (days in {zoneName(timezone)})
          </Text>
        </div>
        <a
          className="flex items-center gap-x-1 text-ui-fg-interactive hover:text-ui-fg-interactive-hover txt-compact-small-plus"
          href="/app/analytics"
        >
          <ChartBar />
          Open analytics
        </a>
      </div>
      <div className="px-6 py-4">
        {error ? (
          <Text className="text-ui-fg-error">Could not load today's numbers: {error}</Text>
        ) : !sales || !customers ? (
          <div className="grid grid-cols-2 gap-3 md:grid-cols-3" aria-label="Loading today's numbers">
            <Skeleton className="h-20 w-full" />
            <Skeleton className="h-20 w-full" />
            <Skeleton className="h-20 w-full" />
          </div>
        ) : (
          <div className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-5">
            {sales.currencies.flatMap((c) => {
              const CODE = c.currency_code.toUpperCase()
              return [
                <Stat
                  key={`${c.currency_code}-revenue`}
                  label={`Revenue ${CODE}`}
                  value={formatMoney(c.current.revenue, c.currency_code)}
                  change={c.change.revenue}
                  zero={c.current.revenue === 0}
                  previous={formatMoney(c.previous.revenue, c.currency_code)}
                  previousLabel="Yesterday"
                />,
                <Stat
                  key={`${c.currency_code}-orders`}
                  label={`Orders ${CODE}`}
                  value={formatCount(c.current.orders)}
                  change={c.change.orders}
                  zero={c.current.orders === 0}
                  previous={formatCount(c.previous.orders)}
                  previousLabel="Yesterday"
                />,
              ]
            })}
            <Stat
              label="Registrations"
              value={formatCount(customers.registrations.current)}
              change={customers.registrations.change}
              zero={customers.registrations.current === 0}
              previous={formatCount(customers.registrations.previous)}
              previousLabel="Yesterday"
            />
            {sales.currencies.length === 0 ? (
              <Text className="col-span-2 self-center text-ui-fg-subtle">No orders today or yesterday yet.</Text>
            ) : null}
          </div>
        )}
      </div>
    </Container>
  )
}

// Medusa 2.21 lays a list page's widgets out after the list whatever the `.before`/`.after`
// suffix; a merchant moves it above with the page's "Customize" layout editor, which keeps the
// choice under this id.
export const config = defineWidgetConfig({
  zone: "order.list.before",
  id: "emporium:analytics-today",
})

export default AnalyticsTodayWidget
