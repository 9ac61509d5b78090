import { z } from "@medusajs/framework/zod"

export const StoreGetOrderTracking = z
  .object({
    /** A guest's token from POST /store/orders/status-token; not needed by the order's customer. */
    token: z.string().min(1).max(200).optional(),
  })
  .strict()

export type StoreGetOrderTrackingType = z.infer<typeof StoreGetOrderTracking>
