/**
 * The answers of the admin analytics routes (src/modules/analytics/README.md, "Admin reports"):
 * the module's own report types, imported as types only, so the page and the API cannot drift.
 * Money is in major units of its currency (12.5 = 12.50 EUR) and never summed across
 * currencies; a `change` is a percentage, or null when the previous value was 0.
 */
import type { CustomersReport } from "../../../../modules/analytics/reports/customers"
import type { FunnelReport, FunnelStepFigures, CartAbandonment } from "../../../../modules/analytics/reports/funnel"
import type { CategoryRow, ProductRow } from "../../../../modules/analytics/reports/products"
import type { SalesPoint, SalesReport, SalesTotals } from "../../../../modules/analytics/reports/sales"
import type { ReportInterval } from "../../../../modules/analytics/reports/types"
import type { FunnelStep as FunnelStepName } from "../../../../modules/analytics/models/analytics-session"

export type { CartAbandonment, CustomersReport, FunnelReport, FunnelStepName, SalesReport, SalesTotals }
export type Interval = ReportInterval
export type SalesBucket = SalesPoint
export type CurrencySales = SalesReport["currencies"][number]
export type TopProduct = ProductRow
export type ProductsReport = { products: TopProduct[] }
/** `name` is the category's name today; null when it was deleted since. */
export type TopCategory = CategoryRow & { name: string | null }
export type CategoriesReport = { categories: TopCategory[] }
export type FunnelStep = FunnelStepFigures
export type Comparison = CustomersReport["registrations"]
export type CustomersBucket = CustomersReport["series"][number]
