import { withDeliveryTag } from "../delivery-tag"
/** Why a push message was not accepted. */
export type PushSendErrorCode =
  /** 404 or 410: the browser unsubscribed or the subscription expired; disable it. */
  | "subscription_gone"
  /** 413: the encrypted payload is larger than the push service takes. */
  | "payload_too_large"
  /** 429: the push service is rate limiting this sender. */
  | "rate_limited"
  /** Another 4xx: the push service refused the request (VAPID, headers, encryption). */
  | "push_rejected"
  /** 5xx: the push service failed. */
  | "push_service_error"
  /** No answer: DNS, connection, TLS or timeout. */
  | "push_unreachable"

/**
 * What the Web Push provider throws. Its message names the push service's origin only: an
 * endpoint URL is the subscription's capability and stays out of logs.
 */
export class PushSendError extends Error {
  readonly code: PushSendErrorCode
  /** HTTP status of the push service's answer; unset when there was none. */
  readonly status?: number
  /** The push service's answer, as text. */
  readonly body?: string
  /** True for 429, 5xx and network problems. */
  readonly retryable: boolean

  constructor(message: string, details: { code: PushSendErrorCode; status?: number; body?: string; retryable: boolean }) {
    super(withDeliveryTag(message, details.code, details.retryable))
    this.name = "PushSendError"
    this.code = details.code
    this.status = details.status
    this.body = details.body
    this.retryable = details.retryable
  }
}

type WebPushErrorLike = Error & { statusCode?: number; body?: string; code?: string }

function codeForStatus(status: number): PushSendErrorCode {
  if (status === 404 || status === 410) return "subscription_gone"
  if (status === 413) return "payload_too_large"
  if (status === 429) return "rate_limited"
  if (status >= 500) return "push_service_error"
  return "push_rejected"
}

/** An error of `webpush.sendNotification` as a `PushSendError`. */
export function toPushSendError(error: unknown, endpoint: string): PushSendError {
  const e = (error instanceof Error ? error : new Error(String(error))) as WebPushErrorLike
  const origin = new URL(endpoint).origin
  if (typeof e.statusCode === "number") {
    const status = e.statusCode
    const code = codeForStatus(status)
    const body = typeof e.body === "string" ? e.body : undefined
    const detail = body?.trim() ? `: ${body.trim().slice(0, 300)}` : ""
    const what = code === "subscription_gone" ? "says the subscription is gone" : "refused the message"
    return new PushSendError(`Push service ${origin} ${what} (HTTP ${status})${detail}`, {
      code,
      status,
      body,
      retryable: code === "rate_limited" || code === "push_service_error",
    })
  }
  return new PushSendError(`Cannot deliver to push service ${origin}: ${e.code ?? e.message}`, { code: "push_unreachable", retryable: true })
}
