import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { removeFraudBlocklistEntryWorkflow } from "../../../../../workflows/fraud/remove-fraud-blocklist-entry"

/** DELETE /admin/fraud/blocklist/:id — the value no longer refuses checkouts; 404 when unknown. */
export async function DELETE(req: MedusaRequest, res: MedusaResponse) {
  await removeFraudBlocklistEntryWorkflow(req.scope).run({ input: { id: req.params.id } })
  res.json({ id: req.params.id, object: "fraud_blocklist_entry", deleted: true })
}
