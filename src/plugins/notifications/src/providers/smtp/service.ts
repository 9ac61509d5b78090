import type { ProviderSendNotificationDTO, ProviderSendNotificationResultsDTO } from "@medusajs/framework/types"
import { AbstractNotificationProviderService } from "@medusajs/framework/utils"
import nodemailer from "nodemailer"
import type { SMTPPoolSentMessageInfo, Transporter } from "nodemailer"
import { toSmtpSendError } from "./errors"
import { toMailMessage } from "./message"
import { smtpSecrets, smtpServerLabel, validateSmtpOptions, type SmtpOptions } from "./options"

/**
 * Notification Module provider sending e-mail over SMTP with nodemailer.
 *
 * One pooled transport per provider instance: connections (and their TLS and AUTH
 * handshakes) are reused across messages, and idle ones close after nodemailer's idle
 * timeout. The notification's content is sent as it is; templates are rendered before.
 */
class SmtpNotificationProviderService extends AbstractNotificationProviderService {
  static identifier = "smtp"

  protected readonly options_: SmtpOptions
  protected readonly transport_: Transporter<SMTPPoolSentMessageInfo>
  /** `host:port` for error messages. */
  protected readonly server_: string
  /** Strings kept out of error messages: the URL's password. */
  private readonly secrets_: string[]

  static validateOptions(options: Record<string, unknown>): void {
    validateSmtpOptions(options as Partial<SmtpOptions>)
  }

  constructor(_dependencies: Record<string, unknown>, options: SmtpOptions) {
    super()
    this.options_ = validateSmtpOptions(options)
    this.server_ = smtpServerLabel(this.options_.url)
    this.secrets_ = smtpSecrets(this.options_.url)
    // No connection is made here: the pool connects on the first message.
    this.transport_ = nodemailer.createTransport({ url: this.options_.url, pool: true })
  }

  async send(notification: ProviderSendNotificationDTO): Promise<ProviderSendNotificationResultsDTO> {
    const message = toMailMessage(notification, this.options_)
    try {
      const info = await this.transport_.sendMail(message)
      return { id: info.messageId }
    } catch (error) {
      throw toSmtpSendError(error, this.server_, this.secrets_)
    }
  }

  /** Closes the pooled connections, for a clean shutdown and for tests. */
  close(): void {
    this.transport_.close()
  }
}

export default SmtpNotificationProviderService
