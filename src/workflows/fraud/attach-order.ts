import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { FRAUD_MODULE } from "../../modules/fraud"
import type FraudModuleService from "../../modules/fraud/service"
import { ORDER_FLAGGED_EVENT } from "../../modules/fraud/service"

/** Links the checkout's assessment to its order; a review is flagged for the merchant. */
export async function attachOrderToAssessment(container: MedusaContainer, cartId: string, orderId: string): Promise<void> {
  if (!container.hasRegistration(FRAUD_MODULE)) return
  const assessment = await container.resolve<FraudModuleService>(FRAUD_MODULE).attachOrder(cartId, orderId)
  if (assessment?.decision === "review") {
    await container.resolve(Modules.EVENT_BUS).emit({
      name: ORDER_FLAGGED_EVENT,
      // The score and the rules' short reasons travel with the event so a notification needs no
      // second read of this module (the notifications plugin mails them to the merchant).
      data: {
        id: assessment.id,
        order_id: orderId,
        score: assessment.score,
        decision: assessment.decision,
        reasons: ((assessment.reasons ?? []) as unknown as { reason?: string }[]).map((r) => r.reason).filter(Boolean),
      },
    })
  }
}
