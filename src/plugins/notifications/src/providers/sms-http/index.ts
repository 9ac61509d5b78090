import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import SmsHttpNotificationProviderService from "./service"

export { SmsHttpNotificationProviderService }

export type { SmsHttpOptions } from "./options"
export type { SmsAdapter, SmsMessage } from "./adapter"
export { SmsSendError } from "./adapter"
export { TwilioSmsAdapter } from "./twilio-adapter"

/**
 * Register in the Notification Module's `providers` with `channels: ["sms"]`; the options
 * are `SmsHttpOptions` (`accountSid`, `authToken`, `from` or `messagingServiceSid`,
 * `apiBaseUrl`, `timeoutMs`).
 */
export default ModuleProvider(Modules.NOTIFICATION, { services: [SmsHttpNotificationProviderService] })
