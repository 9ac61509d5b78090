import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { BlocklistType } from "../../../modules/fraud/models/fraud-blocklist-entry"
import { normalizeBlocklistValue } from "../../../modules/fraud/normalize"
import { fraudService } from "./fraud-service"

export const addToFraudBlocklistStepId = "add-to-fraud-blocklist"

export type AddToFraudBlocklistInput = {
  entries: { type: BlocklistType; value: string; reason?: string | null }[]
  actor_id: string | null
}

/**
 * Lists the values (normalised by the module). A value already listed is returned as it is and
 * kept on compensation; only the entries this step created are removed again.
 */
export const addToFraudBlocklistStep = createStep(
  addToFraudBlocklistStepId,
  async (input: AddToFraudBlocklistInput, { container }) => {
    if (!input.entries.length) return new StepResponse({ entries: [], created_ids: [] as string[] }, [] as string[])
    const fraud = fraudService(container)
    const listed = await fraud.listFraudBlocklistEntries(
      { $or: input.entries.map((entry) => ({ type: entry.type, value: normalizeBlocklistValue(entry.type, entry.value) })) },
      { select: ["id"] }
    )
    const existing = new Set(listed.map((entry) => entry.id))
    const entries = await fraud.addToBlocklist(input.entries, input.actor_id)
    const created_ids = entries.filter((entry) => !existing.has(entry.id)).map((entry) => entry.id)
    return new StepResponse({ entries, created_ids }, created_ids)
  },
  async (createdIds, { container }) => {
    if (!createdIds?.length) return
    await fraudService(container).deleteFraudBlocklistEntries(createdIds)
  }
)
