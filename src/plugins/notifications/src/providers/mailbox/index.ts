import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import MailboxNotificationProviderService from "./service"

export { MailboxNotificationProviderService }

export type { MailboxOptions, MailboxLogLevel } from "./options"
export type { MailboxJsonMessage } from "./service"
export { mailboxPath } from "./storage"

/**
 * Register in the Notification Module's `providers` with `channels: ["email", "sms", "push"]`
 * when no real provider is configured; the options are `MailboxOptions` (`directory`,
 * `logLevel`, `from`).
 */
export default ModuleProvider(Modules.NOTIFICATION, { services: [MailboxNotificationProviderService] })
