import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { fraudService } from "./fraud-service"

export const validateFraudReviewStepId = "validate-fraud-review"

/**
 * Finds the order's pending review and returns its assessment: NOT_FOUND when the order was never
 * flagged, CONFLICT when a merchant already decided it (the route answers 409).
 */
export const validateFraudReviewStep = createStep(validateFraudReviewStepId, async (input: { order_id: string }, { container }) => {
  const [assessment] = await fraudService(container).listFraudAssessments(
    { order_id: input.order_id },
    { order: { created_at: "DESC" }, take: 1 }
  )
  if (!assessment || assessment.review_status === null) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `No fraud review for order ${input.order_id}.`)
  }
  if (assessment.review_status !== "pending") {
    throw new MedusaError(
      MedusaError.Types.CONFLICT,
      `The review of order ${input.order_id} was already ${assessment.review_status}${assessment.reviewed_by ? ` by ${assessment.reviewed_by}` : ""}.`
    )
  }
  return new StepResponse(assessment)
})
