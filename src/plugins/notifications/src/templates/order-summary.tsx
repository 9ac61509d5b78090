// React in scope: jest's swc transform compiles JSX with the classic runtime (React.createElement).
import * as React from "react"
import { BlockColumns, ItemList, LabeledRows, type ItemLine, type LabeledBlock, type LabeledRow } from "./components"
import type { OrderLine, OrderSummary } from "./data"
import { formatAddressLines } from "./format"
import type { Localized } from "./i18n"

export function orderItemLines(items: OrderLine[], currencyCode: string, l: Localized): ItemLine[] {
  return items.map((item) => ({
    title: item.title,
    details: [item.variant_title, l.t(l.strings.common.quantity, { quantity: item.quantity })].filter(
      (detail): detail is string => Boolean(detail)
    ),
    amount: l.money(item.total, currencyCode),
    thumbnail: item.thumbnail,
  }))
}

export function orderTotalRows(order: OrderSummary, l: Localized): LabeledRow[] {
  const common = l.strings.common
  const money = (amount: number) => l.money(amount, order.currency_code)
  const rows: LabeledRow[] = [
    { label: common.subtotal, value: money(order.subtotal) },
    { label: common.shipping, value: money(order.shipping_total) },
  ]
  // A discount is shown as the amount taken off, so it reads "-€7.80" next to the other lines.
  if (order.discount_total > 0) rows.push({ label: common.discount, value: money(-order.discount_total) })
  rows.push({ label: common.tax, value: money(order.tax_total) })
  rows.push({ label: common.total, value: money(order.total), strong: true })
  return rows
}

function addressBlocks(order: OrderSummary, l: Localized): LabeledBlock[] {
  const common = l.strings.common
  const blocks: LabeledBlock[] = []
  const shipping = order.shipping_address ? formatAddressLines(order.shipping_address, l.formatLocale) : []
  const billing = order.billing_address ? formatAddressLines(order.billing_address, l.formatLocale) : []
  if (shipping.length > 0) blocks.push({ label: common.shippingAddress, lines: shipping })
  if (billing.length > 0) blocks.push({ label: common.billingAddress, lines: billing })
  return blocks
}

/** Items and totals, and (for a confirmation) where and how the order goes. */
export function OrderDetails({ order, l, withDelivery }: { order: OrderSummary; l: Localized; withDelivery: boolean }) {
  const shippingMethods = order.shipping_methods.map((method) => method.name).filter(Boolean)
  return (
    <>
      <ItemList items={orderItemLines(order.items, order.currency_code, l)} />
      <LabeledRows rows={orderTotalRows(order, l)} />
      {withDelivery ? <BlockColumns blocks={addressBlocks(order, l)} /> : null}
      {withDelivery && shippingMethods.length > 0 ? (
        <LabeledRows
          alignValues="left"
          rows={[{ label: l.strings.common.shippingMethod, value: shippingMethods.join(", ") }]}
        />
      ) : null}
    </>
  )
}
