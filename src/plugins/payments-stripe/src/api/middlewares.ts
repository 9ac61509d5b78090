import { authenticate, defineMiddlewares, validateAndTransformQuery } from "@medusajs/framework/http"
import { AdminListStripeDisputes, AdminListStripeWebhookEvents } from "./admin/stripe/validators"

export default defineMiddlewares({
  routes: [
    {
      // Stripe signs the exact bytes it sent: the route needs them, not re-serialised JSON.
      matcher: "/hooks/stripe",
      method: ["POST"],
      bodyParser: { preserveRawBody: true },
    },
    {
      matcher: "/store/customers/me/payment-methods*",
      middlewares: [authenticate("customer", ["session", "bearer"])],
    },
    {
      matcher: "/admin/stripe/disputes",
      method: ["GET"],
      middlewares: [validateAndTransformQuery(AdminListStripeDisputes, {})],
    },
    {
      matcher: "/admin/stripe/webhook-events",
      method: ["GET"],
      middlewares: [validateAndTransformQuery(AdminListStripeWebhookEvents, {})],
    },
  ],
})
