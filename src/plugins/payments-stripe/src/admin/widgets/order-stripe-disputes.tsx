import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminOrder, DetailWidgetProps } from "@medusajs/framework/types"
import { Badge, Container, Heading, Text } from "@medusajs/ui"
import { formatMinor, formatWhen, useAdminGet } from "../lib/use-admin-get"

type Dispute = {
  id: string
  stripe_dispute_id: string
  amount: number
  currency_code: string
  reason: string
  status: string
  evidence_due_by: string | null
  created_at: string
}

const OPEN = new Set(["warning_needs_response", "needs_response", "warning_under_review", "under_review"])

/**
 * On an order paid through Stripe: the chargebacks its customer's bank opened, with what is at
 * stake and until when evidence can be sent. Nothing is shown for an order without disputes.
 */
const OrderStripeDisputesWidget = ({ data: order }: DetailWidgetProps<AdminOrder>) => {
  const { data, error } = useAdminGet<{ disputes: Dispute[] }>(`/admin/stripe/disputes?order_id=${order.id}`)
  if (error) return <Container><Text className="text-ui-fg-error">Could not load Stripe disputes: {error}</Text></Container>
  if (!data?.disputes.length) return null

  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h2">Chargeback</Heading>
        <Badge color="red">{data.disputes.length === 1 ? "1 dispute" : `${data.disputes.length} disputes`}</Badge>
      </div>
      {data.disputes.map((d) => (
        <div key={d.id} className="flex flex-col gap-y-1 px-6 py-4">
          <div className="flex items-center justify-between">
            <Text weight="plus">{formatMinor(d.amount, d.currency_code)} · {d.reason.replace(/_/g, " ")}</Text>
            <Badge color={OPEN.has(d.status) ? "orange" : d.status === "won" ? "green" : "grey"}>{d.status.replace(/_/g, " ")}</Badge>
          </div>
          <Text size="small" className="text-ui-fg-subtle">
            Opened {formatWhen(d.created_at)}
            {d.evidence_due_by && OPEN.has(d.status) ? ` · evidence due ${formatWhen(d.evidence_due_by)}` : ""}
          </Text>
          <a className="text-ui-fg-interactive text-small" href={`https://dashboard.stripe.com/disputes/${d.stripe_dispute_id}`} target="_blank" rel="noreferrer">
            Answer in Stripe →
          </a>
        </div>
      ))}
    </Container>
  )
}

export const config = defineWidgetConfig({ zone: "order.details.side.before" })

export default OrderStripeDisputesWidget
