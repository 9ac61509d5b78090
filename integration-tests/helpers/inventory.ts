import { ok, type Api } from "./http"
import type { StoreFixture } from "./store-fixture"

export type LocationLevel = {
  location_id: string
  stocked_quantity: number
  reserved_quantity: number
  available_quantity: number
}

/** The inventory item's level at the fixture's stock location, as the admin API reports it. */
export async function levelAtLocation(
  api: Api,
  fixture: StoreFixture,
  inventoryItemId: string
): Promise<LocationLevel | undefined> {
  const { inventory_levels } = await ok<{ inventory_levels: LocationLevel[] }>(
    api.get(`/admin/inventory-items/${inventoryItemId}/location-levels`, fixture.admin.headers)
  )
  return inventory_levels.find((level) => level.location_id === fixture.shipping.stockLocation.id)
}
