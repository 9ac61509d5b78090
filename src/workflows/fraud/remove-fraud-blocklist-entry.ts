import { createWorkflow, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { removeFraudBlocklistEntryStep } from "./steps/remove-fraud-blocklist-entry"

export const removeFraudBlocklistEntryWorkflowId = "remove-fraud-blocklist-entry"

/** Takes one value off the blocklist; the next checkout with it is no longer refused for it. */
export const removeFraudBlocklistEntryWorkflow = createWorkflow(
  removeFraudBlocklistEntryWorkflowId,
  (input: WorkflowData<{ id: string }>) => new WorkflowResponse(removeFraudBlocklistEntryStep(input))
)
