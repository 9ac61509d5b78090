import { createWorkflow, transform, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { SYNONYM_INDEX } from "../../search-catalog/synonyms"
import { deleteSearchSynonymGroupStep } from "./steps/delete-search-synonym-group"
import { startSearchReindexStep } from "./steps/start-search-reindex"

export const deleteSearchSynonymGroupWorkflowId = "delete-search-synonym-group"

/** Removes a synonym group and starts the product reindex that takes it out of the documents. */
export const deleteSearchSynonymGroupWorkflow = createWorkflow(
  deleteSearchSynonymGroupWorkflowId,
  (input: WorkflowData<{ id: string }>) => {
    const group = deleteSearchSynonymGroupStep(input)
    const reindex = startSearchReindexStep({ index: SYNONYM_INDEX })
    return new WorkflowResponse(transform({ group, reindex }, ({ group, reindex }) => ({ synonym_group: group, job_id: reindex.job_id })))
  }
)
