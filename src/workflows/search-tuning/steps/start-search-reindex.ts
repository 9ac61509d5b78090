import { reindexSearchIndexesWorkflow } from "@medusajs/medusa/core-flows"
import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

export const startSearchReindexStepId = "start-search-reindex"

/**
 * Starts Medusa's reindex of a search index in the background and returns its job id (the
 * reindex workflow's transaction id, as `POST /admin/search-indexes/:id/reindex` answers); null
 * without the Search Module. Nothing to compensate: a rebuild only re-reads the source data.
 */
export const startSearchReindexStep = createStep(startSearchReindexStepId, async (input: { index: string }, { container }) => {
  if (!container.resolve(Modules.SEARCH, { allowUnregistered: true })) return new StepResponse({ job_id: null as string | null })
  const { transaction } = await reindexSearchIndexesWorkflow(container).run({ input: { index: input.index } })
  return new StepResponse({ job_id: transaction.transactionId as string | null })
})
