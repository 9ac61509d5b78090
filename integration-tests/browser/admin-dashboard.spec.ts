/**
 * Browser smoke test of `npm start` as a new user runs it: no DATABASE_URL (so an
 * embedded PostgreSQL), a fresh data dir, the demo store seeded, then headless
 * Chromium logs in to the dashboard and sees the product list. A second start
 * must reuse the data and skip build, migrations and seed.
 */
import fs from "fs"
import os from "os"
import path from "path"
import Medusa from "@medusajs/js-sdk"
import { chromium, type Browser } from "playwright-core"
import { freePort, startEngine, stopEngine } from "../helpers/npm-start"

jest.setTimeout(15 * 60_000)

// A leading "-" once made `medusa user` read the password as a flag and create no user.
const ADMIN = { email: "smoke-admin@emporium.test", password: "-smoke-test-password-1" }

describe("npm start with no configuration, then the admin dashboard in Chromium", () => {
  let env: NodeJS.ProcessEnv
  let port: number
  let browser: Browser | undefined

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

      browser = await chromium.launch({
        executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
        args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
      })
      const page = await browser.newPage()
      await page.goto(`http://localhost:${port}/app/login`)
      await page.locator('input[name="email"]').fill(ADMIN.email)
      await page.locator('input[name="password"]').fill(ADMIN.password)
      await page.getByRole("button", { name: /continue/i }).click()
      await page.waitForURL((url) => !url.pathname.endsWith("/login"), { timeout: 60_000 })

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
    } finally {
      expect(await stopEngine(engine)).toBe(130)
    }
    expect(engine.output()).toContain("stopping the embedded PostgreSQL")
  })

  it("second start reuses the data: no build, no migrations, no seed", async () => {
    const engine = await startEngine(env)
    try {
      const output = engine.output()
      expect(output).toContain("build is current: skipping `medusa build`")
      expect(output).toContain("database schema is current: skipping migrations")
      expect(output).not.toContain("seeding the demo store")
      expect(output).not.toContain("initialising embedded PostgreSQL")
      const health = await fetch(`http://localhost:${port}/health`)
      expect(health.status).toBe(200)
    } finally {
      expect(await stopEngine(engine)).toBe(130)
    }
  })
})
