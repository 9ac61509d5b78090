import { z } from "@medusajs/framework/zod"

export const StoreCreateOrderStatusToken = z
  .object({
    email: z.string().trim().email("email must be an e-mail address"),
    display_id: z.coerce
      .number({ message: "display_id must be the order number" })
      .int("display_id must be the order number")
      .positive("display_id must be the order number"),
  })
  .strict()

export type StoreCreateOrderStatusTokenType = z.infer<typeof StoreCreateOrderStatusToken>
