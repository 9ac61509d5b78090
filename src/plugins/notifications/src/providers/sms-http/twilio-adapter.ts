import { SmsSendError, type SmsAdapter, type SmsMessage } from "./adapter"
import type { ResolvedSmsHttpOptions } from "./options"

/** Twilio's error body (https://www.twilio.com/docs/usage/twilios-response#response-formats-exceptions). */
type TwilioErrorBody = { code?: number; message?: string; more_info?: string; status?: number }

/**
 * Twilio's Messages API: `POST {apiBaseUrl}/2010-04-01/Accounts/{AccountSid}/Messages.json`,
 * a form-urlencoded `To`, `Body` and `From` or `MessagingServiceSid`, HTTP Basic auth with
 * the account SID and auth token; answers 201 with the message resource (its `sid` is the id).
 */
export class TwilioSmsAdapter implements SmsAdapter {
  private readonly endpoint_: string
  private readonly authorization_: string
  /** The API's host, for messages. */
  private readonly host_: string

  constructor(private readonly options: ResolvedSmsHttpOptions) {
    const base = options.apiBaseUrl.replace(/\/+$/, "")
    this.endpoint_ = `${base}/2010-04-01/Accounts/${encodeURIComponent(options.accountSid)}/Messages.json`
    this.authorization_ = `Basic ${Buffer.from(`${options.accountSid}:${options.authToken}`).toString("base64")}`
    this.host_ = new URL(base).host
  }

  async send(message: SmsMessage): Promise<{ id: string }> {
    const form = new URLSearchParams({ To: message.to, Body: message.body })
    // A Messaging Service picks the sender itself; an explicit From still wins for one message.
    if (this.options.messagingServiceSid) form.set("MessagingServiceSid", this.options.messagingServiceSid)
    const from = message.from ?? (this.options.messagingServiceSid ? undefined : this.options.from)
    if (from) form.set("From", from)

    let response: Response
    try {
      response = await fetch(this.endpoint_, {
        method: "POST",
        headers: { Authorization: this.authorization_, "Content-Type": "application/x-www-form-urlencoded", Accept: "application/json" },
        body: form,
        signal: AbortSignal.timeout(this.options.timeoutMs),
      })
    } catch (error) {
      throw this.networkError(error)
    }

    const text = await response.text().catch(() => "")
    const body = parseJson(text)
    if (!response.ok) throw this.refusal(response.status, body, text)
    const sid = (body as { sid?: unknown } | undefined)?.sid
    if (typeof sid !== "string" || !sid) {
      throw new SmsSendError(`The SMS API at ${this.host_} accepted the message (HTTP ${response.status}) but answered without its sid.`, {
        status: response.status,
        retryable: false,
      })
    }
    return { id: sid }
  }

  private refusal(status: number, body: unknown, text: string): SmsSendError {
    const error = (body && typeof body === "object" ? body : {}) as TwilioErrorBody
    const reason = error.message ?? (text.trim().slice(0, 200) || "no error message")
    const code = error.code !== undefined ? `error ${error.code}, ` : ""
    return new SmsSendError(`The SMS API at ${this.host_} refused the message: ${reason} (${code}HTTP ${status}).`, {
      status,
      code: error.code,
      moreInfo: error.more_info,
      retryable: status >= 500 || status === 429,
    })
  }

  private networkError(error: unknown): SmsSendError {
    const e = error as { name?: string; message?: string; cause?: { code?: string; message?: string } }
    if (e?.name === "TimeoutError" || e?.name === "AbortError") {
      return new SmsSendError(`The SMS API at ${this.host_} did not answer within ${this.options.timeoutMs} ms.`, { retryable: true })
    }
    // fetch's "fetch failed" says little; the reason (ECONNREFUSED, ENOTFOUND) is its cause.
    const reason = e?.cause?.code ?? e?.cause?.message ?? e?.message ?? String(error)
    return new SmsSendError(`Cannot reach the SMS API at ${this.host_}: ${reason}.`, { retryable: true })
  }
}

function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined
  } catch {
    return undefined
  }
}
