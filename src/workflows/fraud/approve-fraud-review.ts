import { acquireLockStep, capturePaymentWorkflow, releaseLockStep, useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, when, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { decideFraudReviewStep } from "./steps/decide-fraud-review"
import { validateFraudReviewStep } from "./steps/validate-fraud-review"

export type ApproveFraudReviewInput = { order_id: string; actor_id: string; note?: string | null }

export const approveFraudReviewWorkflowId = "approve-fraud-review"

type OrderPayments = {
  payment_collections?: ({ payments?: ({ id: string; captured_at?: unknown; canceled_at?: unknown } | null)[] | null } | null)[] | null
}

/** The order's payments still waiting for capture (authorized at checkout, not captured or canceled since). */
export function uncapturedPaymentIds(order: OrderPayments | undefined): string[] {
  return (order?.payment_collections ?? [])
    .flatMap((collection) => collection?.payments ?? [])
    .filter((payment): payment is NonNullable<typeof payment> => !!payment && !payment.captured_at && !payment.canceled_at)
    .map((payment) => payment.id)
}

/**
 * A merchant approves a flagged order: the decision is recorded (who, when, note) and the payment
 * authorized at checkout is captured with Medusa's capturePaymentWorkflow. If the capture fails,
 * the decision is undone and the order stays in the queue. A per-order lock keeps two merchants
 * from deciding the same review at once.
 */
export const approveFraudReviewWorkflow = createWorkflow(
  approveFraudReviewWorkflowId,
  (input: WorkflowData<ApproveFraudReviewInput>) => {
    const lockKey = transform({ input }, ({ input }) => `fraud-review:${input.order_id}`)
    acquireLockStep({ key: lockKey, timeout: 10, ttl: 120 })

    validateFraudReviewStep({ order_id: input.order_id })

    const { data: orders } = useQueryGraphStep({
      entity: "order",
      fields: ["id", "payment_collections.payments.id", "payment_collections.payments.captured_at", "payment_collections.payments.canceled_at"],
      filters: { id: input.order_id },
      options: { throwIfKeyNotFound: true },
    }).config({ name: "get-order-payments" })

    const assessment = decideFraudReviewStep({
      order_id: input.order_id,
      decision: "approved",
      actor_id: input.actor_id,
      note: input.note,
    })

    // Checkout authorizes exactly one payment; a later order edit's extra collection is captured from the order page.
    const capture = transform({ orders, input }, ({ orders, input }) => {
      const [payment_id] = uncapturedPaymentIds(orders[0] as OrderPayments)
      return payment_id ? { payment_id, captured_by: input.actor_id } : null
    })
    when("capture-approved-payment", { capture }, ({ capture }) => !!capture).then(() => {
      capturePaymentWorkflow.runAsStep({ input: transform({ capture }, ({ capture }) => capture!) })
    })

    releaseLockStep({ key: lockKey })
    return new WorkflowResponse(assessment)
  }
)
