import { z } from "@medusajs/framework/zod"

/** A whole number of units, or null to follow the store default again. */
export const AdminSetLowStockThreshold = z
  .object({
    threshold: z.number().int("threshold must be a whole number").min(0, "threshold must be 0 or more").max(1_000_000).nullable(),
  })
  .strict()

export type AdminSetLowStockThresholdType = z.infer<typeof AdminSetLowStockThreshold>
