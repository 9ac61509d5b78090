import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { STOCK_LEDGER_MODULE } from "../../modules/stock-ledger"
import type { StockMovementReason } from "../../modules/stock-ledger/models/stock-movement"
import type StockLedgerModuleService from "../../modules/stock-ledger/service"
import { isStockLedgerEnabled } from "../../utils/stock-ledger"

type Caller = { auth_context?: { actor_id?: string; actor_type?: string } }
type Pair = { inventory_item_id: string; location_id: string }
type Note = { reason: StockMovementReason; reference_type: string | null; reference_id: string | null; pairs: Pair[] }

/**
 * Builds a middleware that, before an admin route changes stock, notes who does it and why for
 * each item+location it will touch. Inventory events carry only ids; the stock ledger consumes
 * the note when it records the change (src/utils/stock-ledger.ts). Notes of a failed request
 * are removed; a note never consumed expires after a minute.
 */
export function noteStockIntent(describe: (req: MedusaRequest) => Promise<Note | null>) {
  return async (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => {
    const auth = (req as MedusaRequest & Caller).auth_context
    if (auth?.actor_type !== "user" || !auth.actor_id || !isStockLedgerEnabled(req.scope)) {
      return next()
    }
    try {
      const note = await describe(req)
      if (!note?.pairs.length) return next()
      const ledger = req.scope.resolve<StockLedgerModuleService>(STOCK_LEDGER_MODULE)
      const intents = await Promise.all(
        note.pairs.map((pair) =>
          ledger.noteAdjustment({
            ...pair,
            actor_id: auth.actor_id!,
            reason: note.reason,
            reference_type: note.reference_type,
            reference_id: note.reference_id,
          })
        )
      )
      res.on("finish", () => {
        if (res.statusCode >= 400) {
          for (const intent of intents) ledger.dropAdjustmentIntent(intent.id).catch(() => undefined)
        }
      })
      next()
    } catch (error) {
      next(error)
    }
  }
}

/** The inventory items behind order line items (a variant may draw on several). */
async function inventoryItemsOfLineItems(container: MedusaContainer, lineItemIds: string[]): Promise<string[]> {
  if (!lineItemIds.length) return []
  const lines = await container.resolve(Modules.ORDER).listOrderLineItems({ id: lineItemIds }, { select: ["id", "variant_id"] })
  const variantIds = [...new Set(lines.map((l) => l.variant_id).filter((id): id is string => !!id))]
  if (!variantIds.length) return []
  const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "product_variant",
    fields: ["id", "inventory_items.inventory_item_id"],
    filters: { id: variantIds },
  })
  return [
    ...new Set(
      (data as { inventory_items?: { inventory_item_id: string }[] | null }[]).flatMap((v) =>
        (v.inventory_items ?? []).map((i) => i.inventory_item_id)
      )
    ),
  ]
}

/** POST /admin/orders/:id/cancel: the order's reservations are released by this admin. */
export const noteOrderCancel = noteStockIntent(async (req) => {
  const reservations = await req.scope.resolve(Modules.INVENTORY).listReservationItems(
    { line_item_id: await orderLineItemIds(req.scope, req.params.id) },
    { select: ["inventory_item_id", "location_id"] }
  )
  return {
    reason: "order_canceled",
    reference_type: "order",
    reference_id: req.params.id,
    pairs: reservations.map((r) => ({ inventory_item_id: r.inventory_item_id, location_id: r.location_id! })),
  }
})

async function orderLineItemIds(container: MedusaContainer, orderId: string): Promise<string[]> {
  const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "order",
    fields: ["id", "items.id"],
    filters: { id: orderId },
  })
  return ((data[0]?.items ?? []) as ({ id: string } | null)[]).filter(Boolean).map((i) => i!.id)
}

/** POST /admin/returns/:id/receive/confirm: the received items come back into the return's location. */
export const noteReturnReceived = noteStockIntent(async (req) => {
  const { data } = await req.scope.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "return",
    fields: ["id", "location_id", "items.item_id"],
    filters: { id: req.params.id },
  })
  const ret = data[0] as { id: string; location_id?: string | null; items?: ({ item_id: string } | null)[] } | undefined
  if (!ret?.location_id) return null
  const itemIds = await inventoryItemsOfLineItems(
    req.scope,
    (ret.items ?? []).filter(Boolean).map((i) => i!.item_id)
  )
  return {
    reason: "return_received",
    reference_type: "return",
    reference_id: ret.id,
    pairs: itemIds.map((inventory_item_id) => ({ inventory_item_id, location_id: ret.location_id! })),
  }
})
