import { z } from "@medusajs/framework/zod"

const Destination = z
  .object({
    country_code: z
      .string()
      .regex(/^[a-zA-Z]{2}$/, "country_code must be a two-letter ISO 3166-1 code")
      .transform((code) => code.toLowerCase()),
    postal_code: z.string().max(16).optional(),
  })
  .strict()

/**
 * Either a cart (its items, address and currency) or items with a destination, e.g. from a
 * product page. A cart's destination can be overridden to preview another address.
 */
export const StoreShippingQuotes = z
  .object({
    cart_id: z.string().min(1).max(100).optional(),
    items: z
      .array(
        z
          .object({ variant_id: z.string().min(1).max(100), quantity: z.number().int().min(1).max(1000) })
          .strict()
      )
      .min(1)
      .max(100)
      .optional(),
    destination: Destination.optional(),
    region_id: z.string().min(1).max(100).optional(),
    currency_code: z
      .string()
      .regex(/^[a-zA-Z]{3}$/, "currency_code must be a three-letter ISO 4217 code")
      .transform((code) => code.toLowerCase())
      .optional(),
  })
  .strict()
  .refine((body) => !!body.cart_id !== !!body.items, { message: "Send either cart_id or items, not both." })
  .refine((body) => body.cart_id || body.destination, { message: "items need a destination." })
  .refine((body) => body.cart_id || body.region_id || body.currency_code, { message: "items need a region_id or currency_code." })

export type StoreShippingQuotesType = z.infer<typeof StoreShippingQuotes>
