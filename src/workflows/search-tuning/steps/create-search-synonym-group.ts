import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { normalizeSynonymTerms, synonymGroupKey } from "../../../modules/search-tuning/terms"
import { searchTuningService } from "./search-tuning-service"

export const createSearchSynonymGroupStepId = "create-search-synonym-group"

// INVALID_DATA (400) rather than CONFLICT: Medusa answers a CONFLICT with a generic 409 message
// about idempotency keys, which would hide what is wrong.
const conflict = (id?: string) =>
  new MedusaError(MedusaError.Types.INVALID_DATA, `A synonym group with these terms already exists${id ? ` (${id})` : ""}.`)

/** Saves a synonym group (terms normalised); the same set of terms twice is INVALID_DATA. Deleted again on compensation. */
export const createSearchSynonymGroupStep = createStep(
  createSearchSynonymGroupStepId,
  async (input: { terms: string[] }, { container }) => {
    const service = searchTuningService(container)
    const terms = normalizeSynonymTerms(input.terms)
    const key = synonymGroupKey(terms)
    const [existing] = await service.listSearchSynonymGroups({ key }, { select: ["id"], take: 1 })
    if (existing) throw conflict(existing.id)
    try {
      const [group] = await service.createSearchSynonymGroups([{ terms, key }])
      return new StepResponse(group, group.id)
    } catch (error) {
      // Two admins saving the same group at once: the unique index on `key` keeps one.
      if (MedusaError.isMedusaError(error) && (error as MedusaError).type === MedusaError.Types.DUPLICATE_ERROR) throw conflict()
      throw error
    }
  },
  async (id, { container }) => {
    if (!id) return
    await searchTuningService(container).deleteSearchSynonymGroups([id])
  }
)
