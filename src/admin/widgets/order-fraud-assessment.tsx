import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminOrder, DetailWidgetProps } from "@medusajs/framework/types"
import { Button, Container, Heading, Text } from "@medusajs/ui"
import { useState } from "react"
import { useAdminJson } from "../lib/use-admin-json"
import { assessmentsPath, RULES_PATH } from "../routes/fraud/components/api"
import { DecisionBadge, ReasonsList, ReviewedLine, ReviewStatusBadge, ScoreMeter } from "../routes/fraud/components/assessment-parts"
import { formatWhen } from "../routes/fraud/components/format"
import { ReviewActions } from "../routes/fraud/components/review-actions"
import type { Assessment, RulesResponse } from "../routes/fraud/components/types"
import { useUserNames } from "../routes/fraud/components/use-user-names"

/**
 * On an order: the fraud assessment of its checkout (decision, score, rule version, why), whether
 * it was reviewed and by whom, and while it waits for review the Approve and Reject buttons.
 */
const OrderFraudAssessmentWidget = ({ data: order }: DetailWidgetProps<AdminOrder>) => {
  const { data, error, reload } = useAdminJson<{ assessments: Assessment[] }>(assessmentsPath(order.id))
  // Only for the threshold marks.
  const { data: rules } = useAdminJson<RulesResponse>(RULES_PATH)
  // The order's own assessment is the newest one linked to it.
  const assessment = data?.assessments.reduce<Assessment | null>((latest, a) => (!latest || a.created_at > latest.created_at ? a : latest), null)
  const names = useUserNames([assessment?.reviewed_by])
  // The order page's own sections (payment, status) do not know about a decision made here.
  const [decidedHere, setDecidedHere] = useState(false)
  const onDecided = () => {
    setDecidedHere(true)
    reload()
  }

  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between gap-x-2 px-6 py-4">
        <Heading level="h2">Fraud check</Heading>
        {assessment ? (
          <div className="flex gap-x-1">
            {assessment.review_status ? <ReviewStatusBadge status={assessment.review_status} /> : null}
            <DecisionBadge decision={assessment.decision} />
          </div>
        ) : null}
      </div>
      {error ? (
        <Text className="px-6 py-4 text-ui-fg-error">Could not load the fraud assessment: {error}</Text>
      ) : !data ? (
        <Text className="px-6 py-4 text-ui-fg-subtle">Loading…</Text>
      ) : !assessment ? (
        <Text size="small" className="px-6 py-4 text-ui-fg-subtle">
          Not assessed: the order was not placed through a storefront checkout, or before fraud scoring was set up.
        </Text>
      ) : (
        <>
          <div className="flex flex-col gap-y-3 px-6 py-4">
            <ScoreMeter assessment={assessment} thresholds={rules?.rule_set ?? null} />
            <ReasonsList reasons={assessment.reasons} />
            <Text size="xsmall" className="text-ui-fg-subtle">
              Scored {formatWhen(assessment.created_at)} with rules v{assessment.rule_set_version}
              {assessment.ip ? ` · IP ${assessment.ip}` : ""}
            </Text>
          </div>
          {assessment.review_status === "pending" ? (
            <div className="px-6 py-4">
              <ReviewActions assessment={assessment} orderId={order.id} orderLabel={`#${order.display_id}`} onDecided={onDecided} />
            </div>
          ) : assessment.review_status ? (
            <div className="px-6 py-4">
              <ReviewedLine assessment={assessment} userName={(id) => names.get(id) ?? id} />
              {decidedHere ? (
                <div className="mt-2 flex items-center justify-between gap-x-2">
                  <Text size="xsmall" className="text-ui-fg-subtle">
                    The order&apos;s payment and status update on reload.
                  </Text>
                  <Button size="small" variant="secondary" onClick={() => window.location.reload()}>
                    Reload
                  </Button>
                </div>
              ) : null}
            </div>
          ) : null}
        </>
      )}
    </Container>
  )
}

export const config = defineWidgetConfig({
  zone: "order.details.side.before",
})

export default OrderFraudAssessmentWidget
