import { z } from "@medusajs/framework/zod"

const id = z.string().trim().min(1).max(100)

export const AdminListTransportShipments = z
  .object({
    order_id: id.optional(),
    fulfillment_id: id.optional(),
    limit: z.coerce.number().int().min(1, "limit must be at least 1").max(100, "limit must be at most 100").default(20),
    offset: z.coerce.number().int().min(0, "offset must be at least 0").default(0),
  })
  .strict()

export type AdminListTransportShipmentsType = z.infer<typeof AdminListTransportShipments>
