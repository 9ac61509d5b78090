import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ChartBar } from "@medusajs/icons"
import { Container, Heading, Text } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { CustomersSection } from "./components/customers"
import { FilterBar } from "./components/filters"
import { FunnelSection } from "./components/funnel"
import { zoneName } from "./components/format"
import { ALL, type Filters, filtersFromSearch, filtersToSearch, reportQuery } from "./components/range"
import { SalesSection } from "./components/sales"
import { TopCategoriesSection, TopProductsSection } from "./components/top-list"

/**
 * The merchant's analytics: sales per currency with the change against the previous period,
 * the storefront funnel and cart abandonment, top products and categories, and customers. Every
 * section reads one `/admin/analytics/*` report with the same filters and can download it as CSV.
 * The filters live in the URL, so a view can be bookmarked.
 */
const AnalyticsPage = () => {
  const [filters, setFilters] = useState<Filters>(() => filtersFromSearch(window.location.search))

  useEffect(() => {
    const search = `?${filtersToSearch(filters)}`
    // Keeps the router's own history state; only the query changes.
    if (window.location.search !== search) window.history.replaceState(window.history.state, "", search)
  }, [filters])

  return (
    <div className="flex flex-col gap-y-3">
      <Container className="flex flex-col gap-y-4 px-6 py-4">
        <div>
          <Heading>Analytics</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Days, weeks and months follow the {zoneName(filters.timezone)} time zone. Each number is compared with the
            period of the same length just before.
          </Text>
        </div>
        <FilterBar filters={filters} onChange={setFilters} />
      </Container>
      <SalesSection query={reportQuery(filters, "sales")} />
      <FunnelSection
        query={reportQuery(filters, "funnel")}
        regionOrCurrencyFiltered={filters.region_id !== ALL || filters.currency_code !== ALL}
        timezone={filters.timezone}
      />
      <div className="grid grid-cols-1 gap-3 xl:grid-cols-2">
        <TopProductsSection query={reportQuery(filters, "products")} />
        <TopCategoriesSection query={reportQuery(filters, "categories")} />
      </div>
      <CustomersSection query={reportQuery(filters, "customers")} interval={filters.interval} />
    </div>
  )
}

export const config = defineRouteConfig({
  label: "Analytics",
  icon: ChartBar,
})

export default AnalyticsPage
