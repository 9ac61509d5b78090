import { httpUrlProblem, optionalStringProblem, throwIfProblems, wholeNumberProblem } from "../option-problems"

/**
 * Options of the SMS provider (channel `sms`) for an HTTP API shaped like Twilio's Messages
 * API: Twilio itself, or a compatible service at another `apiBaseUrl`.
 */
export type SmsHttpOptions = {
  /**
   * Account SID (`AC…` at Twilio): the user name of HTTP Basic auth and part of the URL.
   * Required.
   *
   * @example process.env.TWILIO_ACCOUNT_SID
   */
  accountSid: string
  /**
   * Auth token of the account: the password of HTTP Basic auth. Required; never logged.
   *
   * @example process.env.TWILIO_AUTH_TOKEN
   */
  authToken: string
  /**
   * Sender: a phone number in E.164 form (`+15005550006`), a short code or an alphanumeric
   * sender ID. Required unless `messagingServiceSid` is set.
   *
   * @example process.env.TWILIO_FROM
   */
  from?: string
  /**
   * Messaging Service SID (`MG…`): the service picks the sender from its pool. Takes
   * precedence over `from` when both are set. Required unless `from` is set.
   */
  messagingServiceSid?: string
  /**
   * Base URL of the API, without the `/2010-04-01` path. Only for a compatible service, a
   * proxy or a local fake in tests.
   *
   * @default "https://api.twilio.com"
   */
  apiBaseUrl?: string
  /**
   * How long one API request may take, in milliseconds; a slower answer fails the send as
   * retryable.
   *
   * @default 10000
   */
  timeoutMs?: number
}

export type ResolvedSmsHttpOptions = SmsHttpOptions & Required<Pick<SmsHttpOptions, "apiBaseUrl" | "timeoutMs">>

export const DEFAULT_SMS_API_BASE_URL = "https://api.twilio.com"
export const DEFAULT_SMS_TIMEOUT_MS = 10_000

/** Checks the options when Medusa loads the provider, every problem at once. */
export function validateSmsHttpOptions(options: Partial<SmsHttpOptions> | undefined): ResolvedSmsHttpOptions {
  const problems: string[] = []
  // Not checked for Twilio's `AC` + 32 hex: compatible services use other account ids.
  if (!options?.accountSid || typeof options.accountSid !== "string") problems.push("`accountSid` (TWILIO_ACCOUNT_SID) is required")
  else if (/[/\s?#]/.test(options.accountSid)) problems.push("`accountSid` must not contain slashes, spaces, ? or #: it is part of the URL")
  if (!options?.authToken || typeof options.authToken !== "string") problems.push("`authToken` (TWILIO_AUTH_TOKEN) is required")
  if (!options?.from && !options?.messagingServiceSid) problems.push("`from` (a sender number) or `messagingServiceSid` is required")
  for (const problem of [
    optionalStringProblem(options?.from, "from"),
    optionalStringProblem(options?.messagingServiceSid, "messagingServiceSid"),
    options?.apiBaseUrl !== undefined ? httpUrlProblem(options.apiBaseUrl, "apiBaseUrl") : undefined,
    wholeNumberProblem(options?.timeoutMs, "timeoutMs", 1, 300_000),
  ]) {
    if (problem) problems.push(problem)
  }
  throwIfProblems("SMS notification provider", problems)
  return {
    ...(options as SmsHttpOptions),
    apiBaseUrl: options?.apiBaseUrl ?? DEFAULT_SMS_API_BASE_URL,
    timeoutMs: options?.timeoutMs ?? DEFAULT_SMS_TIMEOUT_MS,
  }
}
