import { mkdtemp, readdir, readFile, rm } from "fs/promises"
import os from "os"
import path from "path"
import type { Logger } from "@medusajs/framework/types"
import { simpleParser } from "mailparser"
import { validateMailboxOptions } from "../mailbox/options"
import MailboxNotificationProviderService, { type MailboxJsonMessage } from "../mailbox/service"

describe("Dev mailbox provider", () => {
  let directory: string
  const logger = { info: jest.fn(), debug: jest.fn(), warn: jest.fn(), error: jest.fn() }
  const mailbox = (logLevel?: "info" | "debug" | "silent") =>
    new MailboxNotificationProviderService({ logger: logger as unknown as Logger }, { directory, ...(logLevel ? { logLevel } : {}) })
  /** The stored file, found by name: a test run across midnight (UTC) still finds it. */
  const fileOf = async (name: string) => {
    const days = await readdir(directory)
    expect(days).toHaveLength(1)
    expect(days[0]).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    expect(await readdir(path.join(directory, days[0]))).toEqual([name])
    return path.join(directory, days[0], name)
  }

  beforeEach(async () => {
    directory = await mkdtemp(path.join(os.tmpdir(), "mailbox-"))
    jest.clearAllMocks()
  })
  afterEach(async () => {
    await rm(directory, { recursive: true, force: true })
  })

  it("writes an e-mail as a parseable .eml under the day's folder, with subject, html, text and custom headers", async () => {
    const { id } = await mailbox().send({
      to: "customer@example.org",
      from: "Emporium <shop@example.com>",
      channel: "email",
      template: "order-placed",
      content: { subject: "Your order #1001", html: "<p>Thanks for order <b>#1001</b></p>", text: "Thanks for order #1001" },
      provider_data: { headers: { "List-Unsubscribe": "<https://shop.example.com/u/tok_1>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click", "X-Emporium-Template": "order-placed" } },
    })

    expect(id).toMatch(/^mbx_[0-9a-f]{24}$/)
    const raw = await readFile(await fileOf(`${id}.eml`))
    expect(raw.toString()).toContain("\r\n") // RFC 5322 line endings
    const mail = await simpleParser(raw)
    expect(mail.subject).toBe("Your order #1001")
    expect(mail.messageId).toBe(`<${id}@mailbox.localhost>`)
    expect(mail.from?.value).toEqual([{ address: "shop@example.com", name: "Emporium" }])
    expect(mail.to && !Array.isArray(mail.to) && mail.to.value[0].address).toBe("customer@example.org")
    expect(mail.html).toContain("<b>#1001</b>")
    expect(mail.text?.trim()).toBe("Thanks for order #1001")
    expect(mail.headers.get("x-emporium-template")).toBe("order-placed")
    expect(mail.headers.get("list")).toEqual({ unsubscribe: { url: "https://shop.example.com/u/tok_1" }, "unsubscribe-post": { name: "List-Unsubscribe=One-Click" } })
    expect(logger.info).toHaveBeenCalledWith("Dev mailbox: email to customer@example.org: Your order #1001")
  })

  it("uses its own sender for e-mails without from", async () => {
    const { id } = await mailbox().send({ to: "a@example.org", channel: "email", template: "t", content: { subject: "Hi", text: "Hello" } })
    const mail = await simpleParser(await readFile(await fileOf(`${id}.eml`)))
    expect(mail.from?.value[0]).toEqual({ address: "mailbox@localhost", name: "Emporium dev mailbox" })
  })

  it("writes an SMS as .json with the notification's fields, and logs its text", async () => {
    const { id } = await mailbox("debug").send({
      to: "+4915112345678",
      channel: "sms",
      template: "order-shipped",
      content: { text: "Your order #1001 has shipped: https://t.example/1001" },
      data: { order_id: "order_1" },
    })
    const file = await fileOf(`${id}.json`)
    const stored = JSON.parse(await readFile(file, "utf8")) as MailboxJsonMessage
    expect(stored).toMatchObject({
      id,
      channel: "sms",
      to: "+4915112345678",
      from: null,
      template: "order-shipped",
      content: { text: "Your order #1001 has shipped: https://t.example/1001" },
      data: { order_id: "order_1" },
      provider_data: null,
    })
    expect(new Date(stored.created_at).toISOString()).toBe(stored.created_at)
    expect(logger.info).toHaveBeenCalledWith("Dev mailbox: sms to +4915112345678: Your order #1001 has shipped: https://t.example/1001")
    expect(logger.debug).toHaveBeenCalledWith(`Dev mailbox: written to ${file}`)
  })

  it("writes push messages as .json too, and logs nothing when silent", async () => {
    const { id } = await mailbox("silent").send({
      to: "https://push.example.net/sub/1",
      channel: "push",
      template: "back-in-stock",
      content: { subject: "Back in stock", text: "The blue mug is back" },
      provider_data: { subscription: { endpoint: "https://push.example.net/sub/1", keys: { p256dh: "x", auth: "y" } } },
    })
    const stored = JSON.parse(await readFile(await fileOf(`${id}.json`), "utf8")) as MailboxJsonMessage
    expect(stored).toMatchObject({ channel: "push", content: { subject: "Back in stock" } })
    expect(logger.info).not.toHaveBeenCalled()
  })

  it("checks its options", () => {
    expect(() => validateMailboxOptions({ logLevel: "loud" as "info" })).toThrow(
      "Dev mailbox notification provider: `directory` (where messages are written) is required. `logLevel` must be \"info\", \"debug\" or \"silent\"."
    )
    expect(validateMailboxOptions({ directory: "/tmp/x" })).toEqual({ directory: "/tmp/x", logLevel: "info", from: "Emporium dev mailbox <mailbox@localhost>" })
  })
})
