import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { RuleSet } from "../../../modules/fraud/rules/types"
import { fraudService } from "./fraud-service"

export const saveFraudRuleSetStepId = "save-fraud-rule-set"

/** Saves the rule set as a new version (the module refuses an inconsistent one); compensation removes that version. */
export const saveFraudRuleSetStep = createStep(
  saveFraudRuleSetStepId,
  async (input: { rule_set: RuleSet; actor_id: string | null }, { container }) => {
    const fraud = fraudService(container)
    const saved = await fraud.saveRuleSet(input.rule_set, input.actor_id)
    const [row] = await fraud.listFraudRuleSets({ version: saved.version }, { select: ["id"] })
    return new StepResponse(saved, row?.id ?? null)
  },
  async (id, { container }) => {
    if (!id) return
    await fraudService(container).deleteFraudRuleSets([id])
  }
)
