/**
 * Browser smoke test of `npm start` as a new user runs it: no DATABASE_URL (so an
 * embedded PostgreSQL), a fresh data dir, the demo store seeded, then headless
 * Chromium logs in to the dashboard and sees the product list. A second start
 * must reuse the data and skip build, migrations and seed; on it, the analytics page
 * charts the demo store's orders with the numbers the analytics API reports, in the browser's
 * time zone (New York here, so a zone other than UTC is proven end to end). The same server then
 * serves the recommendations check: the merchant rebuilds the models from the Recommendations
 * page and pins/excludes on a product page, and the store API follows.
 */
import fs from "fs"
import os from "os"
import path from "path"
import Medusa from "@medusajs/js-sdk"
import { chromium, type Browser, type Locator, type Page } from "playwright-core"
import { spawn } from "child_process"
import { freePort, ROOT, startEngine, stopEngine, type Started } from "../helpers/npm-start"

jest.setTimeout(15 * 60_000)

declare global {
  interface Window {
    /** Progress lines the Recommendations page rendered during a rebuild (recorded by the test). */
    rebuildSteps?: string[]
  }
}

// A leading "-" once made `medusa user` read the password as a flag and create no user.
const ADMIN = { email: "smoke-admin@emporium.test", password: "-smoke-test-password-1" }

// The dashboard formats in the browser's locale; the page is opened in this one.
const LOCALE = "en-US"
const money = (amount: number, currencyCode: string) =>
  new Intl.NumberFormat(LOCALE, { style: "currency", currency: currencyCode.toUpperCase() }).format(amount)
const count = (n: number) => new Intl.NumberFormat(LOCALE).format(n)
// Chromium runs in this zone; the dashboard defaults to the browser's zone, so its days are New
// York's, and every API call here asks for the same `timezone`.
const TIME_ZONE = "America/New_York"
/** Today in `timeZone` moved by `offsetDays` calendar days, as `YYYY-MM-DD`. */
function zoneDay(offsetDays = 0, timeZone = TIME_ZONE): string {
  const today = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date())
  return new Date(Date.parse(`${today}T00:00:00Z`) + offsetDays * 86_400_000).toISOString().slice(0, 10)
}

/** The lines a key-number tile shows (label, change, value, previous period), one per line. */
async function tileLines(scope: Page | Locator, label: string): Promise<string[]> {
  const tile = scope.getByRole("group", { name: label, exact: true })
  await tile.waitFor({ timeout: 30_000 })
  return (await tile.innerText()).split("\n").map((line) => line.trim())
}

type SalesTotals = { revenue: number; orders: number; net_revenue: number }
type SalesReport = {
  range: { from: string; to: string; timezone: string }
  currencies: { currency_code: string; current: SalesTotals; series: { bucket: string; orders: number }[] }[]
}
type FunnelReport = { steps: { step: string; sessions: number }[] }
type CustomersReport = { registrations: { current: number } }

describe("npm start with no configuration, then the admin dashboard in Chromium", () => {
  let env: NodeJS.ProcessEnv
  let port: number
  let browser: Browser | undefined
  /** The second start's server, left running for the recommendations test (saves a restart). */
  let secondStart: Started | undefined

  const launch = async () =>
    (browser ??= await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
    }))

  async function logIn(page: Page) {
    await page.goto(`http://localhost:${port}/app/login`)
    await page.locator('input[name="email"]').fill(ADMIN.email)
    await page.locator('input[name="password"]').fill(ADMIN.password)
    await page.getByRole("button", { name: /continue/i }).click()
    await page.waitForURL((url) => !url.pathname.endsWith("/login"), { timeout: 60_000 })
  }

  /** An admin report, fetched with the logged-in page's session cookie (the page's own credentials). */
  async function report<T>(page: Page, pathAndQuery: string): Promise<T> {
    const res = await page.request.get(`http://localhost:${port}/admin/analytics/${pathAndQuery}`)
    expect(res.status()).toBe(200)
    return (await res.json()) as T
  }

  beforeAll(async () => {
    port = await freePort()
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "emporium-smoke-"))
    env = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      PORT: String(port),
      EMBEDDED_PG_PORT: String(await freePort()),
      EMPORIUM_DATA_DIR: dataDir,
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
    }
  })

  afterAll(async () => {
    if (secondStart) await stopEngine(secondStart)
    await browser?.close()
  })

  it("first start: embedded database, demo store, admin login, product list; Ctrl-C stops it all", async () => {
    const engine = await startEngine(env)
    try {
      const banner = engine.output()
      expect(banner).toContain("embedded PostgreSQL")
      expect(banner).toContain(`Admin dashboard http://localhost:${port}/app`)
      expect(banner).toContain(`Admin login     ${ADMIN.email} / ${ADMIN.password}`)
      const key = banner.match(/Publishable key (pk_\w+)/)?.[1]
      expect(key).toBeDefined()

      // The storefront's view of the demo store, through Medusa's own JS SDK and the printed key.
      const sdk = new Medusa({ baseUrl: `http://localhost:${port}`, publishableKey: key })
      const { regions } = await sdk.store.region.list()
      expect(regions.map((r) => r.currency_code).sort()).toEqual(["eur", "usd"])
      const { products, count } = await sdk.store.product.list({ limit: 1, fields: "title" })
      expect(count).toBeGreaterThanOrEqual(200)
      const title = products[0].title

      const page = await (await launch()).newPage()
      await logIn(page)

      await page.goto(`http://localhost:${port}/app/products?q=${encodeURIComponent(title)}`)
      await expect(page.getByText(title, { exact: true }).first().waitFor({ timeout: 60_000 })).resolves.toBeUndefined()
      await page.screenshot({ path: path.join(os.tmpdir(), "emporium-admin-products.png") })

      // The inventory list opens with Emporium's "Low stock" widget: the seed stocks some items
      // low or not at all, and recorded their alerts before the server started.
      await page.goto(`http://localhost:${port}/app/inventory`)
      await expect(page.getByRole("heading", { name: "Low stock" }).waitFor({ timeout: 60_000 })).resolves.toBeUndefined()
      await expect(page.getByText(/\d+ open alerts?/).first().waitFor({ timeout: 30_000 })).resolves.toBeUndefined()
      await expect(page.getByText(/^(Low|Out of stock)$/).first().waitFor({ timeout: 30_000 })).resolves.toBeUndefined()
      await page.screenshot({ path: path.join(os.tmpdir(), "emporium-admin-low-stock.png"), fullPage: true })

      // Settings → Store shows the store read cache, on, with this process's counters (the
      // store API calls above went through it).
      await page.goto(`http://localhost:${port}/app/settings/store`)
      await expect(page.getByRole("heading", { name: "Store read cache" }).waitFor({ timeout: 60_000 })).resolves.toBeUndefined()
      await expect(page.getByText("On, this process").waitFor({ timeout: 30_000 })).resolves.toBeUndefined()
      await expect(page.getByText(/\d+ answered from the cache/).first().waitFor({ timeout: 30_000 })).resolves.toBeUndefined()

      // Settings → Shipping rates edits the seeded demo rate table, amounts in major units.
      await page.goto(`http://localhost:${port}/app/settings/shipping-rates`)
      await expect(page.getByRole("heading", { name: "Shipping rates" }).waitFor({ timeout: 60_000 })).resolves.toBeUndefined()
      const germanyStandard = page.getByRole("group", { name: "Rates Germany · Emporium House Carrier Standard · EUR" })
      await expect(germanyStandard.waitFor({ timeout: 30_000 })).resolves.toBeUndefined()
      expect(await germanyStandard.getByRole("textbox", { name: /up to 1000 g price$/ }).inputValue()).toBe("4.90")
      expect(await page.getByRole("textbox", { name: "Zone EU West countries" }).inputValue()).toBe("fr, nl, be, lu")
      await expect(page.getByText("Secret not set").waitFor({ timeout: 30_000 })).resolves.toBeUndefined()
      await page.screenshot({ path: path.join(os.tmpdir(), "emporium-admin-shipping-rates.png"), fullPage: true })
    } finally {
      expect(await stopEngine(engine)).toBe(130)
    }
    expect(engine.output()).toContain("stopping the embedded PostgreSQL")
  })

  it("second start reuses the data: no build, no migrations, no seed; the analytics page charts the demo orders", async () => {
    const engine = await startEngine(env)
    let passed = false
    try {
      const output = engine.output()
      expect(output).toContain("build is current: skipping `medusa build`")
      expect(output).toContain("database schema is current: skipping migrations")
      expect(output).not.toContain("seeding the demo store")
      expect(output).not.toContain("initialising embedded PostgreSQL")
      const health = await fetch(`http://localhost:${port}/health`)
      expect(health.status).toBe(200)
      const key = output.match(/Publishable key (pk_\w+)/)?.[1]
      expect(key).toBeDefined()

      // Two storefront visitors: one goes as far as checkout, one only looks at a product.
      const events = await fetch(`http://localhost:${port}/store/analytics/events`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-publishable-api-key": key! },
        body: JSON.stringify({
          events: [
            { name: "product_viewed", anonymous_id: "smoke-visitor-a", properties: { product_id: "prod_smoke" } },
            { name: "product_added_to_cart", anonymous_id: "smoke-visitor-a", properties: { product_id: "prod_smoke", quantity: 1 } },
            { name: "checkout_started", anonymous_id: "smoke-visitor-a", properties: { cart_id: "cart_smoke" } },
            { name: "product_viewed", anonymous_id: "smoke-visitor-b", properties: { product_id: "prod_smoke" } },
          ],
        }),
      })
      expect(events.status).toBe(202)

      const page = await (await launch()).newPage({ locale: LOCALE, timezoneId: TIME_ZONE, viewport: { width: 1440, height: 1000 } })
      expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe(TIME_ZONE)
      await logIn(page)

      // The page's default range: the last 30 days of the browser's zone, today included, by day.
      const zone = `timezone=${encodeURIComponent(TIME_ZONE)}`
      const range = `from=${zoneDay(-29)}&to=${zoneDay()}&${zone}`
      const sales = await report<SalesReport>(page, `sales?${range}&interval=day`)
      expect(sales.range.timezone).toBe(TIME_ZONE)
      // Its bounds are New York midnights (04:00 or 05:00 UTC), not UTC ones.
      expect(sales.range.from).toMatch(/T0[45]:00:00\.000Z$/)
      // The demo store's order history reaches into the last 30 days in both currencies.
      expect(sales.currencies.map((c) => c.currency_code)).toEqual(["eur", "usd"])
      for (const c of sales.currencies) expect(c.current.orders).toBeGreaterThan(0)
      // Events are written within a second; wait until the funnel counts both visitors.
      let funnel = await report<FunnelReport>(page, `funnel?${range}`)
      for (let i = 0; i < 20 && funnel.steps[0].sessions < 2; i++) {
        await new Promise((r) => setTimeout(r, 500))
        funnel = await report<FunnelReport>(page, `funnel?${range}`)
      }
      expect(funnel.steps[0].sessions).toBeGreaterThanOrEqual(2)
      expect(funnel.steps[2].sessions).toBeGreaterThanOrEqual(1)

      // Every report the analytics page asks for names the browser's zone. The login lands on the
      // orders list, whose "Today" widget asks for today's reports, sometimes after the network
      // looked idle: leave that page entirely before recording.
      await page.waitForLoadState("networkidle")
      await page.goto("about:blank")
      const asked: URL[] = []
      const recordReport = (r: { url(): string }) => {
        if (r.url().includes("/admin/analytics/")) asked.push(new URL(r.url()))
      }
      page.on("request", recordReport)
      await page.goto(`http://localhost:${port}/app/analytics`)
      await expect(page.getByRole("heading", { name: "Analytics", exact: true }).waitFor({ timeout: 60_000 })).resolves.toBeUndefined()
      expect(await page.getByRole("combobox", { name: "Range" }).innerText()).toContain("Last 30 days")
      expect(await page.getByRole("combobox", { name: "Time zone" }).innerText()).toContain("America/New York")
      expect(new URL(page.url()).searchParams.get("timezone")).toBe(TIME_ZONE)
      await expect(page.getByText("Days, weeks and months follow the America/New York time zone.", { exact: false }).waitFor({ timeout: 30_000 })).resolves.toBeUndefined()

      for (const c of sales.currencies) {
        const CODE = c.currency_code.toUpperCase()
        const block = page.getByRole("region", { name: `Sales in ${CODE}` })
        // Each currency's revenue/orders chart is drawn as an SVG with its revenue area.
        const chart = block.getByRole("figure", { name: `Revenue and orders in ${CODE} by day` })
        await expect(chart.locator("svg.recharts-surface").first().waitFor({ timeout: 60_000 })).resolves.toBeUndefined()
        await expect(chart.locator(".recharts-area-curve").first().waitFor({ timeout: 30_000 })).resolves.toBeUndefined()
        // One orders bar for each day that had orders (recharts draws no zero-height bar).
        expect(await chart.locator(".recharts-bar-rectangle").count()).toBe(c.series.filter((b) => b.orders > 0).length)
        // What the merchant reads equals what the API reports for the same range.
        expect(await tileLines(block, "Revenue")).toContain(money(c.current.revenue, c.currency_code))
        expect(await tileLines(block, "Orders")).toContain(count(c.current.orders))
        expect(await tileLines(block, "Net revenue")).toContain(money(c.current.net_revenue, c.currency_code))
      }

      const funnelChart = page.getByRole("figure", { name: "Sessions per funnel step" })
      await expect(funnelChart.locator("svg.recharts-surface").first().waitFor({ timeout: 60_000 })).resolves.toBeUndefined()
      // One bar per step that some session reached, labelled with its sessions.
      expect(await funnelChart.locator(".recharts-bar-rectangle").count()).toBe(funnel.steps.filter((s) => s.sessions > 0).length)
      const viewed = page.getByRole("row").filter({ hasText: "Viewed a product" })
      expect((await viewed.locator("td").nth(1).innerText()).trim()).toBe(count(funnel.steps[0].sessions))
      await expect(funnelChart.getByText(count(funnel.steps[0].sessions), { exact: true }).first().waitFor({ timeout: 30_000 })).resolves.toBeUndefined()

      await expect(page.getByRole("figure", { name: "Customers by day" }).locator("svg.recharts-surface").first().waitFor({ timeout: 30_000 })).resolves.toBeUndefined()
      await expect(page.getByRole("heading", { name: "Top products" }).waitFor({ timeout: 30_000 })).resolves.toBeUndefined()
      page.off("request", recordReport)
      expect([...new Set(asked.map((u) => u.pathname))].sort()).toEqual(
        ["categories", "customers", "funnel", "products", "sales"].map((r) => `/admin/analytics/${r}`)
      )
      for (const url of asked) {
        expect(Object.fromEntries(url.searchParams)).toMatchObject({ from: zoneDay(-29), to: zoneDay(), timezone: TIME_ZONE })
      }
      // The dashboard scrolls inside its main column, so a tall window shows the whole page.
      await page.setViewportSize({ width: 1440, height: 4200 })
      await page.waitForTimeout(1000) // the charts' 400 ms entry animation
      await page.screenshot({ path: path.join(os.tmpdir(), "analytics.png") })
      await page.setViewportSize({ width: 1440, height: 1000 })

      // "Download CSV" saves the sales report of the same range, one row per currency and day.
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("region", { name: "Sales", exact: true }).getByRole("button", { name: "Download CSV" }).click(),
      ])
      expect(download.suggestedFilename()).toMatch(/^sales-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/)
      const csv = fs.readFileSync((await download.path())!, "utf8").trim().split(/\r?\n/)
      expect(csv[0]).toBe("currency_code,day,orders,revenue,units,refunds")
      expect(csv.length - 1).toBe(sales.currencies.reduce((n, c) => n + c.series.length, 0))
      // Its days are New York's too: the same buckets as the API's answer for that zone.
      const csvDays = new Set(csv.slice(1).map((line) => line.split(",")[1]))
      expect([...csvDays].sort()).toEqual([...new Set(sales.currencies.flatMap((c) => c.series.map((b) => b.bucket)))].sort())

      // Picking UTC in the "Time zone" filter asks for UTC days and shows the UTC numbers.
      const utcSales = await report<SalesReport>(page, `sales?from=${zoneDay(-29, "UTC")}&to=${zoneDay(0, "UTC")}&timezone=UTC&interval=day`)
      const utcRequest = page.waitForRequest((r) => r.url().includes("/admin/analytics/sales?") && r.url().includes("timezone=UTC"))
      await page.getByRole("combobox", { name: "Time zone" }).click()
      await page.getByRole("option", { name: "UTC", exact: true }).click()
      expect(new URL((await utcRequest).url()).searchParams.get("from")).toBe(zoneDay(-29, "UTC"))
      await page.waitForURL((url) => url.searchParams.get("timezone") === "UTC")
      await expect(page.getByText(/\(days in UTC\)/).waitFor({ timeout: 30_000 })).resolves.toBeUndefined()
      for (const c of utcSales.currencies) {
        const block = page.getByRole("region", { name: `Sales in ${c.currency_code.toUpperCase()}` })
        expect(await tileLines(block, "Revenue")).toContain(money(c.current.revenue, c.currency_code))
        expect(await tileLines(block, "Orders")).toContain(count(c.current.orders))
      }

      // The orders list, the dashboard's landing page, opens with today's numbers against yesterday.
      // Today and yesterday are the browser's (New York's) days, whatever the analytics page's filter.
      const today = `from=${zoneDay()}&to=${zoneDay()}&interval=day&${zone}`
      const todaySales = await report<SalesReport>(page, `sales?${today}`)
      const todayCustomers = await report<CustomersReport>(page, `customers?${today}`)
      await page.goto(`http://localhost:${port}/app/orders`)
      await expect(page.getByRole("heading", { name: "Today", exact: true }).waitFor({ timeout: 60_000 })).resolves.toBeUndefined()
      expect(await page.getByText(/^Compared with yesterday/).innerText()).toBe("Compared with yesterday (days in America/New York)")
      expect(await tileLines(page, "Registrations")).toContain(count(todayCustomers.registrations.current))
      for (const c of todaySales.currencies) {
        const CODE = c.currency_code.toUpperCase()
        expect(await tileLines(page, `Revenue ${CODE}`)).toContain(money(c.current.revenue, c.currency_code))
        expect(await tileLines(page, `Orders ${CODE}`)).toContain(count(c.current.orders))
      }
      if (todaySales.currencies.length === 0) {
        await expect(page.getByText("No orders today or yesterday yet.").waitFor({ timeout: 30_000 })).resolves.toBeUndefined()
      }
      expect(await page.getByRole("link", { name: "Open analytics" }).getAttribute("href")).toBe("/app/analytics")
      await page.screenshot({ path: path.join(os.tmpdir(), "analytics-today.png") })
      passed = true
    } finally {
      // Kept running for the recommendations test, which stops it; stopped now if this one failed.
      if (passed) secondStart = engine
      else expect(await stopEngine(engine)).toBe(130)
    }
  })

  it("mailbox: a new customer's welcome mail lands in the dev mailbox, on disk and on the admin's Mailbox page, rendered; templates preview in German", async () => {
    // The second start's server when that test passed (left running for the recommendations test).
    const engine = secondStart ?? (await startEngine(env))
    try {
      const key = engine.output().match(/Publishable key (pk_\w+)/)?.[1]
      const sdk = new Medusa({ baseUrl: `http://localhost:${port}`, publishableKey: key })
      const email = `mailbox-${Date.now()}@shopper.test`
      const token = await sdk.auth.register("customer", "emailpass", { email, password: "mailbox-pw-1" })
      await sdk.store.customer.create({ email, first_name: "Mira" }, {}, { authorization: `Bearer ${token}` })

      // Nothing leaves the machine: the dev mailbox keeps an .eml file under the data directory.
      const mailboxDir = path.join(env.EMPORIUM_DATA_DIR!, "mailbox")
      let eml = ""
      for (let i = 0; i < 80 && !eml; i++) {
        const days = fs.existsSync(mailboxDir) ? fs.readdirSync(mailboxDir) : []
        const files = days.flatMap((d) => fs.readdirSync(path.join(mailboxDir, d)).map((f) => path.join(mailboxDir, d, f)))
        eml = files.map((f) => fs.readFileSync(f, "utf8")).find((text) => text.includes(email)) ?? ""
        if (!eml) await new Promise((r) => setTimeout(r, 250))
      }
      expect(eml).toMatch(/^Subject: .*Emporium/m)

      const page = await (await launch()).newPage()
      await logIn(page)
      await page.goto(`http://localhost:${port}/app/mailbox?q=${encodeURIComponent(email)}`)
      await expect(page.getByText("Dev mailbox").first().waitFor({ timeout: 60_000 })).resolves.toBeUndefined()
      const row = page.getByRole("row").filter({ hasText: email })
      await row.first().waitFor({ timeout: 30_000 })
      await expect(row.first().innerText()).resolves.toMatch(/welcome/i)
      await row.first().click()
      await page.waitForURL(/\/app\/mailbox\/nmsg_/, { timeout: 30_000 })
      // The rendered mail, in a sandboxed frame: the greeting by first name.
      const frame = page.frameLocator("iframe[sandbox]")
      await expect(frame.getByText(/Mira/).first().waitFor({ timeout: 30_000 })).resolves.toBeUndefined()
      await page.screenshot({ path: path.join(os.tmpdir(), "emporium-admin-mailbox.png") })

      await page.goto(`http://localhost:${port}/app/mailbox/templates`)
      await page.getByRole("button", { name: /order-placed/ }).first().click()
      await page.getByRole("combobox", { name: "Language" }).click()
      await page.getByRole("option", { name: "de", exact: true }).click()
      await expect(page.getByText(/Ihre Bestellung/).first().waitFor({ timeout: 30_000 })).resolves.toBeUndefined()
      await page.close()
    } finally {
      if (!secondStart) await stopEngine(engine)
    }
  })

  it("recommendations: the merchant rebuilds the models with live progress, then pins and excludes on a product page; the store API follows", async () => {
    // The second start's server when that test passed; otherwise a start of our own (data reused).
    const engine = secondStart ?? (await startEngine(env))
    secondStart = undefined
    try {
      const key = engine.output().match(/Publishable key (pk_\w+)/)?.[1]
      expect(key).toBeDefined()
      type StoreList = { products: { id: string; title: string; recommendation: { score: number | null; reason: { type: string } } }[] }
      const boughtTogether = async (productId: string): Promise<StoreList["products"]> => {
        const res = await fetch(`http://localhost:${port}/store/recommendations/products/${productId}?type=bought_together&limit=10&fields=id,title`, {
          headers: { "x-publishable-api-key": key! },
        })
        expect(res.status).toBe(200)
        return ((await res.json()) as StoreList).products
      }
      /** Polls the store list until `check` holds (rule changes reach the store read cache through the event bus). */
      const storeListUntil = async (productId: string, check: (ids: string[]) => boolean): Promise<string[]> => {
        let ids: string[] = []
        for (let i = 0; i < 40; i++) {
          ids = (await boughtTogether(productId)).map((p) => p.id)
          if (check(ids)) return ids
          await new Promise((r) => setTimeout(r, 250))
        }
        return ids
      }

      const page = await (await launch()).newPage({ locale: LOCALE, viewport: { width: 1440, height: 1000 } })
      await logIn(page)
      const adminGet = async <T>(pathAndQuery: string): Promise<T> => {
        const res = await page.request.get(`http://localhost:${port}${pathAndQuery}`)
        expect(res.status()).toBe(200)
        return (await res.json()) as T
      }
      type Status = {
        counts: Record<string, number>
        last_build: { id: string; status: string; trigger: string } | null
        builds: { id: string }[]
      }

      // The seed built the models from the demo orders: the page shows the API's numbers.
      const before = await adminGet<Status>("/admin/recommendations/status")
      expect(before.counts.signals).toBeGreaterThan(0)
      expect(before.counts.bought_together_pairs).toBeGreaterThan(0)
      await page.goto(`http://localhost:${port}/app/orders`)
      await page.getByRole("link", { name: "Recommendations", exact: true }).first().click()
      await page.waitForURL((url) => url.pathname === "/app/recommendations")
      await expect(page.getByRole("heading", { name: "Recommendations", exact: true }).waitFor({ timeout: 60_000 })).resolves.toBeUndefined()
      expect(await tileLines(page, "Signals")).toContain(count(before.counts.signals))
      expect(await tileLines(page, "Bought-together pairs")).toContain(count(before.counts.bought_together_pairs))
      expect(await tileLines(page, "Products")).toContain(count(before.counts.products))
      expect(await page.getByRole("group", { name: "Last build" }).innerText()).toMatch(/Succeeded[\s\S]*took/)

      // "Rebuild now" with the order history: progress step by step, then the result and a new build row.
      // Every progress line the page renders is recorded (a small store rebuilds in a second or two).
      await page.evaluate(() => {
        const seen: string[] = (window.rebuildSteps = [])
        new MutationObserver(() => {
          const text = document.querySelector('[aria-label="Rebuild progress"]')?.textContent
          if (text && seen[seen.length - 1] !== text) seen.push(text)
        }).observe(document.body, { subtree: true, childList: true, characterData: true })
      })
      await page.getByRole("checkbox", { name: "Also import order history" }).click()
      const [started] = await Promise.all([
        page.waitForResponse((r) => r.url().endsWith("/admin/recommendations/rebuild") && r.request().method() === "POST"),
        page.getByRole("button", { name: "Rebuild now" }).click(),
      ])
      expect(started.status()).toBe(202)
      expect(JSON.parse(started.request().postData() ?? "{}")).toEqual({ import_orders: true })
      const buildId = ((await started.json()) as { build: { id: string } }).build.id
      await expect(page.getByText(/^Rebuild finished in /).waitFor({ timeout: 120_000 })).resolves.toBeUndefined()
      // The 202's build is running, so its first step shows at once; polling shows the later ones.
      const steps = await page.evaluate(() => window.rebuildSteps ?? [])
      expect(steps.length).toBeGreaterThan(0)
      for (const step of steps) expect(step).toMatch(/^Step \d+ of \d+: \S/)
      expect(steps[0]).toMatch(/^Step 1 of \d+: Importing the order history/)
      const after = await adminGet<Status>("/admin/recommendations/status")
      expect(after.last_build).toMatchObject({ id: buildId, status: "succeeded", trigger: "admin" })
      await expect(page.getByRole("region", { name: "Recent builds" }).getByRole("row").nth(1).getByText("Succeeded").waitFor({ timeout: 10_000 })).resolves.toBeUndefined()
      expect(await page.getByRole("region", { name: "Recent builds" }).getByRole("row").nth(1).innerText()).toContain("Admin")
      expect(await tileLines(page, "Signals")).toContain(count(after.counts.signals))
      await page.setViewportSize({ width: 1440, height: 2000 })
      await page.screenshot({ path: path.join(os.tmpdir(), "rec-page.png") })
      await page.setViewportSize({ width: 1440, height: 1000 })

      // A product with at least two bought-together products the storefront can sell: from an
      // order of three or more products.
      const { orders } = await adminGet<{ orders: { items: { product_id: string | null }[] }[] }>(
        "/admin/orders?fields=id,items.product_id&limit=100&order=-created_at"
      )
      let anchor: string | undefined
      let original: StoreList["products"] = []
      for (const order of orders) {
        const ids = [...new Set(order.items.map((i) => i.product_id).filter((id): id is string => !!id))]
        if (ids.length < 3) continue
        original = await boughtTogether(ids[0])
        if (original.length >= 2) {
          anchor = ids[0]
          break
        }
      }
      expect(anchor).toBeDefined()
      const [first, second] = original
      expect(first.recommendation.reason.type).toBe("bought_together")

      // The product page's Recommendations section lists the model's ranking with reasons.
      await page.goto(`http://localhost:${port}/app/products/${anchor}`)
      const widget = page.getByRole("region", { name: "Recommendations" })
      await expect(widget.getByRole("tab", { name: /^Bought together \(\d+\)$/ }).waitFor({ timeout: 60_000 })).resolves.toBeUndefined()
      const row = (title: string) => widget.getByRole("row").filter({ has: page.getByRole("link", { name: title, exact: true }) })
      await expect(row(second.title).waitFor({ timeout: 30_000 })).resolves.toBeUndefined()
      expect(await row(first.title).innerText()).toMatch(/bought together in \d+ orders?/)

      // Pin the storefront's second product: it leads the list, in the widget and the store API.
      await row(second.title).getByRole("button", { name: "Pin", exact: true }).click()
      await expect(row(second.title).getByRole("button", { name: "Remove rule" }).waitFor({ timeout: 30_000 })).resolves.toBeUndefined()
      expect(await row(second.title).innerText()).toMatch(/#1\s*Pinned/)
      expect(await storeListUntil(anchor!, (ids) => ids[0] === second.id)).toEqual(
        expect.arrayContaining([second.id, first.id])
      )
      expect((await boughtTogether(anchor!))[0]).toMatchObject({ id: second.id, recommendation: { score: null, reason: { type: "pinned" } } })

      // Exclude the first: hidden in the widget and gone from the store API.
      await row(first.title).getByRole("button", { name: "Exclude", exact: true }).click()
      await expect(row(first.title).getByText("Excluded", { exact: true }).waitFor({ timeout: 30_000 })).resolves.toBeUndefined()
      const withoutFirst = await storeListUntil(anchor!, (ids) => !ids.includes(first.id))
      expect(withoutFirst).not.toContain(first.id)
      expect(withoutFirst[0]).toBe(second.id)
      await widget.screenshot({ path: path.join(os.tmpdir(), "rec-widget.png") })

      // "Remove rule" on the exclusion brings the product back.
      await row(first.title).getByRole("button", { name: "Remove rule" }).click()
      await expect(row(first.title).getByRole("button", { name: "Exclude", exact: true }).waitFor({ timeout: 30_000 })).resolves.toBeUndefined()
      expect(await storeListUntil(anchor!, (ids) => ids.includes(first.id))).toContain(first.id)

      // The Recommendations page lists the product-page pin; deleting it there restores the model's order.
      await page.goto(`http://localhost:${port}/app/recommendations`)
      const rules = page.getByRole("region", { name: "Pins and exclusions" })
      const pinRow = rules.getByRole("row").filter({ has: page.getByRole("link", { name: second.title, exact: true }) })
      await expect(pinRow.waitFor({ timeout: 30_000 })).resolves.toBeUndefined()
      expect(await pinRow.innerText()).toContain("Pinned")
      await pinRow.getByRole("button", { name: "Delete" }).click()
      await expect(rules.getByText(/^No rules yet/).waitFor({ timeout: 30_000 })).resolves.toBeUndefined()
      expect(await storeListUntil(anchor!, (ids) => ids[0] === first.id)).toEqual(original.map((p) => p.id))

      // A list-wide rule from the form: pin a product to Trending on every page.
      await rules.getByRole("searchbox", { name: "Product for the rule" }).fill(second.title)
      await rules.getByRole("option").filter({ hasText: second.title }).first().click()
      await rules.getByRole("button", { name: "Add rule" }).click()
      const trendingRow = rules.getByRole("row").filter({ hasText: "Every page" })
      await expect(trendingRow.waitFor({ timeout: 30_000 })).resolves.toBeUndefined()
      expect(await trendingRow.innerText()).toMatch(/Trending[\s\S]*Every page[\s\S]*Pinned/)
      const { rules: stored } = await adminGet<{ rules: { list: string; anchor_product_id: string | null; product_id: string; action: string }[] }>(
        "/admin/recommendations/rules"
      )
      expect(stored).toEqual([expect.objectContaining({ list: "trending", anchor_product_id: null, product_id: second.id, action: "pin" })])
      await trendingRow.getByRole("button", { name: "Delete" }).click()
      await expect(rules.getByText(/^No rules yet/).waitFor({ timeout: 30_000 })).resolves.toBeUndefined()
    } finally {
      expect(await stopEngine(engine)).toBe(130)
    }
  })

  it("a supervisor that signals npm's own pid (not its group) stops the server and the embedded PostgreSQL too", async () => {
    // npm runs the start script through `sh -c`: signalling npm alone ends npm and the shell only.
    const npm = spawn("npm", ["start"], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] })
    let output = ""
    await new Promise<void>((resolve, reject) => {
      const onData = (chunk: Buffer) => {
        output += chunk.toString()
        if (output.includes("Emporium is running")) resolve()
      }
      npm.stdout!.on("data", onData)
      npm.stderr!.on("data", onData)
      npm.once("exit", (code) => reject(new Error(`npm start exited with ${code}:\n${output.slice(-2000)}`)))
    })
    const postgresPid = Number(fs.readFileSync(path.join(env.EMPORIUM_DATA_DIR!, "postgres", "postmaster.pid"), "utf8").split("\n")[0])
    expect(isAlive(postgresPid)).toBe(true)

    npm.kill("SIGTERM")
    let stopped = false
    for (let i = 0; i < 60 && !stopped; i++) {
      await new Promise((r) => setTimeout(r, 500))
      const serving = await fetch(`http://127.0.0.1:${port}/health`).then(() => true, () => false)
      stopped = !serving && !isAlive(postgresPid)
    }
    expect(stopped).toBe(true)
  })
})

/** Whether a process exists (signal 0 checks without signalling). */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}
