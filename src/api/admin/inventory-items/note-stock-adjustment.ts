import { noteStockIntent } from "../stock-intents"

/**
 * Before Medusa's `POST /admin/inventory-items/:id/location-levels/:location_id` changes a
 * level, notes which admin user does it (a manual adjustment). The same matcher also catches
 * `/location-levels/batch`, whose changes are not attributed.
 */
export const noteStockAdjustment = noteStockIntent(async (req) => {
  const { id: inventoryItemId, location_id: locationId } = req.params
  if (!inventoryItemId || !locationId || locationId === "batch") {
    return null
  }
  return {
    reason: "manual_adjustment",
    reference_type: null,
    reference_id: null,
    pairs: [{ inventory_item_id: inventoryItemId, location_id: locationId }],
  }
})
