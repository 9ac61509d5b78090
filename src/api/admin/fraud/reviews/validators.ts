import { z } from "@medusajs/framework/zod"

/** The review queue; by default what still waits for a decision. */
export const AdminListFraudReviews = z
  .object({
    status: z.enum(["pending", "approved", "rejected", "all"], { error: "status must be pending, approved, rejected or all" }).default("pending"),
    limit: z.coerce.number().int().min(1, "limit must be at least 1").max(100, "limit must be at most 100").default(20),
    offset: z.coerce.number().int().min(0, "offset must be at least 0").default(0),
  })
  .strict()

export type AdminListFraudReviewsType = z.infer<typeof AdminListFraudReviews>
