import type { MedusaContainer } from "@medusajs/framework/types"
import { createInventoryLevelsWorkflow } from "@medusajs/medusa/core-flows"
import { DemoLocationKey, RANDOM_SEEDS } from "./constants"
import type { SeededVariant } from "./products"
import { SeededRandom } from "./random"
import type { DemoWarehouses } from "./warehouses"

export type StockPlan = Map<string, Record<DemoLocationKey, number>>

/** Quantity a variant needs at every warehouse to be used in a seeded order. */
export const PLENTIFUL_STOCK = 20

/**
 * Decides, per SKU, how much each warehouse holds. Most variants are well
 * stocked, but a few are low or sold out everywhere and a few are missing in
 * one warehouse only, so stock warnings and "out of stock" paths have data.
 */
export function planStockLevels(skus: string[], seed: number = RANDOM_SEEDS.inventory): StockPlan {
  const random = new SeededRandom(seed)
  const plenty = () => random.int(PLENTIFUL_STOCK, 500)
  const plan: StockPlan = new Map()

  for (const sku of skus) {
    const roll = random.next()
    if (roll < 0.03) {
      plan.set(sku, { berlin: 0, newJersey: 0 })
    } else if (roll < 0.09) {
      plan.set(sku, { berlin: random.int(1, 5), newJersey: random.int(1, 5) })
    } else if (roll < 0.14) {
      const emptyInBerlin = random.chance(0.5)
      plan.set(sku, { berlin: emptyInBerlin ? 0 : plenty(), newJersey: emptyInBerlin ? plenty() : 0 })
    } else {
      plan.set(sku, { berlin: plenty(), newJersey: plenty() })
    }
  }
  return plan
}

export async function createDemoInventoryLevels(
  container: MedusaContainer,
  variants: SeededVariant[],
  warehouses: DemoWarehouses,
  plan: StockPlan
): Promise<number> {
  const locationKeys = Object.keys(warehouses) as DemoLocationKey[]
  const levels = variants.flatMap((variant) =>
    locationKeys.map((key) => ({
      inventory_item_id: variant.inventoryItemId,
      location_id: warehouses[key].id,
      stocked_quantity: plan.get(variant.sku)![key],
    }))
  )
  const { result } = await createInventoryLevelsWorkflow(container).run({
    input: { inventory_levels: levels },
  })
  return result.length
}

/** SKUs every warehouse can ship plenty of: safe to put into orders without running out. */
export function wellStockedSkus(plan: StockPlan): string[] {
  return [...plan.entries()]
    .filter(([, levels]) => Object.values(levels).every((quantity) => quantity >= PLENTIFUL_STOCK))
    .map(([sku]) => sku)
}
