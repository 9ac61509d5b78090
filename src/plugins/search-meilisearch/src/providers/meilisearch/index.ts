import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import MeilisearchSearchProviderService from "./service"

/**
 * Register in the Search Module's `providers` (see `meilisearchSearchProvider()` in `config.ts`);
 * index definitions select it with `provider: "meilisearch"`, or get it as the default provider.
 */
export default ModuleProvider(Modules.SEARCH, { services: [MeilisearchSearchProviderService] })
