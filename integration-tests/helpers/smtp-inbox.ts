import { simpleParser, type ParsedMail } from "mailparser"
import { SMTPServer } from "smtp-server"

export type ReceivedMail = {
  envelope: { from: string; to: string[] }
  parsed: ParsedMail
  subject: string
  html: string
  text: string
  to: string[]
}

/**
 * A real SMTP server (the `smtp-server` package) on a fixed local port, with AUTH: what the
 * engine's SMTP provider delivers is parsed with mailparser, as a mail client would read it.
 * `SMTP_URL` is set for the app before it boots.
 */
export function useSmtpInbox(user = "shop", password = "s3cret-pw") {
  const port = 30000 + Math.floor(Math.random() * 9000)
  process.env.SMTP_URL = `smtp://${user}:${password}@127.0.0.1:${port}`
  process.env.EMAIL_FROM = "Emporium Test <shop@emporium.test>"
  const mails: ReceivedMail[] = []
  /** Recipients whose next RCPT is refused with 451 (a temporary failure), once each. */
  const refuseOnce = new Set<string>()
  let server: SMTPServer | null = null

  return {
    port,
    mails,
    refuseOnce: (address: string) => refuseOnce.add(address.toLowerCase()),
    start: () =>
      new Promise<void>((resolve, reject) => {
        server = new SMTPServer({
          authOptional: false,
          allowInsecureAuth: true,
          disabledCommands: ["STARTTLS"],
          logger: false,
          onAuth(auth, _session, callback) {
            if (auth.username === user && auth.password === password) return callback(null, { user })
            callback(new Error("Invalid username or password"))
          },
          onRcptTo(address, _session, callback) {
            const to = address.address.toLowerCase()
            if (refuseOnce.delete(to)) {
              const error = new Error("Mailbox temporarily unavailable") as Error & { responseCode: number }
              error.responseCode = 451
              return callback(error)
            }
            callback()
          },
          onData(stream, session, callback) {
            simpleParser(stream)
              .then((parsed) => {
                mails.push({
                  envelope: {
                    from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
                    to: session.envelope.rcptTo.map((r) => r.address),
                  },
                  parsed,
                  subject: parsed.subject ?? "",
                  html: typeof parsed.html === "string" ? parsed.html : "",
                  text: parsed.text ?? "",
                  to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
                })
                callback()
              })
              .catch(callback)
          },
        })
        server.once("error", reject)
        server.listen(port, "127.0.0.1", () => resolve())
      }),
    stop: () => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())),
    /** The first mail matching `predicate`, waiting up to `timeoutMs` for it. */
    async waitUntil(predicate: (mail: ReceivedMail) => boolean, timeoutMs = 20_000): Promise<ReceivedMail | undefined> {
      const deadline = Date.now() + timeoutMs
      for (;;) {
        const found = mails.find(predicate)
        if (found || Date.now() > deadline) return found
        await new Promise((r) => setTimeout(r, 100))
      }
    },
    /** Mails to `address`, waiting up to `timeoutMs` for at least `count` of them. */
    async waitFor(address: string, count = 1, timeoutMs = 20_000): Promise<ReceivedMail[]> {
      const deadline = Date.now() + timeoutMs
      const to = address.toLowerCase()
      for (;;) {
        const found = mails.filter((m) => m.to.includes(to))
        if (found.length >= count || Date.now() > deadline) return found
        await new Promise((r) => setTimeout(r, 100))
      }
    },
  }
}

/** Polls `check` until it returns something truthy (or the time is up, returning the last value). */
export async function eventually<T>(check: () => Promise<T>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await check()
    if (value || Date.now() > deadline) return value
    await new Promise((r) => setTimeout(r, 150))
  }
}
