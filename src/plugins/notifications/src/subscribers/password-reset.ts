import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { createHash } from "node:crypto"
import { fillUrl } from "../options"
import { notificationCenter } from "../lib/center"
import { notify } from "../lib/dispatch"

type PasswordResetEvent = { entity_id: string; actor_type: string; token: string }

/**
 * Medusa's `auth.password_reset` (from POST /auth/<actor>/emailpass/reset-password) carries the
 * address and a short-lived token; this mails the link. Customers are sent to the storefront,
 * admin users to the dashboard. Other actor types are not ours to answer.
 */
export default async function passwordReset({ event, container }: SubscriberArgs<PasswordResetEvent>) {
  const { entity_id: email, actor_type, token } = event.data
  if (!email || !token || (actor_type !== "customer" && actor_type !== "user")) return
  const settings = notificationCenter(container).settings()
  await notify(container, {
    template: "password-reset",
    data: {
      email,
      actor_type,
      reset_url: fillUrl(settings.passwordResetUrls[actor_type], { token, email }),
      expires_in_minutes: settings.passwordResetMinutes,
    },
    recipient: { email },
    trigger: event.name,
    // Each request has its own token: a second request is a second mail, a redelivery is not.
    occurrence: createHash("sha256").update(token).digest("hex").slice(0, 24),
  })
}

export const config: SubscriberConfig = {
  event: "auth.password_reset",
  context: { subscriberId: "emporium-notifications-password-reset" },
}
