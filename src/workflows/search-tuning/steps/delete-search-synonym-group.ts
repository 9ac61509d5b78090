import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { searchTuningService } from "./search-tuning-service"

export const deleteSearchSynonymGroupStepId = "delete-search-synonym-group"

/** Removes a synonym group (soft delete, restored on compensation); NOT_FOUND when unknown. */
export const deleteSearchSynonymGroupStep = createStep(
  deleteSearchSynonymGroupStepId,
  async (input: { id: string }, { container }) => {
    const service = searchTuningService(container)
    const group = await service.retrieveSearchSynonymGroup(input.id, { select: ["id", "terms"] })
    await service.softDeleteSearchSynonymGroups([group.id])
    return new StepResponse(group, group.id)
  },
  async (id, { container }) => {
    if (!id) return
    await searchTuningService(container).restoreSearchSynonymGroups([id])
  }
)
