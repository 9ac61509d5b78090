import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createOrderWorkflow } from "@medusajs/medusa/core-flows"
import type { DemoProduct, DemoVariant } from "./catalog"
import type { SeededCustomer } from "./customers"
import type { PlannedOrder } from "./order-plan"
import type { SeededVariant } from "./products"
import type { DemoRegions } from "./store-setup"
import type { DemoWarehouses } from "./warehouses"

const DAY_MS = 24 * 60 * 60 * 1000

export type OrderContext = {
  products: DemoProduct[]
  variants: SeededVariant[]
  customers: SeededCustomer[]
  regions: DemoRegions
  warehouses: DemoWarehouses
  salesChannelId: string
}

/**
 * Creates the planned orders with createOrderWorkflow. It checks stock but
 * reserves none, which suits history: these orders are never fulfilled.
 * Unit prices are passed in, so the workflow skips price calculation.
 */
export async function createDemoOrders(
  container: MedusaContainer,
  plan: PlannedOrder[],
  context: OrderContext
): Promise<{ id: string; placedAt: Date }[]> {
  const catalogBySku = new Map(
    context.products.flatMap((product) => product.variants.map((variant) => [variant.sku, { product, variant }] as const))
  )
  const variantIdBySku = new Map(context.variants.map((variant) => [variant.sku, variant.id]))
  const customerByEmail = new Map(context.customers.map((customer) => [customer.email, customer]))
  const now = Date.now()

  const created: { id: string; placedAt: Date }[] = []
  for (const planned of plan) {
    const customer = customerByEmail.get(planned.customerEmail)!
    const region = context.regions[planned.regionKey]
    const currency = region.currency_code as keyof DemoVariant["prices"]
    const shippingOption = shippingOptionFor(context.warehouses, planned)

    const { result: order } = await createOrderWorkflow(container).run({
      input: {
        region_id: region.id,
        sales_channel_id: context.salesChannelId,
        customer_id: customer.id,
        email: customer.email,
        currency_code: currency,
        status: planned.status,
        shipping_address: customer.address,
        billing_address: customer.address,
        items: planned.items.map(({ sku, quantity }) => {
          const { product, variant } = catalogBySku.get(sku)!
          return {
            variant_id: variantIdBySku.get(sku)!,
            title: product.title,
            quantity,
            unit_price: variant.prices[currency],
            is_tax_inclusive: false,
          }
        }),
        shipping_methods: [
          { name: shippingOption.name, shipping_option_id: shippingOption.id, amount: shippingOption.amount },
        ],
        no_notification: true,
      },
    })
    created.push({ id: order.id, placedAt: new Date(now - planned.daysAgo * DAY_MS) })
  }
  return created
}

function shippingOptionFor(warehouses: DemoWarehouses, planned: PlannedOrder) {
  // Each region is served by its own warehouse, whose options are priced in the region's currency.
  const warehouse = Object.values(warehouses).find((candidate) => candidate.regionKey === planned.regionKey)
  const option = warehouse?.shippingOptions.find((candidate) => candidate.name === planned.shippingOptionName)
  if (!option) {
    throw new Error(`No ${planned.shippingOptionName} shipping in region ${planned.regionKey}`)
  }
  return option
}

/**
 * Moves each order back to the moment it was "placed", so reports and
 * recommendations see three months of history instead of one busy minute.
 * No workflow or module method changes created_at, hence plain SQL on the
 * order tables (the order and the rows created with it).
 */
export async function backdateOrders(
  container: MedusaContainer,
  orders: { id: string; placedAt: Date }[]
): Promise<void> {
  const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  await knex.transaction(async (trx) => {
    for (const { id, placedAt } of orders) {
      const stamp = { created_at: placedAt, updated_at: placedAt }
      await trx("order_line_item")
        .whereIn("id", trx("order_item").select("item_id").where({ order_id: id }))
        .update(stamp)
      for (const table of ["order_item", "order_summary", "order_shipping"]) {
        await trx(table).where({ order_id: id }).update(stamp)
      }
      await trx("order").where({ id }).update(stamp)
    }
  })
}
