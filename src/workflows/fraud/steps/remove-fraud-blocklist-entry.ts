import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { fraudService } from "./fraud-service"

export const removeFraudBlocklistEntryStepId = "remove-fraud-blocklist-entry"

/** Takes a value off the blocklist (soft delete, restored on compensation); NOT_FOUND when unknown. */
export const removeFraudBlocklistEntryStep = createStep(
  removeFraudBlocklistEntryStepId,
  async (input: { id: string }, { container }) => {
    const fraud = fraudService(container)
    const entry = await fraud.retrieveFraudBlocklistEntry(input.id)
    await fraud.softDeleteFraudBlocklistEntries([entry.id])
    return new StepResponse(entry, entry.id)
  },
  async (id, { container }) => {
    if (!id) return
    await fraudService(container).restoreFraudBlocklistEntries([id])
  }
)
