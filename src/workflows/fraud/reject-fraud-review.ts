import { acquireLockStep, cancelOrderWorkflow, emitEventStep, releaseLockStep, useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { createWorkflow, transform, when, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { BlocklistType } from "../../modules/fraud/models/fraud-blocklist-entry"
import { ORDER_REJECTED_EVENT } from "../../modules/fraud/service"
import { addToFraudBlocklistStep } from "./steps/add-to-fraud-blocklist"
import { decideFraudReviewStep } from "./steps/decide-fraud-review"
import { validateFraudReviewStep } from "./steps/validate-fraud-review"

export type RejectFraudReviewInput = {
  order_id: string
  actor_id: string
  note?: string | null
  /** Which of the checkout's values to blocklist; values the checkout did not have are skipped. */
  blocklist?: BlocklistType[]
}

export const rejectFraudReviewWorkflowId = "reject-fraud-review"

type AssessmentValues = { email: string | null; ip: string | null; address_key: string | null; card_fingerprint: string | null }

/** The blocklist entries a rejection asks for, from the values the checkout was scored with. */
export function rejectionBlocklistEntries(assessment: AssessmentValues, types: BlocklistType[], orderId: string) {
  const values: Record<BlocklistType, string | null> = {
    email: assessment.email,
    ip: assessment.ip,
    address: assessment.address_key,
    card_fingerprint: assessment.card_fingerprint,
  }
  return [...new Set(types)]
    .filter((type) => !!values[type])
    .map((type) => ({ type, value: values[type]!, reason: `Review of order ${orderId} rejected.` }))
}

/**
 * A merchant rejects a flagged order: the decision is recorded, the asked-for values of the
 * checkout (e-mail, IP, address, card) are blocklisted, and the order is canceled with Medusa's
 * cancelOrderWorkflow — the authorized payment canceled (a captured one refunded) and the
 * reservations deleted, so the stock is available again. fraud.order.rejected is emitted once all
 * of it succeeded; a failure (e.g. a fulfilled order cannot be canceled) undoes the decision and
 * the new blocklist entries.
 */
export const rejectFraudReviewWorkflow = createWorkflow(
  rejectFraudReviewWorkflowId,
  (input: WorkflowData<RejectFraudReviewInput>) => {
    const lockKey = transform({ input }, ({ input }) => `fraud-review:${input.order_id}`)
    acquireLockStep({ key: lockKey, timeout: 10, ttl: 120 })

    const pending = validateFraudReviewStep({ order_id: input.order_id })
    const assessment = decideFraudReviewStep({
      order_id: input.order_id,
      decision: "rejected",
      actor_id: input.actor_id,
      note: input.note,
    })

    const blocklist = transform({ pending, input }, ({ pending, input }) => ({
      entries: rejectionBlocklistEntries(pending as AssessmentValues, input.blocklist ?? [], input.order_id),
      actor_id: input.actor_id,
    }))
    when("blocklist-rejected-values", { blocklist }, ({ blocklist }) => blocklist.entries.length > 0).then(() => {
      addToFraudBlocklistStep(blocklist)
    })

    const { data: orders } = useQueryGraphStep({
      entity: "order",
      fields: ["id", "status"],
      filters: { id: input.order_id },
      options: { throwIfKeyNotFound: true },
    }).config({ name: "get-order-status" })
    // Already canceled from the order page while waiting for review: only the decision is left to record.
    when("cancel-rejected-order", { orders }, ({ orders }) => orders[0]?.status !== "canceled").then(() => {
      cancelOrderWorkflow.runAsStep({
        input: transform({ input }, ({ input }) => ({ order_id: input.order_id, canceled_by: input.actor_id })),
      })
    })

    const rejected = transform({ assessment, input }, ({ assessment, input }) => ({ id: assessment.id, order_id: input.order_id }))
    emitEventStep({ eventName: ORDER_REJECTED_EVENT, data: rejected }).config({ name: "emit-fraud-order-rejected" })

    releaseLockStep({ key: lockKey })
    return new WorkflowResponse(assessment)
  }
)
