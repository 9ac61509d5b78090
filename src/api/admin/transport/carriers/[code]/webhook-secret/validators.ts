import { z } from "@medusajs/framework/zod"

export const AdminSetWebhookSecret = z
  .object({
    /** The shared secret the carrier signs its webhooks with; null removes it (webhooks are then refused). */
    secret: z
      .string({ error: "secret must be text or null" })
      .min(16, "secret must be at least 16 characters")
      .max(500, "secret must be at most 500 characters")
      .nullable(),
  })
  .strict()

export type AdminSetWebhookSecretType = z.infer<typeof AdminSetWebhookSecret>
