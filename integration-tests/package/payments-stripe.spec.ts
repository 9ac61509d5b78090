import fs from "fs"
import os from "os"
import path from "path"
import { Client } from "pg"
import { StripeSdk } from "../../test-utils/stripe-fake"
import { CLEAN_APP_PROJECT_CONFIG, packPlugin, startCleanApp, tarballFiles, type CleanApp } from "../helpers/clean-app"

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { buildPluginsIfStale } = require("../../scripts/lib/build-plugins")

jest.setTimeout(600_000)

const PLUGIN = "@emporium/medusa-payments-stripe"
const PLUGIN_DIR = path.resolve(__dirname, "../../src/plugins/payments-stripe")
const WEBHOOK_SECRET = "whsec_clean_app_secret"

/** The medusa-config.js a developer writes after `npm install @emporium/medusa-payments-stripe` (README). */
const CONFIG = `
const { defineConfig } = require("@medusajs/framework/utils")
const { stripePayments } = require("${PLUGIN}/config")

const stripe = stripePayments({ apiKey: "sk_test_clean_app", webhookSecret: "${WEBHOOK_SECRET}" })

module.exports = defineConfig({
  ${CLEAN_APP_PROJECT_CONFIG}
  plugins: [stripe.plugin],
  modules: [{ resolve: "@medusajs/medusa/payment", options: { providers: [stripe.paymentProvider] } }],
})
`

describe(`${PLUGIN} installed from its npm tarball into a clean Medusa 2.21 app`, () => {
  let tarball: string
  let app: CleanApp

  beforeAll(async () => {
    buildPluginsIfStale()
    tarball = packPlugin(PLUGIN_DIR, fs.mkdtempSync(path.join(os.tmpdir(), "emporium-pack-")))
    app = await startCleanApp({ [PLUGIN]: tarball }, CONFIG)
  })
  afterAll(async () => {
    await app?.stop()
    if (tarball) fs.rmSync(path.dirname(tarball), { recursive: true, force: true })
  })

  it("ships its build, README and package.json, and no sources or tests", () => {
    const files = tarballFiles(tarball)
    expect(files).toEqual(expect.arrayContaining(["package/package.json", "package/README.md", "package/.medusa/server/src/providers/stripe/index.js"]))
    expect(files.filter((f) => /\.tsx?$|__tests__/.test(f) && !f.endsWith(".d.ts"))).toEqual([])
  })

  it("registers the Stripe provider next to Medusa's system provider, and migrates its tables", async () => {
    const db = new Client({ connectionString: app.databaseUrl })
    await db.connect()
    try {
      const providers = await db.query("SELECT id FROM payment_provider WHERE is_enabled ORDER BY id")
      expect(providers.rows.map((r) => r.id)).toEqual(["pp_stripe_stripe", "pp_system_default"])
      const tables = await db.query("SELECT table_name FROM information_schema.tables WHERE table_name LIKE 'stripe_%' ORDER BY table_name")
      expect(tables.rows.map((r) => r.table_name)).toEqual(["stripe_dispute", "stripe_webhook_event"])
    } finally {
      await db.end()
    }
  })

  it("serves the webhook endpoint: a forged event is refused, a signed one is stored once", async () => {
    const payload = JSON.stringify({ id: "evt_clean_app_1", object: "event", type: "customer.created", created: Math.floor(Date.now() / 1000), data: { object: { id: "cus_1", object: "customer" } } })
    const post = (signature: string) =>
      fetch(`${app.url}/hooks/stripe`, { method: "POST", headers: { "content-type": "application/json", "stripe-signature": signature }, body: payload })

    expect((await post(StripeSdk.webhooks.generateTestHeaderString({ payload, secret: "whsec_wrong" }))).status).toBe(401)
    const signed = StripeSdk.webhooks.generateTestHeaderString({ payload, secret: WEBHOOK_SECRET })
    const first = await post(signed)
    expect({ status: first.status, body: await first.json() }).toEqual({ status: 200, body: { received: true, outcome: "ignored: customer.created is not used" } })
    const again = await post(signed)
    expect(await again.json()).toEqual({ received: true, duplicate: true, status: "processed" })
  })

  it("serves the saved-card and admin routes behind authentication", async () => {
    const cards = await fetch(`${app.url}/store/customers/me/payment-methods`)
    expect([400, 401]).toContain(cards.status)
    const log = await fetch(`${app.url}/admin/stripe/webhook-events`)
    expect(log.status).toBe(401)
  })
})
