/**
 * Text normalisation, tokenisation and typo distances — a deterministic approximation of
 * Meilisearch's tokenizer (charabia) and typo tolerance as its docs describe them:
 * lowercase, decompose accents and drop diacritics, split on anything that is not a letter or
 * a digit; Damerau-Levenshtein distance where a typo on the first character counts as two.
 *
 * Not imitated: language-specific segmentation (CJK dictionaries, German compounds), camelCase
 * splitting, separator/non-separator token settings, hard vs soft separators.
 */

const DIACRITICS = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/g
const WORD = /[\p{L}\p{N}]+/gu

/** Search-side normalisation of one word: NFKD, no diacritics, lowercase. */
export function normalizeWord(word: string): string {
  // ASCII words only need lower-casing
  return /^[\x00-\x7f]*$/.test(word) ? word.toLowerCase() : word.normalize("NFKD").replace(DIACRITICS, "").toLowerCase()
}

/** Facet normalisation as in milli (`normalize_facet`): trim, compatibility decomposition, lowercase. */
const facetCache = new Map<string, string>()

export function normalizeFacet(value: string): string {
  let out = facetCache.get(value)
  if (out === undefined) {
    if (facetCache.size > 100_000) facetCache.clear()
    out = value.trim().normalize("NFKD").toLowerCase()
    facetCache.set(value, out)
  }
  return out
}

export interface Token {
  /** normalised word */
  word: string
  /** UTF-16 offsets of the original word in the source string */
  start: number
  end: number
}

export function tokenize(text: string): Token[] {
  const out: Token[] = []
  for (const m of text.matchAll(WORD)) {
    const word = normalizeWord(m[0])
    if (word) out.push({ word, start: m.index!, end: m.index! + m[0].length })
  }
  return out
}

export function words(text: string): string[] {
  return tokenize(text).map((t) => t.word)
}

/**
 * Optimal-string-alignment Damerau-Levenshtein distance between `a` and `b`; with `prefix`, the
 * smallest distance between `a` and any prefix of `b` (the last query word matches as a prefix).
 */
export function typoDistance(a: string, b: string, prefix: boolean): number {
  const A = Array.from(a)
  const B = Array.from(b)
  const m = A.length
  const n = B.length
  const d: number[][] = Array.from({ length: m + 1 }, () => new Array<number>(n + 1).fill(0))
  for (let i = 0; i <= m; i++) d[i][0] = i
  for (let j = 0; j <= n; j++) d[0][j] = j
  for (let i = 1; i <= m; i++) {
    for (let j = 1; j <= n; j++) {
      const cost = A[i - 1] === B[j - 1] ? 0 : 1
      let v = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
      if (i > 1 && j > 1 && A[i - 1] === B[j - 2] && A[i - 2] === B[j - 1]) v = Math.min(v, d[i - 2][j - 2] + 1)
      d[i][j] = v
    }
  }
  let best = d[m][n]
  if (prefix) for (let j = 0; j <= n; j++) best = Math.min(best, d[m][j])
  // Meilisearch docs ("Typo tolerance"): a typo on the first character counts as two typos.
  if (best > 0 && A.length > 0 && B.length > 0 && A[0] !== B[0]) best += 1
  return best
}

/** Number of typos a query word may have (docs: minWordSizeForTypos, default 5 / 9; at most 2). */
export function allowedTypos(word: string, oneTypo: number, twoTypos: number): number {
  const len = Array.from(word).length
  if (len >= twoTypos) return 2
  if (len >= oneTypo) return 1
  return 0
}
