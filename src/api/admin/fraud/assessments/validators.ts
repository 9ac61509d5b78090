import { z } from "@medusajs/framework/zod"

const id = z.string().trim().min(1).max(100)

/** The assessments of one order or one cart (the order page's fraud widget). */
export const AdminListFraudAssessments = z
  .object({
    order_id: id.optional(),
    cart_id: id.optional(),
    limit: z.coerce.number().int().min(1, "limit must be at least 1").max(100, "limit must be at most 100").default(20),
  })
  .strict()
  .refine((query) => !!query.order_id || !!query.cart_id, "order_id or cart_id is required")

export type AdminListFraudAssessmentsType = z.infer<typeof AdminListFraudAssessments>
