// React in scope: jest's swc transform compiles JSX with the classic runtime (React.createElement).
import * as React from "react"
import { ActionButton, Paragraph, Title } from "./components"
import type { TemplateDefinition } from "./definition"
import { localize } from "./i18n"
import { EmailLayout } from "./layout"
import { OrderDetails } from "./order-summary"
import { renderMessage } from "./render-message"
import { sampleOrder, sampleOrderUrl } from "./samples"

export const orderCanceledTemplate: TemplateDefinition<"order-canceled"> = {
  name: "order-canceled",
  audience: "customer",
  category: "transactional",
  description: "Tells the customer their order was canceled, with what it contained.",
  sample: { order: sampleOrder, order_url: sampleOrderUrl },
  async render({ order, order_url }, ctx) {
    const l = localize(ctx)
    const s = l.strings.orderCanceled
    const values = { number: order.display_id, date: l.date(order.created_at), url: order_url }
    return renderMessage({
      subject: l.t(s.subject, values),
      email: (
        <EmailLayout l={l} preview={l.t(s.preview, values)} audience="customer">
          <Title>{s.heading}</Title>
          <Paragraph>{l.t(s.intro, values)}</Paragraph>
          <Paragraph>{s.refundNote}</Paragraph>
          <OrderDetails order={order} l={l} withDelivery={false} />
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
