import { z } from "@medusajs/framework/zod"

/** Query strings arrive as text: numbers are coerced, then bounded so a client cannot ask for the whole table. */
export const AdminGetStockMovements = z
  .object({
    inventory_item_id: z.string().min(1),
    location_id: z.string().min(1).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict()

export type AdminGetStockMovementsType = z.infer<typeof AdminGetStockMovements>
