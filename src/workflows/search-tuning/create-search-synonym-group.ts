import { createWorkflow, transform, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { SYNONYM_INDEX } from "../../search-catalog/synonyms"
import { createSearchSynonymGroupStep } from "./steps/create-search-synonym-group"
import { startSearchReindexStep } from "./steps/start-search-reindex"

export const createSearchSynonymGroupWorkflowId = "create-search-synonym-group"

/** Saves a synonym group and starts the product reindex that puts it into the documents. */
export const createSearchSynonymGroupWorkflow = createWorkflow(
  createSearchSynonymGroupWorkflowId,
  (input: WorkflowData<{ terms: string[] }>) => {
    const group = createSearchSynonymGroupStep(input)
    const reindex = startSearchReindexStep({ index: SYNONYM_INDEX })
    return new WorkflowResponse(transform({ group, reindex }, ({ group, reindex }) => ({ synonym_group: group, job_id: reindex.job_id })))
  }
)
