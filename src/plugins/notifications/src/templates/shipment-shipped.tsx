// React in scope: jest's swc transform compiles JSX with the classic runtime (React.createElement).
import * as React from "react"
import { ActionButton, ItemList, LabeledRows, Paragraph, Subheading, Title, type LabeledRow } from "./components"
import type { TemplateDefinition } from "./definition"
import { safeUrl } from "./format"
import { localize } from "./i18n"
import { EmailLayout } from "./layout"
import { renderMessage } from "./render-message"
import { sampleOrder, sampleOrderRef } from "./samples"

export const shipmentShippedTemplate: TemplateDefinition<"shipment-shipped"> = {
  name: "shipment-shipped",
  audience: "customer",
  category: "transactional",
  description: "Tells the customer a parcel has left: carrier, tracking number and link, and what is in it.",
  sample: {
    order: sampleOrderRef,
    shipment: {
      carrier: "DHL",
      tracking_number: "00340434161094042557",
      tracking_url: "https://www.dhl.de/de/privatkunden/dhl-sendungsverfolgung.html?piececode=00340434161094042557",
      items: sampleOrder.items.map(({ title, quantity }) => ({ title, quantity })),
      estimated_delivery: "2025-03-07T00:00:00.000Z",
    },
  },
  async render({ order, shipment }, ctx) {
    const l = localize(ctx)
    const s = l.strings.shipmentShipped
    const common = l.strings.common
    const trackingUrl = safeUrl(shipment.tracking_url)
    const values = {
      number: order.display_id,
      carrier: shipment.carrier,
      tracking: shipment.tracking_number,
      url: trackingUrl ?? "",
    }
    const rows: LabeledRow[] = [
      { label: common.carrier, value: shipment.carrier },
      { label: common.trackingNumber, value: shipment.tracking_number },
    ]
    if (shipment.estimated_delivery) {
      rows.push({ label: s.estimatedDelivery, value: l.date(shipment.estimated_delivery) })
    }
    const items = shipment.items.map((item) => ({
      title: item.title,
      details: [l.t(common.quantity, { quantity: item.quantity })],
    }))
    return renderMessage({
      subject: l.t(s.subject, values),
      email: (
        <EmailLayout l={l} preview={l.t(s.preview, values)} audience="customer">
          <Title>{s.heading}</Title>
          <Paragraph>{l.t(s.intro, values)}</Paragraph>
          <LabeledRows rows={rows} alignValues="left" />
          <ActionButton href={trackingUrl} color={l.branding.primaryColor}>
            {s.button}
          </ActionButton>
          {items.length > 0 ? <Subheading>{s.itemsHeading}</Subheading> : null}
          {items.length > 0 ? <ItemList items={items} /> : null}
        </EmailLayout>
      ),
      sms: l.t(trackingUrl ? s.sms : s.smsWithoutLink, values),
      push: { title: l.t(s.pushTitle, values), body: l.t(s.pushBody, values), url: trackingUrl },
    })
  },
}
