import { looksLikeEmailAddress } from "../smtp/options"
import { throwIfProblems } from "../option-problems"

/** How much the dev mailbox writes to Medusa's logger. */
export type MailboxLogLevel = "info" | "debug" | "silent"

/**
 * Options of the dev mailbox provider: the default when no real provider is configured.
 * Nothing leaves the machine; every notification becomes a file a developer can open.
 */
export type MailboxOptions = {
  /**
   * Folder the messages are written to, created when missing. Each message goes to
   * `<directory>/<yyyy-mm-dd>/<id>.eml` (e-mail, RFC 822, opens in any mail client) or
   * `<id>.json` (sms, push and any other channel); the date is the UTC day of sending.
   * Required.
   *
   * @example path.join(process.cwd(), ".data/mailbox")
   */
  directory: string
  /**
   * `info` (default): one line per message ("Dev mailbox: email to …: subject").
   * `debug`: that line, plus the path of the file at debug level. `silent`: nothing.
   *
   * @default "info"
   */
  logLevel?: MailboxLogLevel
  /**
   * Sender of e-mails that set no `from`.
   *
   * @default "Emporium dev mailbox <mailbox@localhost>"
   */
  from?: string
}

export type ResolvedMailboxOptions = Required<MailboxOptions>

export const DEFAULT_MAILBOX_FROM = "Emporium dev mailbox <mailbox@localhost>"
const LOG_LEVELS: MailboxLogLevel[] = ["info", "debug", "silent"]

/** Checks the options when Medusa loads the provider, every problem at once. */
export function validateMailboxOptions(options: Partial<MailboxOptions> | undefined): ResolvedMailboxOptions {
  const problems: string[] = []
  if (!options?.directory || typeof options.directory !== "string") problems.push("`directory` (where messages are written) is required")
  if (options?.logLevel !== undefined && !LOG_LEVELS.includes(options.logLevel)) {
    problems.push("`logLevel` must be \"info\", \"debug\" or \"silent\"")
  }
  if (options?.from !== undefined && (typeof options.from !== "string" || !looksLikeEmailAddress(options.from))) {
    problems.push("`from` must be an e-mail address such as \"Shop <shop@example.com>\"")
  }
  throwIfProblems("Dev mailbox notification provider", problems)
  return {
    directory: options!.directory as string,
    logLevel: options?.logLevel ?? "info",
    from: options?.from ?? DEFAULT_MAILBOX_FROM,
  }
}
