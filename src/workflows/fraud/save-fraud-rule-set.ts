import { createWorkflow, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { RuleSet } from "../../modules/fraud/rules/types"
import { saveFraudRuleSetStep } from "./steps/save-fraud-rule-set"

export const saveFraudRuleSetWorkflowId = "save-fraud-rule-set"

/** Saves an edited rule set as the next version; the next checkout is scored with it. */
export const saveFraudRuleSetWorkflow = createWorkflow(
  saveFraudRuleSetWorkflowId,
  (input: WorkflowData<{ rule_set: RuleSet; actor_id: string | null }>) => new WorkflowResponse(saveFraudRuleSetStep(input))
)
