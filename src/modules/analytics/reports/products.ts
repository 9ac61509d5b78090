import { filterSql, roundMoney, toNumber } from "./range"
import type { ReportQuery, RunSql } from "./types"

export type ProductRow = { product_id: string; title: string | null; currency_code: string; units: number; orders: number; revenue: number }
export type CategoryRow = { category_id: string; currency_code: string; units: number; orders: number; revenue: number }

type Raw = { key: string; title?: string | null; currency_code: string; units: string; orders: string; revenue: string }

/** Best sellers per currency by revenue (then units), from the lines of orders placed in the range and not canceled. */
export async function topProducts(run: RunSql, query: ReportQuery): Promise<ProductRow[]> {
  const params: unknown[] = [query.from, query.to]
  const filter = filterSql(query, params, ["currency_code", "region_id", "sales_channel_id"])
  params.push(query.limit ?? 10)
  const rows = await run<Raw>(
    `SELECT key, title, currency_code, units, orders, revenue FROM (
       SELECT product_id AS key, max(product_title) AS title, currency_code, sum(quantity) AS units,
         count(DISTINCT order_id) AS orders, sum(total) AS revenue,
         row_number() OVER (PARTITION BY currency_code ORDER BY sum(total) DESC, sum(quantity) DESC, product_id) AS rank
       FROM analytics_order_line
       WHERE deleted_at IS NULL AND NOT canceled AND product_id IS NOT NULL AND placed_at >= ? AND placed_at < ?${filter}
       GROUP BY product_id, currency_code
     ) ranked WHERE rank <= ? ORDER BY currency_code, rank`,
    params
  )
  return rows.map((r) => ({ product_id: r.key, title: r.title ?? null, ...figures(r) }))
}

/** Best categories per currency; a line counts for every category its product was in when ordered. */
export async function topCategories(run: RunSql, query: ReportQuery): Promise<CategoryRow[]> {
  const params: unknown[] = [query.from, query.to]
  const filter = filterSql(query, params, ["currency_code", "region_id", "sales_channel_id"], "l")
  params.push(query.limit ?? 10)
  const rows = await run<Raw>(
    `SELECT key, currency_code, units, orders, revenue FROM (
       SELECT c.category_id AS key, l.currency_code, sum(l.quantity) AS units,
         count(DISTINCT l.order_id) AS orders, sum(l.total) AS revenue,
         row_number() OVER (PARTITION BY l.currency_code ORDER BY sum(l.total) DESC, sum(l.quantity) DESC, c.category_id) AS rank
       FROM analytics_order_line l CROSS JOIN LATERAL unnest(l.category_ids) AS c(category_id)
       WHERE l.deleted_at IS NULL AND NOT l.canceled AND l.placed_at >= ? AND l.placed_at < ?${filter}
       GROUP BY c.category_id, l.currency_code
     ) ranked WHERE rank <= ? ORDER BY currency_code, rank`,
    params
  )
  return rows.map((r) => ({ category_id: r.key, ...figures(r) }))
}

const figures = (r: Raw) => ({
  currency_code: r.currency_code,
  units: toNumber(r.units),
  orders: toNumber(r.orders),
  revenue: roundMoney(toNumber(r.revenue)),
})
