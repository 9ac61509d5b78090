import type { Channel, MessageStatus } from "./types"

export const formatWhen = (iso: string | null) =>
  iso ? new Date(iso).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" }) : "–"

export const CHANNEL_LABEL: Record<Channel, string> = { email: "E-mail", sms: "SMS", push: "Push" }

/** Delivered green, given up red, deliberately not sent grey, still on its way orange. */
export const STATUS_COLOR: Record<MessageStatus, "green" | "red" | "grey" | "orange"> = {
  sent: "green",
  failed: "red",
  suppressed: "grey",
  queued: "orange",
  sending: "orange",
}

export const STATUS_LABEL: Record<MessageStatus, string> = {
  queued: "Queued",
  sending: "Sending",
  sent: "Sent",
  failed: "Failed",
  suppressed: "Suppressed",
}

/** Statuses a message leaves by itself: its page keeps reading it until it settles. */
export const IN_FLIGHT: MessageStatus[] = ["queued", "sending"]

/** The dev mailbox provider only stores messages (ids like "mailbox" or "notification-mailbox"). */
export const isDevMailbox = (providerId: string | null) => !!providerId && providerId.includes("mailbox")

/** Dashboard pages of the resources a message can be about; others are shown without a link. */
const RESOURCE_PAGES: Record<string, string> = { order: "/orders", customer: "/customers", product: "/products" }

export const resourceHref = (type: string | null, id: string | null) =>
  type && id && RESOURCE_PAGES[type] ? `${RESOURCE_PAGES[type]}/${encodeURIComponent(id)}` : null
