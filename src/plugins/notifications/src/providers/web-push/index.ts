import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import WebPushNotificationProviderService from "./service"

export { WebPushNotificationProviderService }

export type { WebPushOptions } from "./options"
export type { PushPayload } from "./payload"
export { PushSendError, type PushSendErrorCode } from "./errors"

/**
 * Register in the Notification Module's `providers` with `channels: ["push"]`; the options
 * are `WebPushOptions` (`vapidPublicKey`, `vapidPrivateKey`, `subject`, `ttlSeconds`,
 * `timeoutMs`, `ca`).
 */
export default ModuleProvider(Modules.NOTIFICATION, { services: [WebPushNotificationProviderService] })
