import type { MedusaContainer } from "@medusajs/framework/types"
import { NOTIFICATION_CENTER_MODULE } from "../modules/notification-center"
import type NotificationCenterModuleService from "../modules/notification-center/service"

export function notificationCenter(container: MedusaContainer): NotificationCenterModuleService {
  return container.resolve<NotificationCenterModuleService>(NOTIFICATION_CENTER_MODULE)
}
