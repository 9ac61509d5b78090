import { completeCartWorkflow } from "@medusajs/medusa/core-flows"
import { StepResponse } from "@medusajs/framework/workflows-sdk"
import { STOCK_HOLD_MODULE } from "../../modules/stock-hold"
import type StockHoldModuleService from "../../modules/stock-hold/service"
import { levelReader, outOfStockError, planCheckoutDemands, type SnapshotCart } from "../../utils/checkout-stock"
import { assessCheckout, type CartForFraud } from "../fraud/assess-checkout"
import { attachOrderToAssessment } from "../fraud/attach-order"

/**
 * Flash-sale-safe completion without forking completeCartWorkflow.
 *
 * Medusa checks stock only when it reserves, after the order is created, per line, inside a
 * lock every concurrent completion of the item queues on: losers wait for the winners' whole
 * step, two lines of one inventory item (a bundle) are each checked against the full level,
 * and the queue times out into 500s under a burst. Here each completion first claims its units
 * in the `validate` hook — all lines of an item summed, against the current level minus the
 * other checkouts' holds, serialised per item across processes — and a loser stops right there
 * with a 400 before any order, reservation or payment exists. Only winners reach Medusa's
 * reservation, which the hold guarantees will fit.
 */
completeCartWorkflow.hooks.validate(
  async ({ cart }, { container }) => {
    const snapshot = cart as unknown as SnapshotCart
    if (!snapshot.completed_at) {
      // Fraud first: a rejected checkout never holds stock. Throws the rejection.
      await assessCheckout(container, cart as unknown as CartForFraud)
    }
    if (snapshot.completed_at || !container.hasRegistration(STOCK_HOLD_MODULE)) {
      // A completed cart is answered with its existing order by the workflow; nothing to claim.
      return new StepResponse(undefined, null)
    }
    const holds = container.resolve<StockHoldModuleService>(STOCK_HOLD_MODULE)
    const { held, shortages } = await holds.claim(snapshot.id, planCheckoutDemands(snapshot), levelReader(container))
    if (shortages.length) {
      throw outOfStockError(shortages)
    }
    return new StepResponse(undefined, held ? snapshot.id : null)
  },
  async (cartId, { container }) => {
    // Completion failed after the claim (shipping, payment, reservation…): give the units back.
    if (cartId) {
      await container.resolve<StockHoldModuleService>(STOCK_HOLD_MODULE).release(cartId)
    }
  }
)

/**
 * Runs right after Medusa created the order's reservations: the reservation now counts the
 * units, so the hold would count them twice. (`beforePaymentAuthorization` is declared by
 * completeCartWorkflow in 2.21 but left out of its typed hook list.)
 */
const hooks = completeCartWorkflow.hooks as typeof completeCartWorkflow.hooks & {
  beforePaymentAuthorization: typeof completeCartWorkflow.hooks.validate
  orderCreated: (handler: (input: { order_id: string; cart_id: string }, context: { container: any }) => Promise<StepResponse<undefined>>) => void
}
hooks.beforePaymentAuthorization(async ({ input }: { input: { id: string } }, { container }) => {
  if (container.hasRegistration(STOCK_HOLD_MODULE)) {
    await container.resolve<StockHoldModuleService>(STOCK_HOLD_MODULE).release(input.id)
  }
  return new StepResponse(undefined)
})

/** The order a scored checkout became: a review enters the merchant's queue (also undeclared in 2.21's types). */
hooks.orderCreated(async ({ order_id, cart_id }, { container }) => {
  await attachOrderToAssessment(container, cart_id, order_id)
  return new StepResponse(undefined)
})
