// React in scope: jest's swc transform compiles JSX with the classic runtime (React.createElement).
import * as React from "react"
import { ActionButton, LabeledRows, Paragraph, Subheading, Title } from "./components"
import type { TemplateDefinition } from "./definition"
import { localize, type Strings } from "./i18n"
import { EmailLayout } from "./layout"
import { renderMessage } from "./render-message"
import { sampleAdminUrl, sampleOrder, sampleOrderRef } from "./samples"

/** Known levels read in the merchant's language; a level we don't know is shown as given. */
function riskLevelLabel(level: string, levels: Strings["fraudReview"]["levels"]): string {
  const known: Record<string, string> = levels
  return known[level.trim().toLowerCase()] ?? level
}

export const fraudReviewTemplate: TemplateDefinition<"fraud-review"> = {
  name: "fraud-review",
  audience: "merchant",
  category: "transactional",
  description: "Asks staff to review an order the risk check flagged, with score, level and reasons.",
  sample: {
    order: { ...sampleOrderRef, total: sampleOrder.total },
    assessment: {
      score: 82,
      level: "high",
      reasons: [
        "Billing and shipping country differ from the card's issuing country",
        "Third order from this IP address within an hour",
        "E-mail address created less than a day ago",
      ],
    },
    review_url: `${sampleAdminUrl}/orders/${sampleOrder.id}`,
  },
  async render({ order, assessment, review_url }, ctx) {
    const l = localize(ctx)
    const s = l.strings.fraudReview
    const total = l.money(order.total, order.currency_code)
    const values = {
      number: order.display_id,
      level: riskLevelLabel(assessment.level, s.levels),
      score: l.number(assessment.score),
      total,
      email: order.email,
      url: review_url,
    }
    return renderMessage({
      subject: l.t(s.subject, values),
      email: (
        <EmailLayout l={l} preview={l.t(s.preview, values)} audience="merchant">
          <Title>{l.t(s.heading, values)}</Title>
          <Paragraph>{l.t(s.intro, values)}</Paragraph>
          <LabeledRows
            alignValues="left"
            rows={[
              { label: s.score, value: values.score, strong: true },
              { label: s.level, value: values.level },
              { label: s.total, value: total },
              { label: s.customer, value: order.email },
            ]}
          />
          {assessment.reasons.length > 0 ? <Subheading>{s.reasons}</Subheading> : null}
          {assessment.reasons.length > 0 ? (
            <ul style={{ fontSize: "15px", lineHeight: "24px", margin: "0 0 16px", paddingLeft: "20px" }}>
              {assessment.reasons.map((reason, index) => (
                <li key={index}>{reason}</li>
              ))}
            </ul>
          ) : null}
          <ActionButton href={review_url} color={l.branding.primaryColor}>
            {s.button}
          </ActionButton>
        </EmailLayout>
      ),
      sms: l.t(s.sms, values),
      push: { title: l.t(s.pushTitle, values), body: l.t(s.pushBody, values), url: review_url },
    })
  },
}
