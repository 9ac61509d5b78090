import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { sendCsv } from "../csv"
import { analyticsOf } from "../service"
import type { AdminAnalyticsReportQueryType } from "../validators"

/** GET /admin/analytics/funnel — sessions per step (view → cart → checkout → order) and cart abandonment. */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const query = req.validatedQuery as AdminAnalyticsReportQueryType
  const report = await analyticsOf(req).funnelReport(query)
  if (query.format === "csv") {
    const rows = report.steps.map((s, i) => [
      s.step,
      s.sessions,
      s.conversion_from_previous,
      s.conversion_from_start,
      s.drop_off,
      report.previous.steps[i].sessions,
    ])
    return sendCsv(
      res,
      "funnel",
      query,
      ["step", "sessions", "conversion_from_previous", "conversion_from_start", "drop_off", "previous_sessions"],
      rows
    )
  }
  res.json(report)
}
