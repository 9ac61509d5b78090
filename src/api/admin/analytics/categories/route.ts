import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { sendCsv } from "../csv"
import { analyticsOf } from "../service"
import type { AdminAnalyticsReportQueryType } from "../validators"

/** GET /admin/analytics/categories — best categories per currency, named as the categories are named today. */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const query = req.validatedQuery as AdminAnalyticsReportQueryType
  const rows = await analyticsOf(req).topCategories(query)
  const ids = [...new Set(rows.map((r) => r.category_id))]
  const { data } = ids.length
    ? await req.scope.resolve(ContainerRegistrationKeys.QUERY).graph({
        entity: "product_category",
        fields: ["id", "name"],
        filters: { id: ids },
      })
    : { data: [] }
  const names = new Map((data as { id: string; name: string }[]).map((c) => [c.id, c.name]))
  const categories = rows.map((r) => ({ category_id: r.category_id, name: names.get(r.category_id) ?? null, ...withoutId(r) }))
  if (query.format === "csv") {
    const table = categories.map((c) => [c.currency_code, c.category_id, c.name, c.units, c.orders, c.revenue])
    return sendCsv(res, "categories", query, ["currency_code", "category_id", "name", "units", "orders", "revenue"], table)
  }
  res.json({ categories })
}

const withoutId = <T extends { category_id: string }>({ category_id: _id, ...rest }: T) => rest
