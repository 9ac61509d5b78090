import { z } from "@medusajs/framework/zod"

/** GET /admin/store-cache takes no parameters; anything else is a mistake worth a 400. */
export const AdminGetStoreCache = z.object({}).strict()

/** POST /admin/store-cache/invalidate: an optional note, kept as the invalidation's reason. */
export const AdminInvalidateStoreCache = z
  .object({ reason: z.string().trim().min(1).max(200).optional() })
  .strict()
export type AdminInvalidateStoreCacheType = z.infer<typeof AdminInvalidateStoreCache>
