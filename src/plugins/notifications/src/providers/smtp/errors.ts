import { withDeliveryTag } from "../delivery-tag"
/**
 * What the SMTP provider throws when a message is not accepted. The message names the
 * server (`host:port`) and the SMTP reply, never the password of the connection URL.
 */
export class SmtpSendError extends Error {
  /** nodemailer's error code: `EAUTH`, `EENVELOPE`, `EMESSAGE`, `ECONNECTION`, `ETIMEDOUT`, … */
  readonly code?: string
  /** The SMTP reply code when the server answered with one, e.g. 535 or 550. */
  readonly responseCode?: number
  /** The SMTP command that was refused, e.g. `RCPT TO` or `AUTH PLAIN`. */
  readonly command?: string
  /**
   * Whether sending the same message again later can succeed: a 4xx reply or a connection
   * problem, not a 5xx refusal or wrong credentials.
   */
  readonly retryable: boolean

  constructor(message: string, details: { code?: string; responseCode?: number; command?: string; retryable: boolean }) {
    super(withDeliveryTag(message, details.code, details.retryable))
    this.name = "SmtpSendError"
    this.code = details.code
    this.responseCode = details.responseCode
    this.command = details.command
    this.retryable = details.retryable
  }
}

type NodemailerErrorLike = Error & { code?: string; responseCode?: number; response?: string; command?: string; permanent?: boolean }

/** nodemailer codes of errors that no retry fixes: configuration and the message itself. */
const PERMANENT_CODES = new Set(["EAUTH", "ENOAUTH", "ECONFIG", "EENVELOPE", "EMESSAGE", "EMAXRECIPIENTS", "EREQUIRETLS"])

function scrub(text: string, secrets: string[]): string {
  let scrubbed = text
  // A very short password would also match ordinary words; such a password is not worth hiding.
  for (const secret of secrets) if (secret.length >= 3) scrubbed = scrubbed.split(secret).join("***")
  return scrubbed
}

/** Any error of `sendMail` as an `SmtpSendError` with a message an operator can act on. */
export function toSmtpSendError(error: unknown, server: string, secrets: string[]): SmtpSendError {
  const e = (error instanceof Error ? error : new Error(String(error))) as NodemailerErrorLike
  const responseCode = typeof e.responseCode === "number" ? e.responseCode : undefined
  const reply = scrub((e.response ?? e.message).trim(), secrets)
  // nodemailer marks a reply permanent (5xx but 503) or not; without a reply it is the code's kind.
  const retryable = responseCode !== undefined ? !(e.permanent ?? responseCode >= 500) : !PERMANENT_CODES.has(e.code ?? "")
  const details = { code: e.code, responseCode, command: e.command, retryable }

  if (e.code === "EAUTH" || e.code === "ENOAUTH") {
    const why = responseCode ? ` (${responseCode}): ${reply}` : `: ${reply}`
    return new SmtpSendError(`SMTP server ${server} refused the login${why}. Check the user name and password in the provider's url (SMTP_URL).`, details)
  }
  if (responseCode !== undefined) {
    const command = e.command ? `${e.command}, ` : ""
    return new SmtpSendError(`SMTP server ${server} refused the message (${command}${responseCode}): ${reply}`, details)
  }
  return new SmtpSendError(`Sending through SMTP server ${server} failed${e.code ? ` (${e.code})` : ""}: ${reply}`, details)
}
