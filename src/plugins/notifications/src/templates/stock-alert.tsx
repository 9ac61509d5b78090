// React in scope: jest's swc transform compiles JSX with the classic runtime (React.createElement).
import * as React from "react"
import { ActionButton, LabeledRows, Paragraph, Title, type LabeledRow } from "./components"
import type { TemplateDefinition } from "./definition"
import { localize } from "./i18n"
import { EmailLayout } from "./layout"
import { renderMessage } from "./render-message"
import { sampleAdminUrl } from "./samples"

export const stockAlertTemplate: TemplateDefinition<"stock-alert"> = {
  name: "stock-alert",
  audience: "merchant",
  category: "transactional",
  description: "Warns staff that an item is low on stock or sold out at a location.",
  sample: {
    kind: "low_stock",
    item: { id: "iitem_01JNQ5A7C9E1G3J5L7N9Q1S3U5", title: "Linen Shirt M / Sand", sku: "LIN-SHIRT-M-SAND" },
    location: { id: "sloc_01JNQ5B2D4F6H8K0M2P4R6T8V0", name: "Berlin Warehouse" },
    available_quantity: 3,
    threshold: 5,
    inventory_url: `${sampleAdminUrl}/inventory/iitem_01JNQ5A7C9E1G3J5L7N9Q1S3U5`,
  },
  async render(data, ctx) {
    const l = localize(ctx)
    const s = l.strings.stockAlert
    const isOut = data.kind === "out_of_stock"
    const values = {
      title: data.item.title,
      location: data.location.name,
      available: l.number(data.available_quantity),
      threshold: l.number(data.threshold),
      url: data.inventory_url,
    }
    const rows: LabeledRow[] = [{ label: s.item, value: data.item.title }]
    if (data.item.sku) rows.push({ label: s.sku, value: data.item.sku })
    rows.push(
      { label: s.location, value: data.location.name },
      { label: s.available, value: values.available, strong: true },
      { label: s.threshold, value: values.threshold }
    )
    return renderMessage({
      subject: l.t(isOut ? s.subjectOut : s.subjectLow, values),
      email: (
        <EmailLayout l={l} preview={l.t(isOut ? s.previewOut : s.previewLow, values)} audience="merchant">
          <Title>{isOut ? s.headingOut : s.headingLow}</Title>
          <Paragraph>{l.t(isOut ? s.introOut : s.introLow, values)}</Paragraph>
          <LabeledRows rows={rows} alignValues="left" />
          <ActionButton href={data.inventory_url} color={l.branding.primaryColor}>
            {s.button}
          </ActionButton>
        </EmailLayout>
      ),
      sms: l.t(isOut ? s.smsOut : s.smsLow, values),
      push: {
        title: l.t(isOut ? s.pushTitleOut : s.pushTitleLow, values),
        body: l.t(s.pushBody, values),
        url: data.inventory_url,
      },
    })
  },
}
