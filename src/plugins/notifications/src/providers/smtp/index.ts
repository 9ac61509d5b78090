import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import SmtpNotificationProviderService from "./service"

export { SmtpNotificationProviderService }

export type { SmtpOptions } from "./options"
export { SmtpSendError } from "./errors"

/**
 * Register in the Notification Module's `providers` with `channels: ["email"]`; the options
 * are `SmtpOptions` (`url`, `from`, `replyTo`).
 */
export default ModuleProvider(Modules.NOTIFICATION, { services: [SmtpNotificationProviderService] })
