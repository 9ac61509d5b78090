import type { AddressInfo } from "net"
import type { ProviderSendNotificationDTO } from "@medusajs/framework/types"
import { simpleParser, type ParsedMail } from "mailparser"
import { SMTPServer, type SMTPServerOptions } from "smtp-server"
import { SmtpSendError } from "../smtp/errors"
import { validateSmtpOptions } from "../smtp/options"
import SmtpNotificationProviderService from "../smtp/service"

// A real SMTP round trip: the provider (nodemailer, pooled) talks to an smtp-server on
// 127.0.0.1 that requires AUTH; what arrives is parsed back with mailparser.
const USER = "shop@example.com"
// Characters that must be percent-encoded in the URL, to check nodemailer decodes them.
const PASSWORD = "p@ss:w0rd/Secret"
const PASSWORD_IN_URL = encodeURIComponent(PASSWORD)

type Delivery = { mail: ParsedMail; envelope: { from: string; to: string[] } }

async function startSmtpServer(overrides: Partial<SMTPServerOptions> = {}) {
  const deliveries: Delivery[] = []
  let connections = 0
  const server = new SMTPServer({
    authOptional: false,
    allowInsecureAuth: true,
    // smtp-server offers STARTTLS with its own self-signed certificate; nodemailer would
    // upgrade and refuse it. The test is about SMTP, not TLS.
    disabledCommands: ["STARTTLS"],
    logger: false,
    onConnect(_session, callback) {
      connections++
      callback()
    },
    onAuth(auth, _session, callback) {
      if (auth.username === USER && auth.password === PASSWORD) return callback(null, { user: USER })
      callback(new Error("Invalid username or password"))
    },
    onRcptTo(address, _session, callback) {
      if (address.address.startsWith("nobody@")) {
        return callback(Object.assign(new Error("5.1.1 No such mailbox here"), { responseCode: 550 }))
      }
      callback()
    },
    onData(stream, session, callback) {
      simpleParser(stream).then(
        (mail) => {
          const envelope = session.envelope
          deliveries.push({
            mail,
            envelope: { from: envelope.mailFrom ? envelope.mailFrom.address : "", to: envelope.rcptTo.map((r) => r.address) },
          })
          callback()
        },
        (error) => callback(error)
      )
    },
    ...overrides,
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()))
  const port = (server.server.address() as AddressInfo).port
  return {
    port,
    deliveries,
    connections: () => connections,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

/** A header as sent, unfolded (RFC 5322 §2.2.3); mailparser parses List-* into objects. */
function rawHeader(mail: ParsedMail, name: string): string | undefined {
  const line = mail.headerLines.find((h) => h.key === name.toLowerCase())?.line
  return line?.replace(/\r\n[ \t]+/g, " ").slice(name.length + 1).trim()
}

const notification = (overrides: Partial<ProviderSendNotificationDTO> = {}): ProviderSendNotificationDTO => ({
  to: "customer@example.org",
  channel: "email",
  template: "order-placed",
  content: { subject: "Your order #1001", html: "<h1>Thanks!</h1><p>Order <b>#1001</b></p>", text: "Thanks! Order #1001" },
  ...overrides,
})

describe("SMTP provider (against a real SMTP server)", () => {
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>
  const providers: SmtpNotificationProviderService[] = []
  const provider = (password = PASSWORD_IN_URL, port = smtp.port) => {
    const p = new SmtpNotificationProviderService({}, { url: `smtp://${encodeURIComponent(USER)}:${password}@127.0.0.1:${port}`, from: "Emporium <shop@example.com>", replyTo: "support@example.com" })
    providers.push(p)
    return p
  }

  beforeAll(async () => {
    smtp = await startSmtpServer()
  })
  afterEach(() => {
    for (const p of providers.splice(0)) p.close()
  })
  afterAll(async () => {
    await smtp.close()
  })

  it("delivers subject, html and text, sender, reply-to and the one-click unsubscribe headers", async () => {
    const result = await provider().send(
      notification({
        provider_data: {
          headers: {
            "List-Unsubscribe": "<https://shop.example.com/unsubscribe/tok_123>, <mailto:unsubscribe@example.com?subject=tok_123>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
          },
        },
      })
    )

    const { mail, envelope } = smtp.deliveries.at(-1)!
    expect(envelope).toEqual({ from: "shop@example.com", to: ["customer@example.org"] })
    expect(result.id).toBe(mail.messageId)
    expect(mail.subject).toBe("Your order #1001")
    expect(mail.from?.value).toEqual([{ address: "shop@example.com", name: "Emporium" }])
    expect(mail.replyTo?.value[0].address).toBe("support@example.com")
    expect(mail.html).toContain("<b>#1001</b>")
    expect(mail.text?.trim()).toBe("Thanks! Order #1001")
    expect(mail.headers.get("list")).toEqual({
      unsubscribe: { url: "https://shop.example.com/unsubscribe/tok_123", mail: "unsubscribe@example.com?subject=tok_123" },
      "unsubscribe-post": { name: "List-Unsubscribe=One-Click" },
    })
    expect(rawHeader(mail, "List-Unsubscribe")).toBe("<https://shop.example.com/unsubscribe/tok_123>, <mailto:unsubscribe@example.com?subject=tok_123>")
    expect(rawHeader(mail, "List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click")
  })

  it("uses the notification's from over the default sender, and sends base64 attachments", async () => {
    const pdf = Buffer.from("%PDF-1.4 invoice 1001")
    await provider().send(
      notification({
        from: "Billing <billing@example.com>",
        attachments: [{ filename: "invoice-1001.pdf", content: pdf.toString("base64"), content_type: "application/pdf" }],
      })
    )
    const { mail, envelope } = smtp.deliveries.at(-1)!
    expect(envelope.from).toBe("billing@example.com")
    expect(mail.from?.value).toEqual([{ address: "billing@example.com", name: "Billing" }])
    expect(mail.attachments).toHaveLength(1)
    expect(mail.attachments[0]).toMatchObject({ filename: "invoice-1001.pdf", contentType: "application/pdf" })
    expect(mail.attachments[0].content.equals(pdf)).toBe(true)
  })

  it("reuses one pooled connection for consecutive messages", async () => {
    const before = smtp.connections()
    const p = provider()
    await p.send(notification())
    await p.send(notification({ to: "second@example.org" }))
    expect(smtp.connections() - before).toBe(1)
  })

  it("a wrong password fails with EAUTH and the server's 535, without the password in the message", async () => {
    const wrong = "hunter2-Wrong!"
    const error = (await provider(encodeURIComponent(wrong))
      .send(notification())
      .catch((e: unknown) => e)) as SmtpSendError
    expect(error).toBeInstanceOf(SmtpSendError)
    expect(error).toMatchObject({ code: "EAUTH", responseCode: 535, retryable: false })
    expect(error.message).toContain(`SMTP server 127.0.0.1:${smtp.port} refused the login (535)`)
    expect(error.message).toContain("SMTP_URL")
    expect(error.message).not.toContain(wrong)
    expect(error.message).not.toContain(encodeURIComponent(wrong))
    expect(JSON.stringify(error)).not.toContain(wrong)
  })

  it("a recipient the server refuses (550 on RCPT TO) fails with the code, not retryable", async () => {
    const error = (await provider()
      .send(notification({ to: "nobody@example.org" }))
      .catch((e: unknown) => e)) as SmtpSendError
    expect(error).toBeInstanceOf(SmtpSendError)
    expect(error).toMatchObject({ responseCode: 550, command: "RCPT TO", retryable: false })
    expect(error.message).toMatch(/refused the message \(RCPT TO, 550\): .*No such mailbox here/)
  })

  it("an unreachable server fails as retryable, naming host and port", async () => {
    const closed = await startSmtpServer()
    await closed.close()
    const error = (await provider(PASSWORD_IN_URL, closed.port)
      .send(notification())
      .catch((e: unknown) => e)) as SmtpSendError
    expect(error).toBeInstanceOf(SmtpSendError)
    expect(error.retryable).toBe(true)
    expect(error.message).toContain(`127.0.0.1:${closed.port}`)
    expect(error.message).not.toContain(PASSWORD)
  })

  it("refuses a message without content, and headers that would inject or override", async () => {
    const p = provider()
    await expect(p.send(notification({ content: { subject: "Empty" } }))).rejects.toThrow(/has no content/)
    await expect(p.send(notification({ provider_data: { headers: { "X-Evil": "a\r\nBcc: victim@example.org" } } }))).rejects.toThrow(/line breaks/)
    await expect(p.send(notification({ provider_data: { headers: { Subject: "other" } } }))).rejects.toThrow(/cannot set Subject/)
  })
})

describe("SMTP provider options", () => {
  it("names every problem in one error, without echoing the URL's password", () => {
    expect(() => validateSmtpOptions({ url: "http://user:hunter2@mail.example.com", from: "not an address" })).toThrow(
      "SMTP notification provider: `url` (SMTP_URL) must start with smtp:// or smtps://. `from` must be an e-mail address such as \"Shop <shop@example.com>\"."
    )
    expect(() => validateSmtpOptions(undefined)).toThrow("`url` (SMTP_URL) is required. `from` (the default sender) is required.")
    expect(() => SmtpNotificationProviderService.validateOptions({ url: "smtps://u:p@mail.example.com", from: "shop@example.com" })).not.toThrow()
  })
})
