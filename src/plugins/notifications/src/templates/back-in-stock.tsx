// React in scope: jest's swc transform compiles JSX with the classic runtime (React.createElement).
import * as React from "react"
import { Img, Section } from "@react-email/components"
import { ActionButton, Paragraph, Title } from "./components"
import type { TemplateDefinition } from "./definition"
import { safeUrl } from "./format"
import { localize } from "./i18n"
import { EmailLayout } from "./layout"
import { renderMessage } from "./render-message"
import { sampleProductUrl } from "./samples"

export const backInStockTemplate: TemplateDefinition<"back-in-stock"> = {
  name: "back-in-stock",
  audience: "customer",
  // The customer asked to be told, so this answers a request rather than advertising.
  category: "transactional",
  description: "Tells a customer who asked to be notified that a product is available again.",
  sample: {
    product: { title: "Linen Shirt", variant_title: "M / Sand", url: sampleProductUrl, thumbnail: null },
  },
  async render({ product }, ctx) {
    const l = localize(ctx)
    const s = l.strings.backInStock
    const title = product.variant_title ? `${product.title} (${product.variant_title})` : product.title
    const values = { title, url: product.url }
    const image = safeUrl(product.thumbnail)
    return renderMessage({
      subject: l.t(s.subject, values),
      email: (
        <EmailLayout l={l} preview={l.t(s.preview, values)} audience="customer">
          <Title>{s.heading}</Title>
          {image ? (
            <Section style={{ margin: "0 0 16px" }}>
              <Img src={image} alt={title} width={240} style={{ borderRadius: "6px", maxWidth: "100%" }} />
            </Section>
          ) : null}
          <Paragraph>{l.t(s.intro, values)}</Paragraph>
          <ActionButton href={product.url} color={l.branding.primaryColor}>
            {s.button}
          </ActionButton>
        </EmailLayout>
      ),
      sms: l.t(s.sms, values),
      push: { title: l.t(s.pushTitle, values), body: l.t(s.pushBody, values), url: product.url },
    })
  },
}
