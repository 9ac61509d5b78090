// React in scope: jest's swc transform compiles JSX with the classic runtime (React.createElement).
import * as React from "react"
import { ActionButton, ItemList, LabeledRows, Paragraph, Title } from "./components"
import type { TemplateDefinition } from "./definition"
import { localize } from "./i18n"
import { EmailLayout } from "./layout"
import { renderMessage } from "./render-message"
import { sampleOrder, sampleResumeCartUrl } from "./samples"

export const abandonedCartTemplate: TemplateDefinition<"abandoned-cart"> = {
  name: "abandoned-cart",
  audience: "customer",
  // A reminder nobody asked for: only with consent, and always with an unsubscribe link.
  category: "marketing",
  description: "Reminds a shopper of the items left in their cart, with a link back to checkout.",
  sample: {
    cart: {
      id: "cart_01JNQ3V5H8C2D6F9G1J4K7M0NP",
      email: sampleOrder.email,
      currency_code: "eur",
      items: sampleOrder.items.map(({ title, variant_title, quantity, unit_price, thumbnail }) => ({
        title,
        variant_title,
        quantity,
        unit_price,
        thumbnail,
      })),
      total: 82.99,
    },
    resume_url: sampleResumeCartUrl,
  },
  async render({ cart, resume_url }, ctx) {
    const l = localize(ctx)
    const s = l.strings.abandonedCart
    const common = l.strings.common
    const money = (amount: number) => l.money(amount, cart.currency_code)
    const items = cart.items.map((item) => ({
      title: item.title,
      details: [item.variant_title, l.t(common.quantity, { quantity: item.quantity })].filter(
        (detail): detail is string => Boolean(detail)
      ),
      amount: money(item.unit_price * item.quantity),
      thumbnail: item.thumbnail,
    }))
    return renderMessage({
      subject: l.t(s.subject),
      email: (
        <EmailLayout l={l} preview={l.t(s.preview)} audience="customer">
          <Title>{s.heading}</Title>
          <Paragraph>{l.t(s.intro)}</Paragraph>
          <ItemList items={items} />
          <LabeledRows rows={[{ label: common.total, value: money(cart.total), strong: true }]} />
          <ActionButton href={resume_url} color={l.branding.primaryColor}>
            {s.button}
          </ActionButton>
          <Paragraph muted>{s.stockNote}</Paragraph>
        </EmailLayout>
      ),
      sms: l.t(s.sms, { url: resume_url }),
      push: { title: l.t(s.pushTitle), body: l.t(s.pushBody), url: resume_url },
    })
  },
}
