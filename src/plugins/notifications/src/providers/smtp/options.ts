import { optionalStringProblem, throwIfProblems } from "../option-problems"

/**
 * Options of the SMTP notification provider (channel `email`), given once in
 * `medusa-config.ts`.
 */
export type SmtpOptions = {
  /**
   * Where and how to connect: `smtp://user:password@host:587` (plain connection upgraded
   * with STARTTLS when the server offers it) or `smtps://user:password@host:465` (TLS from
   * the start). Percent-encode special characters of the user name and password. Leave the
   * credentials out for a relay that needs none (a local Postfix, Mailpit). Query
   * parameters are nodemailer SMTP options, e.g. `?maxConnections=3&tls.rejectUnauthorized=false`.
   * Required. The password never appears in errors or logs.
   *
   * @example process.env.SMTP_URL
   */
  url: string
  /**
   * Sender of every message unless a notification sets its own `from`:
   * `"Emporium <shop@example.com>"` or `shop@example.com`. Required.
   *
   * @example process.env.SMTP_FROM
   */
  from: string
  /**
   * Reply-To of every message, e.g. the support address when `from` is a no-reply address.
   * Unset: replies go to `from`.
   */
  replyTo?: string
}

/** Protocols nodemailer reads from an SMTP connection URL. */
const SMTP_PROTOCOLS = ["smtp:", "smtps:"]

/** The URL's problem, worded without the URL itself: it carries the password. */
function smtpUrlProblem(value: unknown): string | undefined {
  if (!value || typeof value !== "string") return "`url` (SMTP_URL) is required"
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return "`url` (SMTP_URL) is not a valid URL; percent-encode special characters of the user name and password"
  }
  if (!SMTP_PROTOCOLS.includes(url.protocol)) return "`url` (SMTP_URL) must start with smtp:// or smtps://"
  if (!url.hostname) return "`url` (SMTP_URL) must name the SMTP server's host"
  if (url.password && !url.username) return "`url` (SMTP_URL) has a password but no user name"
  return undefined
}

/** An address as a header carries it: `name <a@b>` or `a@b`. */
export function looksLikeEmailAddress(value: string): boolean {
  return /^[^<>@\s]+@[^<>@\s]+$/.test(value.trim()) || /<[^<>@\s]+@[^<>@\s]+>\s*$/.test(value)
}

/**
 * Checks the options when Medusa loads the provider: every problem at once, one sentence
 * each, so a typo in SMTP_URL stops the server at start instead of failing the first order
 * confirmation.
 */
export function validateSmtpOptions(options: Partial<SmtpOptions> | undefined): SmtpOptions {
  const problems: string[] = []
  const urlProblem = smtpUrlProblem(options?.url)
  if (urlProblem) problems.push(urlProblem)
  if (!options?.from || typeof options.from !== "string") problems.push("`from` (the default sender) is required")
  else if (!looksLikeEmailAddress(options.from)) problems.push("`from` must be an e-mail address such as \"Shop <shop@example.com>\"")
  const replyToProblem = optionalStringProblem(options?.replyTo, "replyTo")
  if (replyToProblem) problems.push(replyToProblem)
  else if (options?.replyTo && !looksLikeEmailAddress(options.replyTo)) problems.push("`replyTo` must be an e-mail address")
  throwIfProblems("SMTP notification provider", problems)
  return {
    url: options!.url as string,
    from: options!.from as string,
    ...(options?.replyTo ? { replyTo: options.replyTo } : {}),
  }
}

/** `host:port` of the server, for messages: never the credentials. */
export function smtpServerLabel(url: string): string {
  const parsed = new URL(url)
  const port = parsed.port || (parsed.protocol === "smtps:" ? "465" : "587")
  return `${parsed.hostname}:${port}`
}

/** The password as written in the URL and decoded, to keep it out of error messages. */
export function smtpSecrets(url: string): string[] {
  const password = new URL(url).password
  if (!password) return []
  let decoded = password
  try {
    decoded = decodeURIComponent(password)
  } catch {
    // A malformed escape: nodemailer uses it as written.
  }
  return [...new Set([password, decoded])]
}
