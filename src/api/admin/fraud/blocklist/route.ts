import type { AuthenticatedMedusaRequest, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { FRAUD_MODULE } from "../../../../modules/fraud"
import type FraudModuleService from "../../../../modules/fraud/service"
import { addFraudBlocklistEntriesWorkflow } from "../../../../workflows/fraud/add-fraud-blocklist-entries"
import type { AdminAddFraudBlocklistEntryType, AdminListFraudBlocklistType } from "./validators"

const ENTRY_FIELDS = ["id", "type", "value", "reason", "created_by", "created_at"] as const

/** GET /admin/fraud/blocklist?type=&q= — listed values newest first; `q` matches part of the value. */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const { type, q, limit, offset } = req.validatedQuery as AdminListFraudBlocklistType
  const fraud = req.scope.resolve<FraudModuleService>(FRAUD_MODULE)
  const filters = {
    ...(type ? { type } : {}),
    ...(q ? { value: { $ilike: `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` } } : {}),
  }
  const [entries, count] = await fraud.listAndCountFraudBlocklistEntries(filters, {
    select: [...ENTRY_FIELDS],
    take: limit,
    skip: offset,
    order: { created_at: "DESC", id: "DESC" },
  })
  res.json({ blocklist: entries, count, limit, offset })
}

/**
 * POST /admin/fraud/blocklist — lists a value (stored normalised: lower-case e-mail, IPv4 form of
 * a mapped address…). A value already listed is answered with its existing entry, `created: false`.
 */
export async function POST(req: AuthenticatedMedusaRequest<AdminAddFraudBlocklistEntryType>, res: MedusaResponse) {
  const { type, value, reason } = req.validatedBody
  const { result } = await addFraudBlocklistEntriesWorkflow(req.scope).run({
    input: { entries: [{ type, value, reason: reason ?? null }], actor_id: req.auth_context.actor_id },
  })
  const [entry] = result.entries
  res.json({
    blocklist_entry: Object.fromEntries(ENTRY_FIELDS.map((field) => [field, entry[field]])),
    created: result.created_ids.includes(entry.id),
  })
}
