import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { Modules } from "@medusajs/framework/utils"
import { ORDER_EXCEPTION_METADATA_KEY, type OrderTransportException } from "../plan-order-sync"

export const setOrderTransportExceptionStepId = "set-order-transport-exception"

type Input = { order_id: string; value: OrderTransportException | null }
type Before = { order_id: string; value: unknown }

/**
 * Sets the order's `metadata.transport_exception`, or sets it to null when the trouble is over.
 * Only that key is written: Medusa merges metadata on update, so other keys stay as they are
 * (and a key cannot be removed, hence null rather than absent).
 */
export const setOrderTransportExceptionStep = createStep(
  setOrderTransportExceptionStepId,
  async (input: Input, { container }) => {
    const orders = container.resolve(Modules.ORDER)
    const order = await orders.retrieveOrder(input.order_id, { select: ["id", "metadata"] })
    const before: Before = { order_id: order.id, value: order.metadata?.[ORDER_EXCEPTION_METADATA_KEY] ?? null }
    await orders.updateOrders(order.id, { metadata: { [ORDER_EXCEPTION_METADATA_KEY]: input.value } })
    return new StepResponse(input.value, before)
  },
  async (before, { container }) => {
    if (!before) return
    await container.resolve(Modules.ORDER).updateOrders(before.order_id, { metadata: { [ORDER_EXCEPTION_METADATA_KEY]: before.value } })
  }
)
