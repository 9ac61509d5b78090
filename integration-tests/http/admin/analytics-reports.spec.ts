import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { EMPORIUM_ANALYTICS_MODULE } from "../../../src/modules/analytics"
import type EmporiumAnalyticsModuleService from "../../../src/modules/analytics/service"
import type { OrderFact } from "../../../src/modules/analytics/service"
import { expectClientError } from "../../helpers/bad-inputs"
import { attempt, ok, type Api } from "../../helpers/http"
import { seedStore, type StoreFixture } from "../../helpers/store-fixture"

jest.setTimeout(180_000)
delete process.env.REDIS_URL

/**
 * The reports' arithmetic on a small hand-made data set, written through the module's own
 * fact API with chosen dates (real orders all happen "now"; analytics-flow.spec.ts covers those):
 * two currencies, a canceled order, refunds in both periods, new and returning customers.
 */
const line = (id: string, product_id: string, quantity: number, total: number, category_ids: string[]) => ({
  line_item_id: id,
  product_id,
  variant_id: `${product_id}_v`,
  product_title: product_id === "prod_a" ? "Alpha" : "Beta",
  category_ids,
  quantity,
  total,
})

function dataSet(categoryId: string): OrderFact[] {
  const eur = { currency_code: "eur", region_id: "reg_eu", sales_channel_id: "sc_web", cart_id: null, tax_total: 0, shipping_total: 0, discount_total: 0 }
  const usd = { ...eur, currency_code: "usd", region_id: "reg_us" }
  return [
    { ...eur, order_id: "order_1", placed_at: "2026-11-02T10:00:00Z", canceled_at: null, customer_id: "cus_a", total: 100, subtotal: 100, lines: [line("li_1", "prod_a", 2, 100, [categoryId])] },
    { ...eur, order_id: "order_2", placed_at: "2026-11-03T23:30:00Z", canceled_at: null, customer_id: "cus_b", total: 50.5, subtotal: 50.5, lines: [line("li_2", "prod_b", 1, 50.5, [categoryId, "pcat_other"])] },
    { ...eur, order_id: "order_3", placed_at: "2026-11-10T12:00:00Z", canceled_at: "2026-11-11T09:00:00Z", customer_id: "cus_a", total: 30, subtotal: 30, lines: [line("li_3", "prod_a", 1, 30, [categoryId])] },
    { ...eur, order_id: "order_4", placed_at: "2026-10-15T08:00:00Z", canceled_at: null, customer_id: "cus_b", total: 80, subtotal: 80, lines: [line("li_4", "prod_b", 1, 80, [categoryId])] },
    { ...usd, order_id: "order_5", placed_at: "2026-11-20T15:00:00Z", canceled_at: null, customer_id: "cus_c", total: 200, subtotal: 200, lines: [line("li_5", "prod_a", 4, 200, [categoryId])] },
  ]
}

const NOVEMBER = "from=2026-11-01&to=2026-11-30"

medusaIntegrationTestRunner({
  testSuite: ({ api: rawApi, getContainer }) => {
    const api = rawApi as Api
    let f: StoreFixture
    let analytics: EmporiumAnalyticsModuleService

    beforeAll(async () => {
      f = await seedStore(getContainer(), api)
    })

    async function loadDataSet() {
      analytics = getContainer().resolve<EmporiumAnalyticsModuleService>(EMPORIUM_ANALYTICS_MODULE)
      await analytics.recordOrders(dataSet(f.category.id))
      await analytics.recordRefunds([
        { refund_id: "ref_1", order_id: "order_1", refunded_at: "2026-11-05T12:00:00Z", currency_code: "eur", region_id: "reg_eu", sales_channel_id: "sc_web", amount: 20 },
        { refund_id: "ref_2", order_id: "order_x", refunded_at: "2026-10-20T12:00:00Z", currency_code: "usd", region_id: "reg_us", sales_channel_id: "sc_web", amount: 10 },
      ])
      await analytics.recordRegistrations([
        { customer_id: "cus_a", registered_at: "2026-11-01T08:00:00Z" },
        { customer_id: "cus_c", registered_at: "2026-11-19T08:00:00Z" },
        { customer_id: "cus_d", registered_at: "2026-10-10T08:00:00Z" },
      ])
    }

    const get = <T = any>(path: string) => ok<T>(api.get(path, f.admin.headers))

    it("sales: per-currency totals, the previous period, percent change and a zero-filled weekly series", async () => {
      await loadDataSet()
      // Recording a fact twice (a redelivered event, a second backfill) changes nothing.
      await analytics.recordOrders(dataSet(f.category.id))

      const report = await get(`/admin/analytics/sales?${NOVEMBER}&interval=week`)
      expect(report.range).toEqual({ from: "2026-11-01T00:00:00.000Z", to: "2026-12-01T00:00:00.000Z", interval: "week", timezone: "UTC" })
      expect(report.previous_range).toEqual({ from: "2026-10-02T00:00:00.000Z", to: "2026-11-01T00:00:00.000Z" })
      expect(report.currencies.map((c: any) => c.currency_code)).toEqual(["eur", "usd"])

      const [eur, usd] = report.currencies
      expect(eur.current).toEqual({ revenue: 150.5, orders: 2, average_order_value: 75.25, units: 3, refunds: 20, net_revenue: 130.5, canceled_orders: 1 })
      expect(eur.previous).toEqual({ revenue: 80, orders: 1, average_order_value: 80, units: 1, refunds: 0, net_revenue: 80, canceled_orders: 0 })
      expect(eur.change).toMatchObject({ revenue: 88.1, orders: 100, units: 200, refunds: null, canceled_orders: null })
      // Weeks start on Monday: 1 November 2026 is a Sunday, so the first bucket is 26 October.
      expect(eur.series).toEqual([
        { bucket: "2026-10-26", revenue: 0, orders: 0, units: 0, refunds: 0 },
        { bucket: "2026-11-02", revenue: 150.5, orders: 2, units: 3, refunds: 20 },
        { bucket: "2026-11-09", revenue: 0, orders: 0, units: 0, refunds: 0 },
        { bucket: "2026-11-16", revenue: 0, orders: 0, units: 0, refunds: 0 },
        { bucket: "2026-11-23", revenue: 0, orders: 0, units: 0, refunds: 0 },
        { bucket: "2026-11-30", revenue: 0, orders: 0, units: 0, refunds: 0 },
      ])
      expect(usd.current).toEqual({ revenue: 200, orders: 1, average_order_value: 200, units: 4, refunds: 0, net_revenue: 200, canceled_orders: 0 })
      expect(usd.previous).toMatchObject({ revenue: 0, orders: 0, refunds: 10, net_revenue: -10 })
      expect(usd.change).toMatchObject({ revenue: null, refunds: -100 })

      const daily = await get(`/admin/analytics/sales?${NOVEMBER}&currency_code=EUR`)
      expect(daily.currencies).toHaveLength(1)
      expect(daily.currencies[0].series).toHaveLength(30)
      expect(daily.currencies[0].series.find((p: any) => p.bucket === "2026-11-03")).toEqual({ bucket: "2026-11-03", revenue: 50.5, orders: 1, units: 1, refunds: 0 })

      // Tokyo's 1 November starts at 15:00 UTC on 31 October; order_2 (23:30 UTC on the 3rd) is on the 4th there.
      const tokyo = await get(`/admin/analytics/sales?${NOVEMBER}&currency_code=eur&timezone=Asia/Tokyo`)
      expect(tokyo.range).toEqual({ from: "2026-10-31T15:00:00.000Z", to: "2026-11-30T15:00:00.000Z", interval: "day", timezone: "Asia/Tokyo" })
      expect(tokyo.currencies[0].series.filter((p: any) => p.orders > 0).map((p: any) => [p.bucket, p.revenue])).toEqual([
        ["2026-11-02", 100],
        ["2026-11-04", 50.5],
      ])

      const monthly = await get(`/admin/analytics/sales?from=2026-10-01&to=2026-11-30&interval=month&region_id=reg_us`)
      expect(monthly.currencies.map((c: any) => [c.currency_code, c.series])).toEqual([
        ["usd", [
          { bucket: "2026-10-01", revenue: 0, orders: 0, units: 0, refunds: 10 },
          { bucket: "2026-11-01", revenue: 200, orders: 1, units: 4, refunds: 0 },
        ]],
      ])

      const csv = await attempt(api.get(`/admin/analytics/sales?${NOVEMBER}&interval=week&currency_code=usd&format=csv`, f.admin.headers))
      expect(csv.status).toBe(200)
      expect(csv.data).toBe(
        [
          "currency_code,week,orders,revenue,units,refunds",
          "usd,2026-10-26,0,0,0,0",
          "usd,2026-11-02,0,0,0,0",
          "usd,2026-11-09,0,0,0,0",
          "usd,2026-11-16,1,200,4,0",
          "usd,2026-11-23,0,0,0,0",
          "usd,2026-11-30,0,0,0,0",
          "",
        ].join("\r\n")
      )
    })

    it("products and categories: best sellers per currency, canceled orders left out, categories named", async () => {
      await loadDataSet()
      const { products } = await get(`/admin/analytics/products?${NOVEMBER}`)
      expect(products).toEqual([
        { product_id: "prod_a", title: "Alpha", currency_code: "eur", units: 2, orders: 1, revenue: 100 },
        { product_id: "prod_b", title: "Beta", currency_code: "eur", units: 1, orders: 1, revenue: 50.5 },
        { product_id: "prod_a", title: "Alpha", currency_code: "usd", units: 4, orders: 1, revenue: 200 },
      ])
      const top1 = await get(`/admin/analytics/products?${NOVEMBER}&limit=1`)
      expect(top1.products.map((p: any) => [p.currency_code, p.product_id])).toEqual([["eur", "prod_a"], ["usd", "prod_a"]])

      const { categories } = await get(`/admin/analytics/categories?${NOVEMBER}`)
      expect(categories).toEqual([
        { category_id: f.category.id, name: "Shirts", currency_code: "eur", units: 3, orders: 2, revenue: 150.5 },
        { category_id: "pcat_other", name: null, currency_code: "eur", units: 1, orders: 1, revenue: 50.5 },
        { category_id: f.category.id, name: "Shirts", currency_code: "usd", units: 4, orders: 1, revenue: 200 },
      ])

      const csv = await attempt(api.get(`/admin/analytics/products?${NOVEMBER}&currency_code=eur&format=csv`, f.admin.headers))
      expect(csv.data).toBe("currency_code,product_id,title,units,orders,revenue\r\neur,prod_a,Alpha,2,1,100\r\neur,prod_b,Beta,1,1,50.5\r\n")
    })

    it("customers: registrations and new vs returning, against the previous period", async () => {
      await loadDataSet()
      const report = await get(`/admin/analytics/customers?${NOVEMBER}&interval=week`)
      // cus_a's first order is in November (its canceled one does not count), cus_b ordered in
      // October already, cus_c is new; in October, cus_b was new.
      expect(report.new_customers).toEqual({ current: 2, previous: 1, change: 100 })
      expect(report.returning_customers).toEqual({ current: 1, previous: 0, change: null })
      expect(report.registrations).toEqual({ current: 2, previous: 1, change: 100 })
      expect(report.series).toEqual([
        { bucket: "2026-10-26", registrations: 1, new_customers: 0, returning_customers: 0 },
        { bucket: "2026-11-02", registrations: 0, new_customers: 1, returning_customers: 1 },
        { bucket: "2026-11-09", registrations: 0, new_customers: 0, returning_customers: 0 },
        { bucket: "2026-11-16", registrations: 1, new_customers: 1, returning_customers: 0 },
        { bucket: "2026-11-23", registrations: 0, new_customers: 0, returning_customers: 0 },
        { bucket: "2026-11-30", registrations: 0, new_customers: 0, returning_customers: 0 },
      ])
    })

    it("answers a bad report query with 400 and a message, and keeps reports for admins", async () => {
      for (const [label, path] of [
        ["unparsable from", "/admin/analytics/sales?from=yesterday"],
        ["from after to", "/admin/analytics/sales?from=2026-11-30&to=2026-11-01"],
        ["range over two years", "/admin/analytics/sales?from=2020-01-01&to=2026-11-01"],
        ["unknown interval", "/admin/analytics/sales?interval=hour"],
        ["bad currency", "/admin/analytics/products?currency_code=euro"],
        ["limit too high", "/admin/analytics/products?limit=1000"],
        ["unknown parameter", "/admin/analytics/funnel?foo=1"],
        ["unknown format", "/admin/analytics/customers?format=xml"],
        ["impossible date", "/admin/analytics/categories?from=2026-02-31"],
        ["unknown time zone", "/admin/analytics/sales?timezone=Mars/Olympus"],
      ] as const) {
        const result = await attempt(api.get(path, f.admin.headers))
        expectClientError(result, label)
        expect(result.status).toBe(400)
      }
      const noInterval = await attempt(api.get("/admin/analytics/sales?from=2026-11-30&to=2026-11-01", f.admin.headers))
      expect(noInterval.data.message).toContain("from must be before to")

      const anonymous = await attempt(api.get("/admin/analytics/sales"))
      expect(anonymous.status).toBe(401)
    })
  },
})
