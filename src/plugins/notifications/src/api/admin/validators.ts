import { z } from "@medusajs/framework/zod"
import { SUPPORTED_LOCALES } from "../../templates"
import { MESSAGE_CHANNELS, MESSAGE_STATUSES } from "../../modules/notification-center/models/notification-message"

/** The mailbox, newest first, narrowed by channel, status, template or text in recipient/subject. */
export const AdminListMailbox = z
  .object({
    channel: z.enum(MESSAGE_CHANNELS, { error: `channel must be one of ${MESSAGE_CHANNELS.join(", ")}` }).optional(),
    status: z.enum(MESSAGE_STATUSES, { error: `status must be one of ${MESSAGE_STATUSES.join(", ")}` }).optional(),
    template: z.string().regex(/^[a-z-]{1,40}$/, "template must be a template name such as order-placed").optional(),
    q: z.string().trim().min(1, "q must not be empty").max(200, "q must be at most 200 characters").optional(),
    limit: z.coerce.number().int().min(1, "limit must be at least 1").max(100, "limit must be at most 100").default(20),
    offset: z.coerce.number().int().min(0, "offset must be at least 0").default(0),
  })
  .strict()
export type AdminListMailboxType = z.infer<typeof AdminListMailbox>

export const AdminTemplatePreview = z
  .object({
    locale: z.enum(SUPPORTED_LOCALES, { error: `locale must be one of ${SUPPORTED_LOCALES.join(", ")}` }).default("en"),
  })
  .strict()
export type AdminTemplatePreviewType = z.infer<typeof AdminTemplatePreview>
