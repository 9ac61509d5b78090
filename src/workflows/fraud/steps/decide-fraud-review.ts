import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { fraudService } from "./fraud-service"

export const decideFraudReviewStepId = "decide-fraud-review"

export type DecideFraudReviewInput = {
  order_id: string
  decision: "approved" | "rejected"
  actor_id: string
  note?: string | null
}

type Before = { id: string; review_status: "pending"; reviewed_by: string | null; reviewed_at: Date | null; review_note: string | null }

/** Records the merchant's decision on the order's pending review (who, when, note). */
export const decideFraudReviewStep = createStep(
  decideFraudReviewStepId,
  async (input: DecideFraudReviewInput, { container }) => {
    const fraud = fraudService(container)
    const updated = await fraud.decideReview(input.order_id, input.decision, input.actor_id, input.note ?? null)
    // decideReview only decides a pending review: what it replaced is that pending state.
    const before: Before = { id: updated.id, review_status: "pending", reviewed_by: null, reviewed_at: null, review_note: null }
    return new StepResponse(updated, before)
  },
  async (before, { container }) => {
    if (!before) return
    await fraudService(container).updateFraudAssessments([before])
  }
)
