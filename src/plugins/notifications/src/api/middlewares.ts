import { authenticate, defineMiddlewares, validateAndTransformBody, validateAndTransformQuery } from "@medusajs/framework/http"
import { AdminListMailbox, AdminTemplatePreview } from "./admin/validators"
import {
  StoreCreateBackInStockRequest,
  StoreCreatePushSubscription,
  StoreDeletePushSubscription,
  StoreUpdateNotificationPreferences,
} from "./store/validators"

const customer = authenticate("customer", ["session", "bearer"])

export default defineMiddlewares({
  routes: [
    { matcher: "/admin/mailbox", method: ["GET"], middlewares: [validateAndTransformQuery(AdminListMailbox, {})] },
    {
      matcher: "/admin/notifications/templates/:name/preview",
      method: ["GET"],
      middlewares: [validateAndTransformQuery(AdminTemplatePreview, {})],
    },
    { matcher: "/store/customers/me/notification-preferences", method: ["GET"], middlewares: [customer] },
    {
      matcher: "/store/customers/me/notification-preferences",
      method: ["POST"],
      middlewares: [customer, validateAndTransformBody(StoreUpdateNotificationPreferences)],
    },
    { matcher: "/store/customers/me/push-subscriptions", method: ["POST"], middlewares: [customer, validateAndTransformBody(StoreCreatePushSubscription)] },
    { matcher: "/store/customers/me/push-subscriptions", method: ["DELETE"], middlewares: [customer, validateAndTransformBody(StoreDeletePushSubscription)] },
    {
      matcher: "/store/notifications/back-in-stock",
      method: ["POST"],
      middlewares: [
        authenticate("customer", ["session", "bearer"], { allowUnauthenticated: true }),
        validateAndTransformBody(StoreCreateBackInStockRequest),
      ],
    },
  ],
})
