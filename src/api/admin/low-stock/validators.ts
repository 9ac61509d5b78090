import { z } from "@medusajs/framework/zod"
import { STOCK_ALERT_KINDS } from "../../../modules/stock-ledger/models/stock-alert"

/** Default: the alerts still open, i.e. what is low right now, newest first. */
export const AdminGetLowStock = z
  .object({
    status: z.enum(["open", "resolved", "all"]).default("open"),
    kind: z.enum(STOCK_ALERT_KINDS).optional(),
    inventory_item_id: z.string().min(1).optional(),
    location_id: z.string().min(1).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict()

export type AdminGetLowStockType = z.infer<typeof AdminGetLowStock>
