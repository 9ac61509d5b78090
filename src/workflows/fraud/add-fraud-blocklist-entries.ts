import { createWorkflow, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { addToFraudBlocklistStep, type AddToFraudBlocklistInput } from "./steps/add-to-fraud-blocklist"

export const addFraudBlocklistEntriesWorkflowId = "add-fraud-blocklist-entries"

/** Lists values on the blocklist; values already there are returned as they are (`created_ids` names the new ones). */
export const addFraudBlocklistEntriesWorkflow = createWorkflow(
  addFraudBlocklistEntriesWorkflowId,
  (input: WorkflowData<AddToFraudBlocklistInput>) => new WorkflowResponse(addToFraudBlocklistStep(input))
)
