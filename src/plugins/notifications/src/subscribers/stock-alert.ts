import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { notificationCenter } from "../lib/center"
import { notify } from "../lib/dispatch"
import { merchantRecipients } from "../lib/merchants"

type StockAlert = { id: string; inventory_item_id: string; location_id: string; available_quantity: number; threshold: number }

/**
 * `inventory.low_stock` / `inventory.out_of_stock` (emitted once per alert when an item's
 * available quantity at a location falls to its threshold or to zero): mailed to merchants.
 */
export default async function stockAlert({ event, container }: SubscriberArgs<StockAlert>) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const [{ data: items }, { data: locations }] = await Promise.all([
    query.graph({ entity: "inventory_item", fields: ["id", "title", "sku"], filters: { id: event.data.inventory_item_id } }),
    query.graph({ entity: "stock_location", fields: ["id", "name"], filters: { id: event.data.location_id } }),
  ])
  const item = items[0] as Record<string, any> | undefined
  if (!item) return
  const location = (locations[0] as Record<string, any> | undefined) ?? { id: event.data.location_id, name: event.data.location_id }
  const { adminUrl } = notificationCenter(container).settings()
  for (const merchant of await merchantRecipients(container)) {
    await notify(container, {
      template: "stock-alert",
      data: {
        kind: event.name === "inventory.out_of_stock" ? "out_of_stock" : "low_stock",
        item: { id: item.id, title: item.title ?? item.sku ?? item.id, sku: item.sku ?? null },
        location: { id: location.id, name: location.name },
        available_quantity: Number(event.data.available_quantity),
        threshold: Number(event.data.threshold),
        inventory_url: `${adminUrl}/inventory/${item.id}`,
      },
      recipient: { email: merchant.email, customer_id: merchant.id },
      trigger: event.name,
      occurrence: event.data.id,
      resource: { type: "inventory_item", id: item.id },
    })
  }
}

export const config: SubscriberConfig = {
  event: ["inventory.low_stock", "inventory.out_of_stock"],
  context: { subscriberId: "emporium-notifications-stock-alert" },
}
