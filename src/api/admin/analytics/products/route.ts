import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { sendCsv } from "../csv"
import { analyticsOf } from "../service"
import type { AdminAnalyticsReportQueryType } from "../validators"

/** GET /admin/analytics/products — best sellers per currency in the range. */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const query = req.validatedQuery as AdminAnalyticsReportQueryType
  const products = await analyticsOf(req).topProducts(query)
  if (query.format === "csv") {
    const rows = products.map((p) => [p.currency_code, p.product_id, p.title, p.units, p.orders, p.revenue])
    return sendCsv(res, "products", query, ["currency_code", "product_id", "title", "units", "orders", "revenue"], rows)
  }
  res.json({ products })
}
