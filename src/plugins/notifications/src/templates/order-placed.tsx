// React in scope: jest's swc transform compiles JSX with the classic runtime (React.createElement).
import * as React from "react"
import { ActionButton, Paragraph, Title } from "./components"
import type { TemplateDefinition } from "./definition"
import { localize } from "./i18n"
import { EmailLayout } from "./layout"
import { OrderDetails } from "./order-summary"
import { renderMessage } from "./render-message"
import { sampleOrder, sampleOrderUrl } from "./samples"

export const orderPlacedTemplate: TemplateDefinition<"order-placed"> = {
  name: "order-placed",
  audience: "customer",
  category: "transactional",
  description: "Confirms a new order: items, totals, addresses and shipping method.",
  sample: { order: sampleOrder, order_url: sampleOrderUrl },
  async render({ order, order_url }, ctx) {
    const l = localize(ctx)
    const s = l.strings.orderPlaced
    const values = {
      number: order.display_id,
      total: l.money(order.total, order.currency_code),
      date: l.date(order.created_at),
      url: order_url,
    }
    const firstName = order.shipping_address?.first_name?.trim() || order.billing_address?.first_name?.trim()
    return renderMessage({
      subject: l.t(s.subject, values),
      email: (
        <EmailLayout l={l} preview={l.t(s.preview, values)} audience="customer">
          <Title>{firstName ? l.t(s.headingNamed, { name: firstName }) : s.heading}</Title>
          <Paragraph>{l.t(s.intro, values)}</Paragraph>
          <ActionButton href={order_url} color={l.branding.primaryColor}>
            {l.strings.common.viewOrder}
          </ActionButton>
          <OrderDetails order={order} l={l} withDelivery />
        </EmailLayout>
      ),
      sms: l.t(s.sms, values),
      push: { title: l.t(s.pushTitle, values), body: l.t(s.pushBody, values), url: order_url },
    })
  },
}
