import { z } from "@medusajs/framework/zod"
import { SUPPORTED_LOCALES } from "../../templates"

const base64url = (bytes: number, name: string) =>
  z
    .string()
    .regex(/^[A-Za-z0-9_-]+=*$/, `${name} must be URL-safe base64, as PushSubscription.toJSON() gives it`)
    .refine((v) => Buffer.from(v, "base64url").length === bytes, `${name} must decode to ${bytes} bytes`)

/** What a customer agrees to. Omitted fields stay as they are. */
export const StoreUpdateNotificationPreferences = z
  .object({
    marketing_email: z.boolean({ error: "marketing_email must be true or false" }).optional(),
    sms: z.boolean({ error: "sms must be true or false" }).optional(),
    phone: z
      .string()
      .regex(/^\+[1-9]\d{6,14}$/, "phone must be an international number in E.164 form, such as +4915112345678")
      .nullable()
      .optional(),
    push: z.boolean({ error: "push must be true or false" }).optional(),
    locale: z.enum(SUPPORTED_LOCALES, { error: `locale must be one of ${SUPPORTED_LOCALES.join(", ")}` }).nullable().optional(),
  })
  .strict()
  .refine((body) => Object.keys(body).length > 0, "Send at least one of marketing_email, sms, phone, push, locale.")
export type StoreUpdateNotificationPreferencesType = z.infer<typeof StoreUpdateNotificationPreferences>

/** A browser's PushSubscription.toJSON(), as the Push API gives it. */
export const StoreCreatePushSubscription = z
  .object({
    endpoint: z
      .string()
      .url("endpoint must be the push service URL from the browser's PushSubscription")
      .max(2000, "endpoint must be at most 2000 characters")
      .refine((v) => v.startsWith("https://") || /^http:\/\/(127\.0\.0\.1|localhost)[:/]/.test(v), "endpoint must be an https URL"),
    expirationTime: z.number().int().positive().nullable().optional(),
    keys: z.object(
      {
        p256dh: base64url(65, "keys.p256dh"),
        auth: base64url(16, "keys.auth"),
      },
      { error: "keys must hold p256dh and auth" }
    ),
  })
  .strict()
export type StoreCreatePushSubscriptionType = z.infer<typeof StoreCreatePushSubscription>

export const StoreDeletePushSubscription = z.object({ endpoint: z.string().url("endpoint must be a URL") }).strict()
export type StoreDeletePushSubscriptionType = z.infer<typeof StoreDeletePushSubscription>

/** "Tell me when it's back": a guest gives an address; a signed-in customer's own is used otherwise. */
export const StoreCreateBackInStockRequest = z
  .object({
    variant_id: z.string().regex(/^variant_\w+$/, "variant_id must be a product variant id (variant_…)"),
    email: z.string().email("email must be an e-mail address").max(320).optional(),
    locale: z.enum(SUPPORTED_LOCALES, { error: `locale must be one of ${SUPPORTED_LOCALES.join(", ")}` }).optional(),
  })
  .strict()
export type StoreCreateBackInStockRequestType = z.infer<typeof StoreCreateBackInStockRequest>
