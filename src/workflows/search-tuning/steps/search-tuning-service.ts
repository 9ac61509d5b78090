import type { MedusaContainer } from "@medusajs/framework/types"
import { SEARCH_TUNING_MODULE } from "../../../modules/search-tuning"
import type SearchTuningModuleService from "../../../modules/search-tuning/service"

export const searchTuningService = (container: MedusaContainer) => container.resolve<SearchTuningModuleService>(SEARCH_TUNING_MODULE)
