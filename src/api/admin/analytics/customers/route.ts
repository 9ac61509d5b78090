import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { sendCsv } from "../csv"
import { analyticsOf } from "../service"
import type { AdminAnalyticsReportQueryType } from "../validators"

/** GET /admin/analytics/customers — registrations and new vs returning customers, with a series. */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const query = req.validatedQuery as AdminAnalyticsReportQueryType
  const report = await analyticsOf(req).customersReport(query)
  if (query.format === "csv") {
    const rows = report.series.map((p) => [p.bucket, p.registrations, p.new_customers, p.returning_customers])
    return sendCsv(res, "customers", query, [query.interval, "registrations", "new_customers", "returning_customers"], rows)
  }
  res.json(report)
}
