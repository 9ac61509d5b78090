import {
  validateMeilisearchSearchOptions,
  type MeilisearchIndexSettings,
  type MeilisearchSearchOptions,
} from "./providers/meilisearch/options"

export type { MeilisearchIndexSettings, MeilisearchSearchOptions }

export const PLUGIN_NAME = "@emporium/medusa-search-meilisearch"
/** The provider's identifier: what an index definition's `provider` (or the module's `default_provider`) names. */
export const MEILISEARCH_PROVIDER_ID = "meilisearch"

/**
 * The Search Module's provider entry, from one options object, checked at once (a missing host
 * stops `medusa-config.ts` from loading with a sentence saying so):
 *
 * ```ts
 * import { meilisearchSearchProvider } from "@emporium/medusa-search-meilisearch/config"
 *
 * export default defineConfig({
 *   modules: [
 *     {
 *       resolve: "@medusajs/medusa/search",
 *       options: {
 *         providers: [meilisearchSearchProvider({ host: process.env.MEILISEARCH_HOST!, apiKey: process.env.MEILISEARCH_API_KEY })],
 *       },
 *     },
 *   ],
 * })
 * ```
 */
export function meilisearchSearchProvider(options: MeilisearchSearchOptions) {
  const validated = validateMeilisearchSearchOptions(options)
  return {
    resolve: `${PLUGIN_NAME}/providers/meilisearch`,
    id: MEILISEARCH_PROVIDER_ID,
    options: validated,
  }
}
