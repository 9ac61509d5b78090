import { z } from "@medusajs/framework/zod"

const page = {
  limit: z.coerce.number().int().min(1, "limit must be at least 1").max(100, "limit must be at most 100").default(20),
  offset: z.coerce.number().int().min(0, "offset must be at least 0").default(0),
}

/** Disputes, newest first; one order's with `order_id`. */
export const AdminListStripeDisputes = z
  .object({
    order_id: z.string().regex(/^order_\w+$/, "order_id must be an order id (order_…)").optional(),
    status: z.string().regex(/^[a-z_]{1,40}$/, "status must be a Stripe dispute status such as needs_response").optional(),
    ...page,
  })
  .strict()
export type AdminListStripeDisputesType = z.infer<typeof AdminListStripeDisputes>

/** The webhook log, newest first; `failed` ones are what needs attention. */
export const AdminListStripeWebhookEvents = z
  .object({
    status: z.enum(["processing", "processed", "failed"], { error: "status must be processing, processed or failed" }).optional(),
    object_id: z.string().regex(/^[a-z]{2,4}_\w+$/, "object_id must be a Stripe object id such as pi_…").optional(),
    ...page,
  })
  .strict()
export type AdminListStripeWebhookEventsType = z.infer<typeof AdminListStripeWebhookEvents>
