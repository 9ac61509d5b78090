// React in scope: jest's swc transform compiles JSX with the classic runtime (React.createElement).
import * as React from "react"
import { ActionButton, Paragraph, Title } from "./components"
import type { TemplateDefinition } from "./definition"
import { localize } from "./i18n"
import { EmailLayout } from "./layout"
import { renderMessage } from "./render-message"
import { sampleAccountUrl, sampleOrder } from "./samples"

export const welcomeTemplate: TemplateDefinition<"welcome"> = {
  name: "welcome",
  audience: "customer",
  category: "transactional",
  description: "Greets a customer who has just created an account and links to it.",
  sample: { customer: { first_name: "Lena", email: sampleOrder.email }, account_url: sampleAccountUrl },
  async render({ customer, account_url }, ctx) {
    const l = localize(ctx)
    const s = l.strings.welcome
    const firstName = customer.first_name?.trim()
    return renderMessage({
      subject: l.t(s.subject),
      email: (
        <EmailLayout l={l} preview={l.t(s.preview)} audience="customer">
          <Title>{firstName ? l.t(s.headingNamed, { name: firstName }) : s.heading}</Title>
          <Paragraph>{l.t(s.intro)}</Paragraph>
          <ActionButton href={account_url} color={l.branding.primaryColor}>
            {s.button}
          </ActionButton>
        </EmailLayout>
      ),
      sms: l.t(s.sms, { url: account_url }),
      push: { title: l.t(s.pushTitle), body: l.t(s.pushBody), url: account_url },
    })
  },
}
