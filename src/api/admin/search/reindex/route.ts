import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { reindexSearchIndexesWorkflow } from "@medusajs/medusa/core-flows"
import { resolveSearchModule } from "../status/read-status"
import type { AdminSearchReindexType } from "./validators"

/**
 * POST /admin/search/reindex — rebuilds an index from its source in the background (Medusa's
 * reindex workflow) → 202 `{ job_id, index }`; GET /admin/search/status shows its progress.
 * An index that is not registered is a 404.
 */
export async function POST(req: MedusaRequest<AdminSearchReindexType>, res: MedusaResponse) {
  const { index, strategy } = req.validatedBody
  // Throws NOT_FOUND naming the registered indexes; checked before a background job is queued.
  resolveSearchModule(req.scope).getIndex(index)
  const { transaction } = await reindexSearchIndexesWorkflow(req.scope).run({ input: { index, strategy } })
  res.status(202).json({ job_id: transaction.transactionId, index })
}
