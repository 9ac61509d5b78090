import { z } from "@medusajs/framework/zod"
import { BLOCKLIST_TYPES } from "../../../../../modules/fraud/models/fraud-blocklist-entry"
import { withReadableIssues } from "../../../../readable-issues"

const note = z.string({ error: "must be text" }).trim().max(2000, "must be at most 2000 characters").nullable().optional()

export const AdminApproveFraudReview = withReadableIssues(z.object({ note }).strict())

export const AdminRejectFraudReview = withReadableIssues(
  z
    .object({
      note,
      /** Which of the checkout's values to blocklist. */
      blocklist: z
        .array(z.enum(BLOCKLIST_TYPES, { error: `must be one of ${BLOCKLIST_TYPES.join(", ")}` }), { error: "must be a list" })
        .max(BLOCKLIST_TYPES.length)
        .default([]),
    })
    .strict()
)

export type AdminApproveFraudReviewType = z.infer<typeof AdminApproveFraudReview>
export type AdminRejectFraudReviewType = z.infer<typeof AdminRejectFraudReview>
