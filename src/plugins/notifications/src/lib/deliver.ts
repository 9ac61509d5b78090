import type { INotificationModuleService, MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { nextAttemptAt } from "../modules/notification-center/backoff"
import type { MessageRecord } from "../modules/notification-center/service"
import { readDeliveryTag } from "../providers/delivery-tag"
import { notificationCenter } from "./center"


/**
 * Hands one recorded message to Medusa's Notification Module, which routes it to the provider of
 * its channel, and records the outcome on the message. A failure is kept with its error and a
 * time for the next attempt (the retry job takes it from there); it never throws, so one bad
 * recipient does not fail the event for the others.
 */
export async function deliverMessage(container: MedusaContainer, message: MessageRecord): Promise<MessageRecord> {
  const center = notificationCenter(container)
  const attempt = message.attempts + 1
  await center.updateNotificationMessages({ id: message.id, status: "sending", attempts: attempt })
  const providerData = message.provider_data ?? {}
  try {
    const notification = await container.resolve<INotificationModuleService>(Modules.NOTIFICATION).createNotifications({
      to: message.to,
      channel: message.channel,
      template: message.template,
      content: { subject: message.subject, text: message.text, ...(message.html ? { html: message.html } : {}) },
      data: { message_id: message.id, ...(typeof providerData.url === "string" ? { url: providerData.url } : {}) },
      provider_data: providerData,
      trigger_type: message.trigger,
      resource_id: message.resource_id ?? undefined,
      resource_type: message.resource_type ?? undefined,
      receiver_id: message.receiver_id ?? undefined,
      // One Medusa notification per attempt: the message is the stable identity.
      idempotency_key: `${message.id}:${attempt}`,
    })
    return (await center.updateNotificationMessages({
      id: message.id,
      status: "sent",
      sent_at: new Date(),
      next_attempt_at: null,
      last_error: null,
      provider_id: notification.provider_id ?? null,
      notification_id: notification.id,
      external_id: notification.external_id ?? null,
    })) as unknown as MessageRecord
  } catch (error) {
    const reason = describe(error)
    const tag = readDeliveryTag(reason)
    // A push service saying the subscription is gone (404/410) or an address the server refuses
    // for good will not change by asking again; anything else (an outage, a timeout) may.
    const permanent = tag ? !tag.retryable : false
    if (tag?.code === "subscription_gone" && message.channel === "push") {
      await center.disablePushSubscription(message.to, "The push service reported the subscription gone (404/410).")
    }
    return (await center.updateNotificationMessages({
      id: message.id,
      status: "failed",
      last_error: reason,
      next_attempt_at: permanent ? null : nextAttemptAt(attempt, center.settings().retry),
    })) as unknown as MessageRecord
  }
}

/** Medusa wraps a provider's error as "Failed to send notification with id …:\n<reason>": keep the reason. */
function describe(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error)
  return text.replace(/^Failed to send notification with id \S+:\s*/, "").slice(0, 2000)
}
