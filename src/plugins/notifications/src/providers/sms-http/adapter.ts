import { withDeliveryTag } from "../delivery-tag"
/**
 * One SMS HTTP API. The provider only knows this interface, so supporting another API is
 * one new adapter; `TwilioSmsAdapter` is the one in use.
 */
export interface SmsAdapter {
  /**
   * Hands one message to the API. Resolves with the API's id of the message once it is
   * accepted (queued), not delivered; rejects with an `SmsSendError`.
   */
  send(message: SmsMessage): Promise<{ id: string }>
}

export type SmsMessage = {
  /** Recipient as the API takes it, E.164 for Twilio SMS (`+4915112345678`). */
  to: string
  /** The text. */
  body: string
  /** A sender for this message instead of the configured one. */
  from?: string
}

/** What an adapter throws when the API did not accept a message. */
export class SmsSendError extends Error {
  /** HTTP status of the API's answer; unset when there was no answer. */
  readonly status?: number
  /** The API's own error code, e.g. Twilio's 20003 (authentication) or 21211 (invalid To). */
  readonly code?: number | string
  /** Link to the API's description of the error, when it gives one. */
  readonly moreInfo?: string
  /** True for 5xx, 429, timeouts and network errors: the same message can go through later. */
  readonly retryable: boolean

  constructor(message: string, details: { status?: number; code?: number | string; moreInfo?: string; retryable: boolean }) {
    super(withDeliveryTag(message, details.code, details.retryable))
    this.name = "SmsSendError"
    this.status = details.status
    this.code = details.code
    this.moreInfo = details.moreInfo
    this.retryable = details.retryable
  }
}
