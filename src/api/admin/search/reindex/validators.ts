import { z } from "@medusajs/framework/zod"
import { withReadableIssues } from "../../../readable-issues"

/** Which index to rebuild and how (Medusa's strategies: `swap` builds a new version, `in_place` refills the active one). */
export const AdminSearchReindex = withReadableIssues(
  z
    .object({
      index: z.string({ error: "must be text" }).trim().min(1, "must not be empty").max(100, "must be at most 100 characters").default("product"),
      strategy: z.enum(["swap", "in_place"], { error: "must be swap or in_place" }).optional(),
    })
    .strict()
)

export type AdminSearchReindexType = z.infer<typeof AdminSearchReindex>
