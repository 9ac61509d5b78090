import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { STOCK_HOLD_MODULE } from "../../../modules/stock-hold"
import { beforeJsonAnswer } from "../../before-answer"
import type StockHoldModuleService from "../../../modules/stock-hold/service"
import {
  CHECKOUT_STOCK_FIELDS,
  levelReader,
  outOfStockError,
  planCheckoutDemands,
  type SnapshotCart,
} from "../../../utils/checkout-stock"

/**
 * Claims the cart's units before `POST /store/carts/:id/complete` starts Medusa's workflow.
 *
 * In a flash sale almost every completion loses. Inside the workflow each loser would first take
 * the cart lock, load the whole cart and run several steps before the claim in the validate hook
 * refuses it, and a burst of them queues on one process (measured with 200 carts for 5 units: the
 * losers' median answer 24 s here, 84 s on vanilla Medusa with 185 answers of 500). Claiming here
 * costs one query and one short transaction, so the losers are told at once.
 *
 * The hold is released just before the response is sent: by then a placed order's reservation exists
 * (the workflow released the hold itself) or the completion failed. A request that finds a live
 * hold for its cart (a double click while the first is completing) leaves the claim to the
 * workflow and releases nothing. The validate hook claims again inside the workflow and stays
 * the authority for every other way of running completeCartWorkflow.
 */
export async function claimCheckoutStock(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  try {
    if (!req.scope.hasRegistration(STOCK_HOLD_MODULE)) {
      return next()
    }
    const { data } = await req.scope.resolve(ContainerRegistrationKeys.QUERY).graph({
      entity: "cart",
      fields: CHECKOUT_STOCK_FIELDS,
      filters: { id: req.params.id },
    })
    const cart = data[0] as unknown as SnapshotCart | undefined
    // Unknown and completed carts are Medusa's to answer (404, or the existing order).
    if (!cart || cart.completed_at) {
      return next()
    }
    const holds = req.scope.resolve<StockHoldModuleService>(STOCK_HOLD_MODULE)
    if (await holds.hasLiveHold(cart.id)) {
      return next()
    }
    const { held, shortages } = await holds.claim(cart.id, planCheckoutDemands(cart), levelReader(req.scope))
    if (shortages.length) {
      throw outOfStockError(shortages)
    }
    if (held) {
      // Released before the answer leaves, so a client that reads it and retries (or the next
      // shopper) never finds this request's hold still counted. A release that fails leaves a
      // hold that expires on its own.
      beforeJsonAnswer(res, () => holds.release(cart.id))
    }
    next()
  } catch (error) {
    next(error)
  }
}
