import type { MedusaResponse } from "@medusajs/framework/http"
import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { listAssessmentsWithOrders } from "../../assessments/present"

type RunResult = { errors: { error: unknown }[] }

/**
 * Answers a decision workflow's outcome: the decided assessment with its order, 409 with the
 * reason when the review was already decided (Medusa's error handler would replace a CONFLICT's
 * message with a generic one), any other failure through the error handler (404, 400…).
 */
export async function answerDecision(scope: MedusaContainer, res: MedusaResponse, orderId: string, run: Promise<RunResult>) {
  const { errors } = await run
  const error = errors[0]?.error as { type?: string; message?: string } | undefined
  if (error?.type === MedusaError.Types.CONFLICT) {
    res.status(409).json({ type: "conflict", message: error.message })
    return
  }
  if (error) throw error
  const { assessments } = await listAssessmentsWithOrders(scope, { order_id: orderId }, { limit: 1, offset: 0 })
  res.json({ assessment: assessments[0] })
}
