import { z } from "@medusajs/framework/zod"

/** A carrier code as the rate table names it (`house`, `dhl_express`…). */
export const CarrierCodeParam = z.object({
  carrier: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,49}$/),
})
