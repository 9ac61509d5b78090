import { authenticate, validateAndTransformBody, validateAndTransformQuery, type MiddlewareRoute } from "@medusajs/framework/http"
import { noteOrderCancel } from "../stock-intents"
import { AdminListFraudAssessments } from "./assessments/validators"
import { AdminAddFraudBlocklistEntry, AdminListFraudBlocklist } from "./blocklist/validators"
import { AdminListFraudReviews } from "./reviews/validators"
import { AdminApproveFraudReview, AdminRejectFraudReview } from "./reviews/[id]/validators"
import { AdminSaveFraudRules } from "./rules/validators"

/** Medusa authenticates every /admin route (session, bearer, API key); these add validation. */
export const adminFraudMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/fraud/reviews",
    middlewares: [validateAndTransformQuery(AdminListFraudReviews, {})],
  },
  {
    method: ["POST"],
    matcher: "/admin/fraud/reviews/:id/approve",
    middlewares: [validateAndTransformBody(AdminApproveFraudReview)],
  },
  {
    method: ["POST"],
    matcher: "/admin/fraud/reviews/:id/reject",
    // A rejection cancels the order: the stock ledger records the released reservations as this
    // admin's order cancellation, as for POST /admin/orders/:id/cancel (hence `:id` for the order).
    middlewares: [
      authenticate("user", ["session", "bearer", "api-key"]),
      validateAndTransformBody(AdminRejectFraudReview),
      noteOrderCancel,
    ],
  },
  {
    method: ["GET"],
    matcher: "/admin/fraud/assessments",
    middlewares: [validateAndTransformQuery(AdminListFraudAssessments, {})],
  },
  {
    method: ["POST"],
    matcher: "/admin/fraud/rules",
    middlewares: [validateAndTransformBody(AdminSaveFraudRules)],
  },
  {
    method: ["GET"],
    matcher: "/admin/fraud/blocklist",
    middlewares: [validateAndTransformQuery(AdminListFraudBlocklist, {})],
  },
  {
    method: ["POST"],
    matcher: "/admin/fraud/blocklist",
    middlewares: [validateAndTransformBody(AdminAddFraudBlocklistEntry)],
  },
]
