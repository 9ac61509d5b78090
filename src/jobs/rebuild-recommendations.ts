import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { isRecommendationEnabled, startRecommendationRebuild } from "../utils/recommendations"

/**
 * Nightly: every model recomputed from all signals and the whole catalogue. The real-time path
 * keeps the lists current during the day; the rebuild re-ranks the kept neighbours (top K per
 * product), refreshes every product's TF-IDF norm, and drops session items past the window.
 */
export default async function rebuildRecommendationsJob(container: MedusaContainer) {
  if (!isRecommendationEnabled(container)) return
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  try {
    const { build, wait } = await startRecommendationRebuild(container, { trigger: "schedule" })
    await wait
    logger.info(`recommendations: nightly rebuild ${build.id} done`)
  } catch (error) {
    // Another process (or a merchant) is already rebuilding: nothing to do.
    if ((error as MedusaError).type === MedusaError.Types.CONFLICT) return
    throw error
  }
}

export const config = {
  name: "rebuild-recommendations",
  schedule: "30 3 * * *",
}
