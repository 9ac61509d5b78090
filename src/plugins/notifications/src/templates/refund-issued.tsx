// React in scope: jest's swc transform compiles JSX with the classic runtime (React.createElement).
import * as React from "react"
import { ActionButton, LabeledRows, Paragraph, Subheading, Title, type LabeledRow } from "./components"
import type { TemplateDefinition } from "./definition"
import { localize } from "./i18n"
import { EmailLayout } from "./layout"
import { renderMessage } from "./render-message"
import { sampleOrderRef, sampleOrderUrl } from "./samples"

export const refundIssuedTemplate: TemplateDefinition<"refund-issued"> = {
  name: "refund-issued",
  audience: "customer",
  category: "transactional",
  description: "Confirms a refund to the customer: amount, reason and an optional note.",
  sample: {
    order: sampleOrderRef,
    refund: { amount: 29, reason: "Returned item", note: "We've received the two tote bags back. Thanks for sending them so quickly!" },
    order_url: sampleOrderUrl,
  },
  async render({ order, refund, order_url }, ctx) {
    const l = localize(ctx)
    const s = l.strings.refundIssued
    const amount = l.money(refund.amount, order.currency_code)
    const values = { number: order.display_id, amount, url: order_url }
    const reason = refund.reason?.trim()
    const note = refund.note?.trim()
    const rows: LabeledRow[] = [{ label: s.amount, value: amount, strong: true }]
    if (reason) rows.push({ label: s.reason, value: reason })
    return renderMessage({
      subject: l.t(s.subject, values),
      email: (
        <EmailLayout l={l} preview={l.t(s.preview, values)} audience="customer">
          <Title>{s.heading}</Title>
          <Paragraph>{l.t(s.intro, values)}</Paragraph>
          <LabeledRows rows={rows} />
          {note ? <Subheading>{l.t(s.note)}</Subheading> : null}
          {note ? <Paragraph>{note}</Paragraph> : null}
          <Paragraph muted>{s.timing}</Paragraph>
          <ActionButton href={order_url} color={l.branding.primaryColor}>
            {l.strings.common.viewOrder}
          </ActionButton>
        </EmailLayout>
      ),
      sms: l.t(s.sms, values),
      push: { title: l.t(s.pushTitle, values), body: l.t(s.pushBody, values), url: order_url },
    })
  },
}
