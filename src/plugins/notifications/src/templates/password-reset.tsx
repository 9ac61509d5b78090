// React in scope: jest's swc transform compiles JSX with the classic runtime (React.createElement).
import * as React from "react"
import { ActionButton, Paragraph, Title } from "./components"
import type { TemplateDefinition } from "./definition"
import { localize } from "./i18n"
import { EmailLayout } from "./layout"
import { renderMessage } from "./render-message"
import { sampleOrder, sampleResetUrl } from "./samples"

export const passwordResetTemplate: TemplateDefinition<"password-reset"> = {
  name: "password-reset",
  // Sent to whoever asked for the reset, a customer or an admin user, never to the staff list.
  audience: "customer",
  category: "transactional",
  description: "Sends a password reset link to a customer or admin user who asked for one.",
  sample: { email: sampleOrder.email, reset_url: sampleResetUrl, actor_type: "customer", expires_in_minutes: 15 },
  async render({ email, reset_url, actor_type, expires_in_minutes }, ctx) {
    const l = localize(ctx)
    const s = l.strings.passwordReset
    const values = { email, minutes: expires_in_minutes, url: reset_url }
    return renderMessage({
      subject: l.t(s.subject),
      email: (
        <EmailLayout l={l} preview={l.t(s.preview, values)} audience="customer">
          <Title>{s.heading}</Title>
          <Paragraph>{l.t(actor_type === "user" ? s.introUser : s.introCustomer, values)}</Paragraph>
          <ActionButton href={reset_url} color={l.branding.primaryColor}>
            {s.button}
          </ActionButton>
          <Paragraph>{l.t(s.expiry, values)}</Paragraph>
          <Paragraph muted>{l.t(s.ignore)}</Paragraph>
        </EmailLayout>
      ),
      sms: l.t(s.sms, values),
      push: { title: l.t(s.pushTitle), body: l.t(s.pushBody, values), url: reset_url },
    })
  },
}
