import { MedusaService } from "@medusajs/framework/utils"
import SearchSynonymGroup from "./models/search-synonym-group"

/**
 * Search tuning data the product index is built with: synonym groups. CRUD only; saving or
 * deleting a group and the reindex it needs go through src/workflows/search-tuning.
 */
export default class SearchTuningModuleService extends MedusaService({ SearchSynonymGroup }) {}
