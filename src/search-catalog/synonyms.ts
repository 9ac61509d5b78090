import type { RemoteQueryFunction } from "@medusajs/framework/types"

/**
 * Synonyms by index-time expansion: a product whose title, subtitle, categories, collection, tags
 * or type name one term of a synonym group carries the group's other terms in its document
 * (`also_known_as`). A shopper's "t-shirt" then finds the "Organic cotton tee" on any provider,
 * Medusa's Postgres one or Meilisearch, without an engine-specific synonym setting. The groups
 * are kept by the search-tuning module (admin: /admin/search/synonyms); a change reindexes.
 */

/** The search index whose documents carry `also_known_as`. */
export const SYNONYM_INDEX = "product"

/** The search-tuning module's model, as `query.graph` names it. */
export const SYNONYM_GROUP_ENTITY = "search_synonym_group"

/** One group's terms; any order, any case. */
export type SynonymGroup = readonly string[]

/** Lower-case words of a text, accents folded ("Café T-Shirt" → ["cafe", "t", "shirt"]). */
export function words(text: string): string[] {
  return (
    text
      .normalize("NFKD")
      .replace(/\p{M}+/gu, "")
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  )
}

/** Whether `phrase` occurs in `text` as whole consecutive words. */
function containsPhrase(text: string[], phrase: string[]): boolean {
  if (!phrase.length || phrase.length > text.length) return false
  outer: for (let start = 0; start + phrase.length <= text.length; start++) {
    for (let i = 0; i < phrase.length; i++) {
      if (text[start + i] !== phrase[i]) continue outer
    }
    return true
  }
  return false
}

/**
 * The terms to add to a document whose matchable texts are `texts` (each matched on its own, so a
 * phrase never spans two tags or a title and a category): for every group with a term found as a
 * whole word or phrase, the group's terms that are not found, each once, in group order. A term
 * with no letter or digit is ignored.
 */
export function synonymsFor(texts: readonly (string | null | undefined)[], groups: readonly SynonymGroup[]): string[] {
  if (!groups.length) return []
  const fields = texts.filter((t): t is string => typeof t === "string" && t.length > 0).map(words)
  const found = new Map<string, boolean>()
  const occurs = (term: string) => {
    let hit = found.get(term)
    if (hit === undefined) {
      const phrase = words(term)
      hit = fields.some((field) => containsPhrase(field, phrase))
      found.set(term, hit)
    }
    return hit
  }
  const added = new Set<string>()
  for (const group of groups) {
    const terms = [...new Set(group.map((term) => term.trim().toLowerCase()))].filter((term) => words(term).length > 0)
    if (!terms.some(occurs)) continue
    for (const term of terms) if (!occurs(term)) added.add(term)
  }
  return [...added]
}

/** Every synonym group, read once per batch of documents. */
export async function loadSynonymGroups(query: RemoteQueryFunction): Promise<string[][]> {
  const { data } = await query.graph({ entity: SYNONYM_GROUP_ENTITY, fields: ["terms"] })
  return (data as { terms: unknown }[])
    .map((row) => (Array.isArray(row.terms) ? row.terms.filter((t): t is string => typeof t === "string") : []))
    .filter((terms) => terms.length > 1)
}
