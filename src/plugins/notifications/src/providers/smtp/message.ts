import type { ProviderSendNotificationDTO } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import type { SendMailOptions } from "nodemailer"

/**
 * A notification as a nodemailer message. Shared by the SMTP provider and the dev mailbox,
 * so the `.eml` a developer opens is the message SMTP would have sent.
 *
 * Read from the notification:
 * - `to`; `from` (overrides the provider's sender);
 * - `content.subject`, `content.html`, `content.text` (rendered by the caller; at least one
 *   of html and text);
 * - `attachments` (`content` base64-encoded, `id` becomes the Content-ID of an inline image);
 * - `provider_data.headers` (`Record<string, string>`, e.g. `List-Unsubscribe` and
 *   `List-Unsubscribe-Post` for one-click unsubscribe, RFC 8058), `provider_data.reply_to`,
 *   `provider_data.cc`, `provider_data.bcc` (an address or a list).
 */
export type MessageDefaults = { from: string; replyTo?: string }

/**
 * Headers a notification may not set through `provider_data.headers`: nodemailer writes
 * them from the message's own fields, and a second copy would make an ambiguous message.
 */
const RESERVED_HEADERS = new Set([
  "from",
  "to",
  "cc",
  "bcc",
  "reply-to",
  "sender",
  "subject",
  "date",
  "message-id",
  "mime-version",
  "content-type",
  "content-transfer-encoding",
])

/** RFC 5322 field names, restricted to the characters real header names use. */
const HEADER_NAME = /^[A-Za-z0-9][A-Za-z0-9-]*$/

function invalid(message: string): MedusaError {
  return new MedusaError(MedusaError.Types.INVALID_DATA, message)
}

/** `provider_data.headers`, checked: a CR or LF in a value would let it inject headers. */
export function customHeaders(providerData: Record<string, unknown> | null | undefined): Record<string, string> {
  const headers = providerData?.headers
  if (headers === undefined || headers === null) return {}
  if (typeof headers !== "object" || Array.isArray(headers)) throw invalid("provider_data.headers must be an object of header names to string values.")
  const checked: Record<string, string> = {}
  for (const [name, value] of Object.entries(headers as Record<string, unknown>)) {
    if (!HEADER_NAME.test(name)) throw invalid(`provider_data.headers has an invalid header name "${name}".`)
    if (RESERVED_HEADERS.has(name.toLowerCase())) throw invalid(`provider_data.headers cannot set ${name}: use the notification's own field for it.`)
    if (typeof value !== "string") throw invalid(`provider_data.headers.${name} must be a string.`)
    if (/[\r\n]/.test(value)) throw invalid(`provider_data.headers.${name} must not contain line breaks.`)
    checked[name] = value
  }
  return checked
}

/** `provider_data.cc` / `bcc` / `reply_to`: an address or a list of addresses. */
function addressList(providerData: Record<string, unknown> | null | undefined, key: string): string | string[] | undefined {
  const value = providerData?.[key]
  if (value === undefined || value === null) return undefined
  if (typeof value === "string" && value.trim()) return value
  if (Array.isArray(value) && value.every((v) => typeof v === "string" && v.trim())) return value as string[]
  throw invalid(`provider_data.${key} must be an e-mail address or a list of them.`)
}

function attachmentsOf(notification: ProviderSendNotificationDTO): SendMailOptions["attachments"] {
  if (!notification.attachments?.length) return undefined
  return notification.attachments.map((attachment, index) => {
    if (!attachment?.filename || typeof attachment.content !== "string") {
      throw invalid(`Attachment ${index + 1} needs a filename and base64 content.`)
    }
    return {
      filename: attachment.filename,
      content: attachment.content,
      encoding: "base64",
      ...(attachment.content_type ? { contentType: attachment.content_type } : {}),
      ...(attachment.disposition ? { contentDisposition: attachment.disposition } : {}),
      ...(attachment.id ? { cid: attachment.id } : {}),
    }
  })
}

export function toMailMessage(notification: ProviderSendNotificationDTO, defaults: MessageDefaults): SendMailOptions {
  if (!notification?.to?.trim()) throw invalid("An e-mail notification needs a recipient (to).")
  const { subject, html, text } = notification.content ?? {}
  if (!html && !text) {
    throw invalid(`The e-mail "${notification.template}" to ${notification.to} has no content: render content.html or content.text first.`)
  }
  const providerData = notification.provider_data
  const replyTo = addressList(providerData, "reply_to") ?? defaults.replyTo
  const cc = addressList(providerData, "cc")
  const bcc = addressList(providerData, "bcc")
  return {
    from: notification.from?.trim() || defaults.from,
    to: notification.to,
    subject: subject ?? "",
    ...(html ? { html } : {}),
    ...(text ? { text } : {}),
    ...(replyTo ? { replyTo } : {}),
    ...(cc ? { cc } : {}),
    ...(bcc ? { bcc } : {}),
    headers: customHeaders(providerData),
    attachments: attachmentsOf(notification),
  }
}
