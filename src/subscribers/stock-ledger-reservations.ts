import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { InventoryEvents, Modules } from "@medusajs/framework/utils"
import { syncStockLedger } from "../utils/stock-ledger"

/**
 * A reservation change also updates the level (and emits a level event); whichever subscriber
 * takes the lock first records the change, and this one passes the reservation so the entry can
 * name its order even when it does.
 */
export default async function stockLedgerReservations({ event, container }: SubscriberArgs<{ id: string }>) {
  const inventory = container.resolve(Modules.INVENTORY)
  const [reservation] = await inventory.listReservationItems({ id: event.data.id }, { withDeleted: true })
  if (!reservation) {
    return
  }
  await syncStockLedger(
    container,
    { inventory_item_id: reservation.inventory_item_id, location_id: reservation.location_id },
    { reservation_id: reservation.id }
  )
}

export const config: SubscriberConfig = {
  event: [
    InventoryEvents.RESERVATION_ITEM_CREATED,
    InventoryEvents.RESERVATION_ITEM_UPDATED,
    InventoryEvents.RESERVATION_ITEM_DELETED,
  ],
  context: { subscriberId: "stock-ledger-reservations" },
}
