// React in scope: jest's swc transform compiles JSX with the classic runtime (React.createElement).
import * as React from "react"
import { ActionButton, LabeledRows, Paragraph, Title } from "./components"
import type { TemplateDefinition } from "./definition"
import { safeUrl } from "./format"
import { localize } from "./i18n"
import { EmailLayout } from "./layout"
import { renderMessage } from "./render-message"
import { sampleOrderRef } from "./samples"

export const shipmentDeliveredTemplate: TemplateDefinition<"shipment-delivered"> = {
  name: "shipment-delivered",
  audience: "customer",
  category: "transactional",
  description: "Tells the customer the carrier has delivered their parcel, and when.",
  sample: {
    order: sampleOrderRef,
    shipment: {
      carrier: "DHL",
      tracking_number: "00340434161094042557",
      tracking_url: "https://www.dhl.de/de/privatkunden/dhl-sendungsverfolgung.html?piececode=00340434161094042557",
      delivered_at: "2025-03-06T13:42:00.000Z",
    },
  },
  async render({ order, shipment }, ctx) {
    const l = localize(ctx)
    const s = l.strings.shipmentDelivered
    const common = l.strings.common
    const trackingUrl = safeUrl(shipment.tracking_url)
    const values = { number: order.display_id, carrier: shipment.carrier, date: l.date(shipment.delivered_at) }
    return renderMessage({
      subject: l.t(s.subject, values),
      email: (
        <EmailLayout l={l} preview={l.t(s.preview, values)} audience="customer">
          <Title>{s.heading}</Title>
          <Paragraph>{l.t(s.intro, values)}</Paragraph>
          <LabeledRows
            alignValues="left"
            rows={[
              { label: common.carrier, value: shipment.carrier },
              { label: common.trackingNumber, value: shipment.tracking_number },
            ]}
          />
          <Paragraph muted>{s.missing}</Paragraph>
          <ActionButton href={trackingUrl} color={l.branding.primaryColor}>
            {s.button}
          </ActionButton>
        </EmailLayout>
      ),
      sms: l.t(s.sms, values),
      push: { title: l.t(s.pushTitle, values), body: l.t(s.pushBody, values), url: trackingUrl },
    })
  },
}
