import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { sendCsv } from "../csv"
import { analyticsOf } from "../service"
import type { AdminAnalyticsReportQueryType } from "../validators"

/** GET /admin/analytics/sales — revenue, orders, AOV, units, refunds per currency, vs the previous period, with a series. */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const query = req.validatedQuery as AdminAnalyticsReportQueryType
  const report = await analyticsOf(req).salesReport(query)
  if (query.format === "csv") {
    const rows = report.currencies.flatMap((c) =>
      c.series.map((p) => [c.currency_code, p.bucket, p.orders, p.revenue, p.units, p.refunds])
    )
    return sendCsv(res, "sales", query, ["currency_code", query.interval, "orders", "revenue", "units", "refunds"], rows)
  }
  res.json(report)
}
