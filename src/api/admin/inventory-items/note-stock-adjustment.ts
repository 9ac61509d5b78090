import type { MedusaRequest } from "@medusajs/framework/http"
import { noteStockIntent } from "../stock-intents"

type LevelEdit = { inventory_item_id?: unknown; location_id?: unknown; stocked_quantity?: unknown }
type BatchBody = { create?: LevelEdit[]; update?: LevelEdit[] }

const manual = (pairs: { inventory_item_id: string; location_id: string }[]) => ({
  reason: "manual_adjustment" as const,
  reference_type: null,
  reference_id: null,
  pairs,
})

/** The levels a batch request sets a stocked quantity on (Medusa validates the body itself). */
function editedLevels(req: MedusaRequest, inventoryItemId?: string) {
  const body = (req.body ?? {}) as BatchBody
  const edits = [...(Array.isArray(body.create) ? body.create : []), ...(Array.isArray(body.update) ? body.update : [])]
  return edits
    .map((e) => ({ inventory_item_id: inventoryItemId ?? e?.inventory_item_id, location_id: e?.location_id, stocked: e?.stocked_quantity }))
    .filter((e): e is { inventory_item_id: string; location_id: string; stocked: number } =>
      typeof e.inventory_item_id === "string" && typeof e.location_id === "string" && typeof e.stocked === "number"
    )
    .map(({ inventory_item_id, location_id }) => ({ inventory_item_id, location_id }))
}

/**
 * Before Medusa's `POST /admin/inventory-items/:id/location-levels/:location_id` (or its
 * `/location-levels/batch` sibling) changes levels, notes which admin user does it: a manual
 * adjustment.
 */
export const noteStockAdjustment = noteStockIntent(async (req) => {
  const { id: inventoryItemId, location_id: locationId } = req.params
  if (!inventoryItemId) {
    return null
  }
  // The batch route has no :location_id; its levels are in the body.
  return !locationId || locationId === "batch"
    ? manual(editedLevels(req, inventoryItemId))
    : manual([{ inventory_item_id: inventoryItemId, location_id: locationId }])
})

/** `POST /admin/inventory-items/location-levels/batch`: levels of many items at once. */
export const noteBatchStockAdjustment = noteStockIntent(async (req) => manual(editedLevels(req)))
