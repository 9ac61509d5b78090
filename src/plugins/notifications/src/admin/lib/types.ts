/** The JSON of the plugin's admin API as the dashboard receives it (dates are ISO strings). */

export type Channel = "email" | "sms" | "push"
export type MessageStatus = "queued" | "sending" | "sent" | "failed" | "suppressed"

export const CHANNELS: Channel[] = ["email", "sms", "push"]
export const MESSAGE_STATUSES: MessageStatus[] = ["queued", "sending", "sent", "failed", "suppressed"]

export type MessageSummary = {
  id: string
  channel: Channel
  template: string
  category: "transactional" | "marketing"
  locale: string
  to: string
  subject: string
  status: MessageStatus
  suppressed_reason: string | null
  attempts: number
  next_attempt_at: string | null
  last_error: string | null
  provider_id: string | null
  trigger: string
  resource_type: string | null
  resource_id: string | null
  sent_at: string | null
  created_at: string
  resent_from_id: string | null
}

export type MessageDetail = MessageSummary & {
  html: string | null
  text: string
  provider_data: Record<string, unknown> | null
  data: Record<string, unknown> | null
  /** The provider's own id for the message (for support requests to it); the API sends it, the brief's shape omits it. */
  external_id?: string | null
}

export type MailboxResponse = { messages: MessageSummary[]; count: number; limit: number; offset: number }
export type MessageResponse = { message: MessageDetail }
export type ResendResponse = { message: MessageSummary }

export type TemplateInfo = {
  name: string
  audience: "customer" | "merchant"
  category: "transactional" | "marketing"
  description: string
  locales: string[]
}
export type TemplatesResponse = { templates: TemplateInfo[] }

export type TemplatePreview = {
  subject: string
  html: string
  text: string
  sms: string
  push: { title: string; body: string; url?: string }
}
export type PreviewResponse = { preview: TemplatePreview }

export type StatusResponse = {
  /** The Notification Module provider id serving each channel; null when none is configured. */
  channels: Record<Channel, string | null>
  counts: Record<MessageStatus, number>
}
