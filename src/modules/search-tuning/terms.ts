/** Limits of one synonym group, shared by the admin validator and the module. */
export const SYNONYM_TERMS_MIN = 2
export const SYNONYM_TERMS_MAX = 20
export const SYNONYM_TERM_MAX_LENGTH = 60

/** A term as stored: trimmed, inner whitespace collapsed, lower-case. */
export const normalizeSynonymTerm = (term: string): string => term.trim().replace(/\s+/g, " ").toLowerCase()

/** The group's terms normalised, the first occurrence of each kept in the order given. */
export const normalizeSynonymTerms = (terms: string[]): string[] => [...new Set(terms.map(normalizeSynonymTerm))]

/** Identifies a set of terms whatever their order: two groups with the same key are the same group. */
export const synonymGroupKey = (terms: string[]): string => JSON.stringify([...normalizeSynonymTerms(terms)].sort())
