import { randomBytes } from "crypto"
import type { Logger, ProviderSendNotificationDTO, ProviderSendNotificationResultsDTO } from "@medusajs/framework/types"
import { AbstractNotificationProviderService, MedusaError } from "@medusajs/framework/utils"
import nodemailer from "nodemailer"
import type { StreamSentMessageInfo, Transporter } from "nodemailer"
import { toMailMessage } from "../smtp/message"
import { validateMailboxOptions, type MailboxOptions, type ResolvedMailboxOptions } from "./options"
import { mailboxPath, writeMailboxFile } from "./storage"

type InjectedDependencies = { logger?: Logger }

/** What a `.json` message holds: the notification as the provider received it. */
export type MailboxJsonMessage = {
  id: string
  channel: string
  to: string
  from: string | null
  template: string
  content: ProviderSendNotificationDTO["content"] | null
  data: Record<string, unknown> | null
  provider_data: Record<string, unknown> | null
  created_at: string
}

/**
 * The dev mailbox: a Notification Module provider for the `email`, `sms` and `push` channels
 * that sends nothing and writes every message to a folder instead. E-mails are composed by
 * nodemailer exactly as the SMTP provider would send them (headers from
 * `provider_data.headers` included), so what a developer opens is what a customer would get.
 */
class MailboxNotificationProviderService extends AbstractNotificationProviderService {
  static identifier = "mailbox"

  protected readonly options_: ResolvedMailboxOptions
  protected readonly logger_?: Logger
  /** Builds the RFC 822 message in memory; nothing is sent. */
  protected readonly composer_: Transporter<StreamSentMessageInfo>

  static validateOptions(options: Record<string, unknown>): void {
    validateMailboxOptions(options as Partial<MailboxOptions>)
  }

  constructor(dependencies: InjectedDependencies, options: MailboxOptions) {
    super()
    this.options_ = validateMailboxOptions(options)
    try {
      this.logger_ = dependencies?.logger
    } catch {
      // The container throws on unregistered keys; a logger is optional.
      this.logger_ = undefined
    }
    this.composer_ = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "windows" })
  }

  async send(notification: ProviderSendNotificationDTO): Promise<ProviderSendNotificationResultsDTO> {
    if (!notification?.to) throw new MedusaError(MedusaError.Types.INVALID_DATA, "A notification needs a recipient (to).")
    const id = `mbx_${randomBytes(12).toString("hex")}`
    const now = new Date()
    const isEmail = notification.channel === "email"
    const file = mailboxPath(this.options_.directory, now, id, isEmail ? "eml" : "json")
    await writeMailboxFile(file, isEmail ? await this.composeEmail(notification, id) : this.toJson(notification, id, now))
    this.log(notification, file)
    return { id }
  }

  protected async composeEmail(notification: ProviderSendNotificationDTO, id: string): Promise<Buffer> {
    const message = toMailMessage(notification, { from: this.options_.from })
    // The mailbox id in the Message-ID lets a developer find the file from a mail client.
    const info = await this.composer_.sendMail({ ...message, messageId: `<${id}@mailbox.localhost>` })
    return info.message as Buffer
  }

  protected toJson(notification: ProviderSendNotificationDTO, id: string, now: Date): string {
    const message: MailboxJsonMessage = {
      id,
      channel: notification.channel,
      to: notification.to,
      from: notification.from ?? null,
      template: notification.template,
      content: notification.content ?? null,
      data: notification.data ?? null,
      provider_data: notification.provider_data ?? null,
      created_at: now.toISOString(),
    }
    return `${JSON.stringify(message, null, 2)}\n`
  }

  protected log(notification: ProviderSendNotificationDTO, file: string): void {
    if (!this.logger_ || this.options_.logLevel === "silent") return
    const content = notification.content
    // An SMS has no subject: its text (shortened) says what was sent.
    const summary = content?.subject || shorten(content?.text) || notification.template
    this.logger_.info(`Dev mailbox: ${notification.channel} to ${notification.to}: ${summary}`)
    if (this.options_.logLevel === "debug") this.logger_.debug(`Dev mailbox: written to ${file}`)
  }
}

function shorten(text: string | undefined): string | undefined {
  if (!text) return undefined
  const line = text.replace(/\s+/g, " ").trim()
  return line.length > 80 ? `${line.slice(0, 79)}…` : line
}

export default MailboxNotificationProviderService
