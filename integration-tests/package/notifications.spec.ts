import fs from "fs"
import os from "os"
import path from "path"
import { CLEAN_APP_PROJECT_CONFIG, packPlugin, startCleanApp, tarballFiles, type CleanApp } from "../helpers/clean-app"
import { useSmtpInbox } from "../helpers/smtp-inbox"

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { buildPluginsIfStale } = require("../../scripts/lib/build-plugins")

jest.setTimeout(600_000)

const PLUGIN = "@emporium/medusa-notifications"
const PLUGIN_DIR = path.resolve(__dirname, "../../src/plugins/notifications")
const ADMIN = { email: "admin@clean-app.test", password: "clean-app-password" }
// A real SMTP server in the test process; the clean app sends to it over the network.
const smtp = useSmtpInbox("clean", "clean-app-smtp-pw")

/** The medusa-config.js a developer writes after `npm install @emporium/medusa-notifications` (README). */
const config = (smtpUrl: string, mailbox: string) => `
const { defineConfig } = require("@medusajs/framework/utils")
const { notificationsConfig } = require("${PLUGIN}/config")

const notifications = notificationsConfig({
  plugin: {
    secret: "clean-app-notifications-secret",
    branding: { storeName: "Clean Shop" },
    storefrontUrl: "https://shop.clean.test",
    adminUrl: "https://admin.clean.test/app",
  },
  email: { smtp: { url: "${smtpUrl}", from: "Clean Shop <shop@clean.test>" } },
  mailbox: { directory: ${JSON.stringify(mailbox)} },
})

module.exports = defineConfig({
  ${CLEAN_APP_PROJECT_CONFIG}
  plugins: [notifications.plugin],
  modules: [{ resolve: "@medusajs/medusa/notification", options: { providers: notifications.providers } }],
})
`

describe(`${PLUGIN} installed from its npm tarball into a clean Medusa 2.21 app`, () => {
  let tarball: string
  let app: CleanApp
  let mailboxDir: string

  beforeAll(async () => {
    buildPluginsIfStale()
    await smtp.start()
    mailboxDir = fs.mkdtempSync(path.join(os.tmpdir(), "emporium-mailbox-"))
    tarball = packPlugin(PLUGIN_DIR, fs.mkdtempSync(path.join(os.tmpdir(), "emporium-pack-")))
    app = await startCleanApp({ [PLUGIN]: tarball }, config(process.env.SMTP_URL!, mailboxDir), {}, ADMIN)
  })
  afterAll(async () => {
    await app?.stop()
    await smtp.stop()
    if (tarball) fs.rmSync(path.dirname(tarball), { recursive: true, force: true })
  })

  it("ships its build, README and package.json, and no sources or tests", () => {
    const files = tarballFiles(tarball)
    expect(files).toEqual(
      expect.arrayContaining([
        "package/package.json",
        "package/README.md",
        "package/.medusa/server/src/config.js",
        "package/.medusa/server/src/providers/smtp/index.js",
        "package/.medusa/server/src/providers/mailbox/index.js",
        "package/.medusa/server/src/modules/notification-center/index.js",
        "package/.medusa/server/src/subscribers/order-placed.js",
      ])
    )
    expect(files.filter((f) => /\.tsx?$|__tests__/.test(f) && !f.endsWith(".d.ts"))).toEqual([])
  })

  it("mails an admin's password reset over SMTP with the dashboard's reset link, and lists it in the mailbox", async () => {
    const asked = await fetch(`${app.url}/auth/user/emailpass/reset-password`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ identifier: ADMIN.email }),
    })
    expect(asked.status).toBe(201)
    const [mail] = await smtp.waitFor(ADMIN.email, 1, 30_000)
    expect(mail?.envelope.from).toBe("shop@clean.test")
    expect(mail?.subject).toContain("Clean Shop")
    expect(mail?.html).toMatch(/href="https:\/\/admin\.clean\.test\/app\/reset-password\?token=[\w.-]+"/)

    const login = await fetch(`${app.url}/auth/user/emailpass`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(ADMIN),
    })
    const { token } = (await login.json()) as { token: string }
    const headers = { authorization: `Bearer ${token}` }
    const listed = await fetch(`${app.url}/admin/mailbox?template=password-reset`, { headers })
    const { messages } = (await listed.json()) as { messages: { to: string; status: string; provider_id: string }[] }
    expect(messages).toEqual([expect.objectContaining({ to: ADMIN.email, status: "sent" })])

    const preview = await fetch(`${app.url}/admin/notifications/templates/order-placed/preview?locale=fr`, { headers })
    expect(preview.status).toBe(200)
    const { preview: rendered } = (await preview.json()) as { preview: { subject: string; html: string } }
    expect(rendered.subject).toMatch(/commande/i)
    expect(rendered.html).toContain("Clean Shop")
  })
})
