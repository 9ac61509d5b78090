import type { ProviderSendNotificationDTO, ProviderSendNotificationResultsDTO } from "@medusajs/framework/types"
import { AbstractNotificationProviderService, MedusaError } from "@medusajs/framework/utils"
import type { SmsAdapter } from "./adapter"
import { validateSmsHttpOptions, type ResolvedSmsHttpOptions, type SmsHttpOptions } from "./options"
import { TwilioSmsAdapter } from "./twilio-adapter"

/**
 * Notification Module provider sending SMS over an HTTP API (Twilio's Messages API shape).
 * The text is the notification's `content.text`, which the caller keeps SMS-short; `from`
 * on a notification replaces the configured sender for that message.
 *
 * Errors are `SmsSendError`s carrying the API's code, the HTTP status and `retryable`.
 */
class SmsHttpNotificationProviderService extends AbstractNotificationProviderService {
  static identifier = "sms-http"

  protected readonly options_: ResolvedSmsHttpOptions
  protected readonly adapter_: SmsAdapter

  static validateOptions(options: Record<string, unknown>): void {
    validateSmsHttpOptions(options as Partial<SmsHttpOptions>)
  }

  constructor(_dependencies: Record<string, unknown>, options: SmsHttpOptions) {
    super()
    this.options_ = validateSmsHttpOptions(options)
    this.adapter_ = this.createAdapter(this.options_)
  }

  /** The API in use; a subclass returns another `SmsAdapter` for another API. */
  protected createAdapter(options: ResolvedSmsHttpOptions): SmsAdapter {
    return new TwilioSmsAdapter(options)
  }

  async send(notification: ProviderSendNotificationDTO): Promise<ProviderSendNotificationResultsDTO> {
    const to = notification?.to?.trim()
    if (!to) throw new MedusaError(MedusaError.Types.INVALID_DATA, "An SMS notification needs a recipient phone number (to).")
    const body = notification.content?.text?.trim()
    if (!body) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `The SMS "${notification.template}" to ${to} has no text: render content.text first.`)
    }
    const { id } = await this.adapter_.send({ to, body, ...(notification.from?.trim() ? { from: notification.from.trim() } : {}) })
    return { id }
  }
}

export default SmsHttpNotificationProviderService
