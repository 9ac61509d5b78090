import { MedusaService } from "@medusajs/framework/utils"
import { resolveNotificationsOptions, type NotificationsPluginOptions, type ResolvedNotificationsOptions } from "../../options"
import BackInStockRequest from "./models/back-in-stock-request"
import NotificationMessage, { type MessageChannel, type MessageStatus } from "./models/notification-message"
import NotificationPreference from "./models/notification-preference"
import PushSubscription from "./models/push-subscription"

export type MessageRecord = {
  id: string
  idempotency_key: string
  channel: MessageChannel
  template: string
  category: "transactional" | "marketing"
  locale: string
  to: string
  receiver_id: string | null
  subject: string
  html: string | null
  text: string
  provider_data: Record<string, unknown> | null
  data: Record<string, unknown> | null
  trigger: string
  resource_type: string | null
  resource_id: string | null
  status: MessageStatus
  suppressed_reason: string | null
  attempts: number
  next_attempt_at: Date | null
  last_error: string | null
  provider_id: string | null
  notification_id: string | null
  external_id: string | null
  sent_at: Date | null
  resent_from_id: string | null
  created_at: Date
  updated_at: Date
}

export type NewMessage = Omit<
  MessageRecord,
  "id" | "status" | "attempts" | "next_attempt_at" | "last_error" | "provider_id" | "notification_id" | "external_id" | "sent_at" | "created_at" | "updated_at" | "suppressed_reason" | "resent_from_id"
> & { status?: "queued" | "suppressed"; suppressed_reason?: string | null; resent_from_id?: string | null }

export type PreferenceRecord = {
  id: string
  email: string
  customer_id: string | null
  marketing_email: boolean
  marketing_consent_at: Date | null
  unsubscribed_at: Date | null
  sms: boolean
  phone: string | null
  push: boolean
  locale: string | null
}

export type PushSubscriptionRecord = {
  id: string
  customer_id: string
  endpoint: string
  p256dh: string
  auth: string
  expiration_time: Date | null
  user_agent: string | null
  disabled_at: Date | null
  disabled_reason: string | null
}

export type BackInStockRecord = {
  id: string
  variant_id: string
  email: string
  customer_id: string | null
  sales_channel_id: string | null
  locale: string | null
  notified_at: Date | null
}

const isUniqueViolation = (error: unknown) =>
  /unique|duplicate key|already exists/i.test(String((error as { message?: string })?.message ?? error))

/**
 * The plugin's records: the message outbox/history (also the dev mailbox), recipients'
 * preferences, browsers' push subscriptions and back-in-stock requests. Sending itself goes
 * through Medusa's Notification Module (see lib/deliver.ts).
 */
class NotificationCenterModuleService extends MedusaService({
  NotificationMessage,
  NotificationPreference,
  PushSubscription,
  BackInStockRequest,
}) {
  protected readonly settings_: ResolvedNotificationsOptions

  constructor(container: Record<string, unknown>, options: Partial<NotificationsPluginOptions> = {}) {
    // eslint-disable-next-line prefer-rest-params
    super(...arguments)
    this.settings_ = resolveNotificationsOptions(options)
  }

  settings(): ResolvedNotificationsOptions {
    return this.settings_
  }

  /**
   * Records a message unless one with its idempotency key exists: `created: false` then, with the
   * existing one. The unique index decides between two deliveries of one event arriving together.
   */
  async recordMessage(input: NewMessage): Promise<{ message: MessageRecord; created: boolean }> {
    const [existing] = (await this.listNotificationMessages({ idempotency_key: input.idempotency_key })) as MessageRecord[]
    if (existing) return { message: existing, created: false }
    try {
      const message = (await this.createNotificationMessages(input as never)) as unknown as MessageRecord
      return { message, created: true }
    } catch (error) {
      if (!isUniqueViolation(error)) throw error
      const [winner] = (await this.listNotificationMessages({ idempotency_key: input.idempotency_key })) as MessageRecord[]
      if (!winner) throw error
      return { message: winner, created: false }
    }
  }

  /** Messages whose retry is due, and queued ones a crashed process left behind. */
  async dueMessages(now: Date, limit: number): Promise<MessageRecord[]> {
    const stale = new Date(now.getTime() - 5 * 60 * 1000)
    const [failed, stuck] = await Promise.all([
      this.listNotificationMessages({ status: "failed", next_attempt_at: { $lte: now } } as never, { take: limit, order: { next_attempt_at: "ASC" } }),
      this.listNotificationMessages({ status: ["queued", "sending"], updated_at: { $lte: stale } } as never, { take: limit, order: { created_at: "ASC" } }),
    ])
    return [...(failed as MessageRecord[]), ...(stuck as MessageRecord[])].slice(0, limit)
  }

  async preferenceFor(email: string): Promise<PreferenceRecord | null> {
    const [found] = (await this.listNotificationPreferences({ email: email.toLowerCase() })) as PreferenceRecord[]
    return found ?? null
  }

  /** Creates or updates the address's preferences; giving marketing consent clears an unsubscribe. */
  async savePreference(email: string, patch: Partial<Omit<PreferenceRecord, "id" | "email">>): Promise<PreferenceRecord> {
    const normalized = email.toLowerCase()
    const changes: Record<string, unknown> = { ...patch }
    if (patch.marketing_email === true) {
      changes.marketing_consent_at = new Date()
      changes.unsubscribed_at = null
    }
    const existing = await this.preferenceFor(normalized)
    if (existing) {
      if (patch.marketing_email === true && existing.marketing_email && !existing.unsubscribed_at) delete changes.marketing_consent_at
      return (await this.updateNotificationPreferences({ id: existing.id, ...changes })) as unknown as PreferenceRecord
    }
    try {
      return (await this.createNotificationPreferences({ email: normalized, ...changes } as never)) as unknown as PreferenceRecord
    } catch (error) {
      if (!isUniqueViolation(error)) throw error
      const winner = await this.preferenceFor(normalized)
      return (await this.updateNotificationPreferences({ id: winner!.id, ...changes })) as unknown as PreferenceRecord
    }
  }

  async unsubscribe(email: string, at = new Date()): Promise<PreferenceRecord> {
    return this.savePreference(email, { marketing_email: false, unsubscribed_at: at })
  }

  async activePushSubscriptions(customerId: string): Promise<PushSubscriptionRecord[]> {
    return (await this.listPushSubscriptions({ customer_id: customerId, disabled_at: null } as never)) as PushSubscriptionRecord[]
  }

  /** Registers (or moves to this customer, re-enabling) a browser's subscription; one row per endpoint. */
  async savePushSubscription(input: Omit<PushSubscriptionRecord, "id" | "disabled_at" | "disabled_reason">): Promise<PushSubscriptionRecord> {
    const [existing] = (await this.listPushSubscriptions({ endpoint: input.endpoint })) as PushSubscriptionRecord[]
    if (existing) {
      return (await this.updatePushSubscriptions({ id: existing.id, ...input, disabled_at: null, disabled_reason: null })) as unknown as PushSubscriptionRecord
    }
    return (await this.createPushSubscriptions(input as never)) as unknown as PushSubscriptionRecord
  }

  async disablePushSubscription(endpoint: string, reason: string): Promise<void> {
    const found = (await this.listPushSubscriptions({ endpoint, disabled_at: null } as never)) as PushSubscriptionRecord[]
    if (found.length) {
      await this.updatePushSubscriptions(found.map((s) => ({ id: s.id, disabled_at: new Date(), disabled_reason: reason })))
    }
  }

  /** Opens a request, or returns the open one for this variant and address. */
  async requestBackInStock(input: Omit<BackInStockRecord, "id" | "notified_at">): Promise<{ request: BackInStockRecord; created: boolean }> {
    const email = input.email.toLowerCase()
    const open = async () =>
      ((await this.listBackInStockRequests({ variant_id: input.variant_id, email, notified_at: null } as never)) as BackInStockRecord[])[0]
    const existing = await open()
    if (existing) return { request: existing, created: false }
    try {
      return { request: (await this.createBackInStockRequests({ ...input, email } as never)) as unknown as BackInStockRecord, created: true }
    } catch (error) {
      const winner = isUniqueViolation(error) ? await open() : undefined
      if (!winner) throw error
      return { request: winner, created: false }
    }
  }

  async openBackInStockRequests(variantIds: string[]): Promise<BackInStockRecord[]> {
    if (!variantIds.length) return []
    return (await this.listBackInStockRequests({ variant_id: variantIds, notified_at: null } as never)) as BackInStockRecord[]
  }
}

export default NotificationCenterModuleService
