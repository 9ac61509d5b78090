import { z } from "@medusajs/framework/zod"
import { BLOCKLIST_TYPES } from "../../../../modules/fraud/models/fraud-blocklist-entry"
import { isIpOrRange, normalizeBlocklistValue } from "../../../../modules/fraud/normalize"
import { withReadableIssues } from "../../../readable-issues"

const type = z.enum(BLOCKLIST_TYPES, { error: `must be one of ${BLOCKLIST_TYPES.join(", ")}` })
const email = z.email()

/** One value to refuse at checkout. `ip` takes an address or a CIDR range (`203.0.113.0/24`). */
export const AdminAddFraudBlocklistEntry = withReadableIssues(
  z
    .object({
      type,
      value: z.string({ error: "must be text" }).trim().min(1, "must not be empty").max(500, "must be at most 500 characters"),
      reason: z.string({ error: "must be text" }).trim().max(500, "must be at most 500 characters").nullable().optional(),
    })
    .strict()
    .superRefine((entry, ctx) => {
      const problem =
        entry.type === "email" && !email.safeParse(entry.value).success
          ? "is not an e-mail address"
          : entry.type === "ip" && !isIpOrRange(entry.value)
            ? "is not an IP address or CIDR range (e.g. 203.0.113.7 or 203.0.113.0/24)"
            : entry.type === "address" && !normalizeBlocklistValue("address", entry.value).replace(/\|/g, "").trim()
              ? "has no letters or digits"
              : null
      if (problem) ctx.addIssue({ code: "custom", path: ["value"], message: `must be valid for type ${entry.type}: ${problem}` })
    })
)

export const AdminListFraudBlocklist = z
  .object({
    type: type.optional(),
    /** Part of the value, any case. */
    q: z.string().trim().max(200).optional(),
    limit: z.coerce.number().int().min(1, "limit must be at least 1").max(100, "limit must be at most 100").default(20),
    offset: z.coerce.number().int().min(0, "offset must be at least 0").default(0),
  })
  .strict()

export type AdminAddFraudBlocklistEntryType = z.infer<typeof AdminAddFraudBlocklistEntry>
export type AdminListFraudBlocklistType = z.infer<typeof AdminListFraudBlocklist>
