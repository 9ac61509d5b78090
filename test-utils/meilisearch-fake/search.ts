/**
 * Search (docs "Search" reference, "Ranking rules", "Typo tolerance", "Synonyms", "Stop words",
 * "Faceted search", "Pagination"). Deterministic approximation of Meilisearch's engine:
 *
 * - Query: up to 10 terms; `"quoted phrases"` must match consecutive words; `-word` / `-"phrase"`
 *   exclude documents; stop words are dropped; the last word matches as a prefix unless the query
 *   ends with a separator; typos by Damerau-Levenshtein with minWordSizeForTypos (first-letter
 *   typo counts double), disableOnWords / disableOnAttributes / disableOnNumbers / enabled:false;
 *   synonyms (one-way or mutual, multi-word) match as exact phrases.
 * - matchingStrategy: `last` drops terms from the end, `frequency` drops the most frequent first,
 *   `all` keeps only documents matching every term.
 * - Ranking: bucket sort by `rankingRules` in order (`words` always first, as documented):
 *   words, typo, proximity, attribute (= attributeRank then wordPosition), sort, exactness and custom
 *   `field:asc|desc` rules; ties keep insertion order. `_rankingScore` is derived from the same
 *   buckets (1.0 for a perfect match and for placeholder searches) — an approximation of
 *   Meilisearch's scores, comparable within one search only.
 */
import { MeiliError } from "./errors"
import { Doc, embeddingsOf, flattenLeaves, leaves, presentVectors, project, underAttribute, valuesAt, VECTORS_FIELD } from "./documents"
import {
  FilterNode,
  checkFilterable,
  filterablePatterns,
  matchRule,
  matches,
  parseFilterParam,
  patternMatches,
  rejectContains,
} from "./filter"
import { isCustomRankingRule, Settings } from "./settings"
import { allowedTypos, normalizeFacet, normalizeWord, tokenize, typoDistance, words } from "./text"
import {
  expectBool,
  expectPositiveInt,
  expectString,
  expectStringArray,
  isObject,
  paramBool,
  paramInt,
  paramList,
  rejectUnknownFields,
  rejectUnknownParams,
  typeError,
} from "./validate"

/** What search needs from an index. */
export interface SearchableIndex {
  uid: string
  settings: Settings
  docs: Map<string, Doc>
  /** leaf field paths in first-seen order (the attribute ranking order of searchableAttributes ["*"]) */
  fieldOrder: string[]
  /** every field path any document has had */
  knownFields: Set<string>
}

export interface SearchParams {
  q: string | null
  offset?: number
  limit?: number
  page?: number
  hitsPerPage?: number
  filter?: unknown
  facets?: string[]
  sort?: string[]
  attributesToRetrieve: string[]
  attributesToHighlight?: string[]
  attributesToCrop?: string[]
  cropLength: number
  cropMarker: string
  highlightPreTag: string
  highlightPostTag: string
  showMatchesPosition: boolean
  showRankingScore: boolean
  showRankingScoreDetails: boolean
  rankingScoreThreshold?: number
  matchingStrategy: "last" | "all" | "frequency"
  attributesToSearchOn?: string[] | null
  distinct?: string
  vector?: number[] | null
  hybrid?: { embedder: string; semanticRatio: number }
  retrieveVectors: boolean
}

/** Search body fields in the order Meilisearch lists them (used in "Unknown field" errors). */
export const SEARCH_FIELDS = [
  "q", "vector", "offset", "limit", "page", "hitsPerPage", "attributesToRetrieve", "retrieveVectors", "attributesToCrop",
  "cropLength", "attributesToHighlight", "showMatchesPosition", "showRankingScore", "showRankingScoreDetails",
  "showPerformanceDetails", "filter", "sort", "distinct", "facets", "highlightPreTag", "highlightPostTag", "cropMarker",
  "matchingStrategy", "attributesToSearchOn", "rankingScoreThreshold", "locales", "personalize", "hybrid", "media", "useNetwork",
]

const STRATEGIES = ["last", "all", "frequency"]

function defaults(): SearchParams {
  return {
    q: null,
    attributesToRetrieve: ["*"],
    cropLength: 10,
    cropMarker: "…",
    highlightPreTag: "<em>",
    highlightPostTag: "</em>",
    showMatchesPosition: false,
    showRankingScore: false,
    showRankingScoreDetails: false,
    matchingStrategy: "last",
    retrieveVectors: false,
  }
}

function parseHybrid(embedder: unknown, ratio: unknown, path: string, param: boolean): SearchParams["hybrid"] {
  if (typeof embedder !== "string") {
    if (param) throw new MeiliError("invalid_search_embedder", "Missing parameter `hybridEmbedder`")
    throw typeError("invalid_search_embedder", `${path}.embedder`, "a string", embedder)
  }
  const semanticRatio = ratio === undefined ? 0.5 : typeof ratio === "number" ? ratio : NaN
  if (!(semanticRatio >= 0 && semanticRatio <= 1)) {
    if (!param && typeof ratio !== "number") throw typeError("invalid_search_semantic_ratio", `${path}.semanticRatio`, "a number", ratio)
    const where = param ? "in parameter `hybridSemanticRatio`" : `at \`${path}.semanticRatio\``
    throw new MeiliError("invalid_search_semantic_ratio", `Invalid value ${where}: the value of \`semanticRatio\` is invalid, expected a float between \`0.0\` and \`1.0\`.`)
  }
  return { embedder, semanticRatio }
}

/** POST /indexes/:uid/search body (and one multi-search query, `inside` = ".queries[i]"). */
export function parseSearchBody(body: unknown, extraFields: string[] = [], inside = ""): SearchParams {
  if (!isObject(body)) throw typeError("bad_request", inside, "an object", body)
  rejectUnknownFields(body, [...SEARCH_FIELDS, ...extraFields], "bad_request", inside)
  const p = defaults()
  const at = (f: string) => `${inside}.${f}`
  const q = expectString(body.q, "invalid_search_q", at("q"), true)
  p.q = q ?? null
  p.offset = expectPositiveInt(body.offset, "invalid_search_offset", at("offset")) ?? undefined
  p.limit = expectPositiveInt(body.limit, "invalid_search_limit", at("limit")) ?? undefined
  p.page = expectPositiveInt(body.page, "invalid_search_page", at("page"), true) ?? undefined
  p.hitsPerPage = expectPositiveInt(body.hitsPerPage, "invalid_search_hits_per_page", at("hitsPerPage"), true) ?? undefined
  p.attributesToRetrieve = expectStringArray(body.attributesToRetrieve, "invalid_search_attributes_to_retrieve", at("attributesToRetrieve"), true) ?? ["*"]
  p.attributesToHighlight = expectStringArray(body.attributesToHighlight, "invalid_search_attributes_to_highlight", at("attributesToHighlight"), true) ?? undefined
  p.attributesToCrop = expectStringArray(body.attributesToCrop, "invalid_search_attributes_to_crop", at("attributesToCrop"), true) ?? undefined
  p.cropLength = expectPositiveInt(body.cropLength, "invalid_search_crop_length", at("cropLength")) ?? 10
  p.cropMarker = expectString(body.cropMarker, "invalid_search_crop_marker", at("cropMarker")) ?? "…"
  p.highlightPreTag = expectString(body.highlightPreTag, "invalid_search_highlight_pre_tag", at("highlightPreTag")) ?? "<em>"
  p.highlightPostTag = expectString(body.highlightPostTag, "invalid_search_highlight_post_tag", at("highlightPostTag")) ?? "</em>"
  p.showMatchesPosition = expectBool(body.showMatchesPosition, "invalid_search_show_matches_position", at("showMatchesPosition")) ?? false
  p.showRankingScore = expectBool(body.showRankingScore, "invalid_search_show_ranking_score", at("showRankingScore")) ?? false
  p.showRankingScoreDetails = expectBool(body.showRankingScoreDetails, "invalid_search_show_ranking_score_details", at("showRankingScoreDetails")) ?? false
  if (body.filter !== undefined && body.filter !== null && typeof body.filter !== "string" && !Array.isArray(body.filter)) {
    throw new MeiliError("invalid_search_filter", `Invalid syntax for the filter parameter: \`expected String, Array, found: ${JSON.stringify(body.filter)}\`.`)
  }
  p.filter = body.filter
  p.sort = expectStringArray(body.sort, "invalid_search_sort", at("sort"), true) ?? undefined
  p.facets = expectStringArray(body.facets, "invalid_search_facets", at("facets"), true) ?? undefined
  p.distinct = expectString(body.distinct, "invalid_search_distinct", at("distinct")) ?? undefined
  if (body.matchingStrategy !== undefined) {
    if (typeof body.matchingStrategy !== "string") throw typeError("invalid_search_matching_strategy", at("matchingStrategy"), "a string", body.matchingStrategy)
    if (!STRATEGIES.includes(body.matchingStrategy)) {
      throw new MeiliError("invalid_search_matching_strategy", `Unknown value \`${body.matchingStrategy}\` at \`${at("matchingStrategy")}\`: expected one of \`last\`, \`all\`, \`frequency\``)
    }
    p.matchingStrategy = body.matchingStrategy as SearchParams["matchingStrategy"]
  }
  p.attributesToSearchOn = expectStringArray(body.attributesToSearchOn, "invalid_search_attributes_to_search_on", at("attributesToSearchOn"), true)
  p.retrieveVectors = expectBool(body.retrieveVectors, "invalid_search_retrieve_vectors", at("retrieveVectors")) ?? false
  if (body.vector !== undefined && body.vector !== null) {
    if (!Array.isArray(body.vector) || body.vector.some((x) => typeof x !== "number")) throw typeError("invalid_search_vector", at("vector"), "an array of numbers", body.vector)
    p.vector = body.vector as number[]
  }
  if (body.hybrid !== undefined && body.hybrid !== null) {
    if (!isObject(body.hybrid)) throw typeError("invalid_search_hybrid_query", at("hybrid"), "an object", body.hybrid)
    rejectUnknownFields(body.hybrid, ["embedder", "semanticRatio"], "invalid_search_hybrid_query", at("hybrid"))
    p.hybrid = parseHybrid(body.hybrid.embedder, body.hybrid.semanticRatio, at("hybrid"), false)
  }
  if (p.vector && !p.hybrid) {
    throw new MeiliError("missing_search_hybrid", "Invalid request: missing `hybrid` parameter when `vector` or `media` are present.")
  }
  if (body.rankingScoreThreshold !== undefined && body.rankingScoreThreshold !== null) {
    const t = body.rankingScoreThreshold
    if (typeof t !== "number") throw typeError("invalid_search_ranking_score_threshold", at("rankingScoreThreshold"), "a number", t)
    if (t < 0 || t > 1) {
      throw new MeiliError("invalid_search_ranking_score_threshold", `Invalid value at \`${at("rankingScoreThreshold")}\`: the value of \`rankingScoreThreshold\` is invalid, expected a float between \`0.0\` and \`1.0\`.`)
    }
    p.rankingScoreThreshold = t
  }
  return p
}

/** GET /indexes/:uid/search query string (lists comma-separated, as the JS client sends them). */
export function parseSearchQuery(query: Record<string, string>): SearchParams {
  rejectUnknownParams(query, [
    "q", "vector", "offset", "limit", "page", "hitsPerPage", "attributesToRetrieve", "retrieveVectors", "attributesToCrop", "cropLength",
    "attributesToHighlight", "filter", "sort", "distinct", "showMatchesPosition", "showRankingScore", "showRankingScoreDetails",
    "showPerformanceDetails", "facets", "highlightPreTag", "highlightPostTag", "cropMarker", "matchingStrategy", "attributesToSearchOn",
    "hybridEmbedder", "hybridSemanticRatio", "rankingScoreThreshold", "locales", "personalizeUserContext", "useNetwork",
  ])
  const p = defaults()
  p.q = query.q ?? null
  p.offset = paramInt(query.offset, "offset", "invalid_search_offset")
  p.limit = paramInt(query.limit, "limit", "invalid_search_limit")
  p.page = paramInt(query.page, "page", "invalid_search_page")
  p.hitsPerPage = paramInt(query.hitsPerPage, "hitsPerPage", "invalid_search_hits_per_page")
  p.attributesToRetrieve = paramList(query.attributesToRetrieve) ?? ["*"]
  p.attributesToHighlight = paramList(query.attributesToHighlight)
  p.attributesToCrop = paramList(query.attributesToCrop)
  p.cropLength = paramInt(query.cropLength, "cropLength", "invalid_search_crop_length") ?? 10
  p.cropMarker = query.cropMarker ?? "…"
  p.highlightPreTag = query.highlightPreTag ?? "<em>"
  p.highlightPostTag = query.highlightPostTag ?? "</em>"
  p.showMatchesPosition = paramBool(query.showMatchesPosition, "showMatchesPosition", "invalid_search_show_matches_position") ?? false
  p.showRankingScore = paramBool(query.showRankingScore, "showRankingScore", "invalid_search_show_ranking_score") ?? false
  p.showRankingScoreDetails = paramBool(query.showRankingScoreDetails, "showRankingScoreDetails", "invalid_search_show_ranking_score_details") ?? false
  p.filter = query.filter
  p.sort = paramList(query.sort)
  p.facets = paramList(query.facets)
  p.distinct = query.distinct
  if (query.matchingStrategy !== undefined) {
    if (!STRATEGIES.includes(query.matchingStrategy)) {
      throw new MeiliError("invalid_search_matching_strategy", `Unknown value \`${query.matchingStrategy}\` for parameter \`matchingStrategy\`: expected one of \`last\`, \`all\`, \`frequency\``)
    }
    p.matchingStrategy = query.matchingStrategy as SearchParams["matchingStrategy"]
  }
  p.attributesToSearchOn = paramList(query.attributesToSearchOn)
  p.retrieveVectors = paramBool(query.retrieveVectors, "retrieveVectors", "invalid_search_retrieve_vectors") ?? false
  if (query.vector !== undefined) {
    const v = query.vector.split(",").map(Number)
    if (v.some((x) => !Number.isFinite(x))) throw new MeiliError("invalid_search_vector", `Invalid value in parameter \`vector\`: could not parse \`${query.vector}\` as a list of numbers`)
    p.vector = v
  }
  if (query.hybridEmbedder !== undefined || query.hybridSemanticRatio !== undefined) {
    const ratio = query.hybridSemanticRatio === undefined ? undefined : Number(query.hybridSemanticRatio)
    p.hybrid = parseHybrid(query.hybridEmbedder, ratio, "", true)
  }
  if (p.vector && !p.hybrid) {
    throw new MeiliError("missing_search_hybrid", "Invalid request: missing `hybrid` parameter when `vector` or `media` are present.")
  }
  if (query.rankingScoreThreshold !== undefined) {
    const t = Number(query.rankingScoreThreshold)
    if (!Number.isFinite(t) || t < 0 || t > 1) {
      throw new MeiliError("invalid_search_ranking_score_threshold", `Invalid value in parameter \`rankingScoreThreshold\`: the value of \`rankingScoreThreshold\` is invalid, expected a float between \`0.0\` and \`1.0\`.`)
    }
    p.rankingScoreThreshold = t
  }
  return p
}

// ---------------------------------------------------------------------------------------------
// query terms

interface Term {
  /** normalised words: one for a word term, several for a phrase */
  words: string[]
  phrase: boolean
  prefix: boolean
  /** synonym alternatives, each a phrase that matches exactly */
  alternatives: string[][]
}

interface ParsedQuery {
  terms: Term[]
  negative: string[][]
}

function synonymMap(settings: Settings): Map<string, string[][]> {
  const map = new Map<string, string[][]>()
  for (const [key, list] of Object.entries(settings.synonyms)) {
    const k = words(key).join(" ")
    if (!k) continue
    const alts = map.get(k) ?? []
    for (const s of list) {
      const w = words(s)
      if (w.length) alts.push(w)
    }
    map.set(k, alts)
  }
  return map
}

export function parseQuery(q: string, settings: Settings): ParsedQuery {
  const items: { words: string[]; phrase: boolean; negative: boolean; end: number }[] = []
  const re = /(^|\s)(-?)"([^"]*)"|(^|\s)-([^\s"]+)|[^\s"]+/g
  for (const m of q.matchAll(re)) {
    const end = m.index! + m[0].length
    if (m[3] !== undefined) {
      const w = words(m[3])
      if (w.length) items.push({ words: w, phrase: true, negative: m[2] === "-", end })
    } else if (m[5] !== undefined) {
      const w = words(m[5])
      if (w.length) items.push({ words: w, phrase: w.length > 1, negative: true, end })
    } else {
      const toks = tokenize(m[0])
      toks.forEach((t) => items.push({ words: [t.word], phrase: false, negative: false, end: m.index! + t.end }))
    }
  }
  const stop = new Set(settings.stopWords.map(normalizeWord))
  const negative = items.filter((i) => i.negative).map((i) => i.words)
  let positive = items.filter((i) => !i.negative && (i.phrase || !stop.has(i.words[0])))
  positive = positive.slice(0, 10) // Meilisearch only considers the first 10 query words
  const endsWithSeparator = q.length > 0 && !/[\p{L}\p{N}]$/u.test(q)
  const prefixEnabled = settings.prefixSearch !== "disabled"
  const synonyms = synonymMap(settings)
  const terms: Term[] = []
  for (let i = 0; i < positive.length; i++) {
    const item = positive[i]
    const isLast = i === positive.length - 1
    if (item.phrase) {
      terms.push({ words: item.words, phrase: true, prefix: false, alternatives: [] })
      continue
    }
    // the longest multi-word synonym key starting here (up to 3 words)
    let used = 1
    let alternatives = synonyms.get(item.words[0]) ?? []
    for (let n = 3; n >= 2; n--) {
      const slice = positive.slice(i, i + n)
      if (slice.length === n && slice.every((s) => !s.phrase)) {
        const key = slice.map((s) => s.words[0]).join(" ")
        if (synonyms.has(key)) {
          used = n
          alternatives = synonyms.get(key)!
          break
        }
      }
    }
    if (used > 1) {
      const ws = positive.slice(i, i + used).map((s) => s.words[0])
      terms.push({ words: ws, phrase: true, prefix: false, alternatives })
      i += used - 1
      continue
    }
    terms.push({
      words: item.words,
      phrase: false,
      prefix: isLast && prefixEnabled && !endsWithSeparator && item.end === q.length,
      alternatives,
    })
  }
  return { terms, negative }
}

// ---------------------------------------------------------------------------------------------
// per-document matching

interface Entry {
  path: string
  rank: number
  tokens: string[]
  typoDisabled: boolean
}

interface TermMatch {
  typos: number
  exact: boolean
  rank: number
  /** positions of the matched words: [entry index, position of the first word, word count] */
  positions: [number, number, number][]
}

interface DocMatch {
  id: string
  doc: Doc
  order: number
  entries: Entry[]
  termMatches: (TermMatch | undefined)[]
  kept: number[]
}

function attributeRanker(index: SearchableIndex): (path: string) => number | undefined {
  const searchable = index.settings.searchableAttributes
  if (searchable.includes("*")) {
    return (path) => {
      const i = index.fieldOrder.indexOf(path)
      return i < 0 ? index.fieldOrder.length : i
    }
  }
  return (path) => {
    const i = searchable.findIndex((a) => underAttribute(path, a))
    return i < 0 ? undefined : i
  }
}

/** Tokenised searchable fields per stored document object, per attribute configuration. */
const entryCache = new WeakMap<Doc, Map<string, Entry[]>>()

function entriesCacheKey(index: SearchableIndex, searchOn: string[] | null | undefined): string {
  return JSON.stringify([index.settings.searchableAttributes, index.settings.typoTolerance.disableOnAttributes, searchOn ?? null, index.fieldOrder.length])
}

function entriesOf(
  doc: Doc,
  index: SearchableIndex,
  rankOf: (p: string) => number | undefined,
  searchOn: string[] | null | undefined,
  cacheKey: string
): Entry[] {
  const typo = index.settings.typoTolerance
  let perDoc = entryCache.get(doc)
  const cached = perDoc?.get(cacheKey)
  if (cached) return cached
  const out: Entry[] = []
  for (const [path, value] of flattenLeaves(doc)) {
    const rank = rankOf(path)
    if (rank === undefined) continue
    if (searchOn && !searchOn.some((a) => underAttribute(path, a))) continue
    const tokens = words(String(value))
    if (!tokens.length) continue
    out.push({ path, rank, tokens, typoDisabled: typo.disableOnAttributes.some((a) => underAttribute(path, a)) })
  }
  if (!perDoc) entryCache.set(doc, (perDoc = new Map()))
  perDoc.set(cacheKey, out)
  return out
}

function phraseAt(tokens: string[], phrase: string[], at: number): boolean {
  for (let k = 0; k < phrase.length; k++) if (tokens[at + k] !== phrase[k]) return false
  return true
}

/** Per-search matcher of one query word against document words: [typos, exact] or undefined. */
type WordMatcher = (token: string, typoDisabled: boolean) => [number, boolean] | undefined

function wordMatcher(term: Term, settings: Settings): WordMatcher {
  const typo = settings.typoTolerance
  const { oneTypo, twoTypos } = typo.minWordSizeForTypos
  const word = term.words[0]
  const wordLength = Array.from(word).length
  const typosAllowed =
    !typo.enabled || typo.disableOnWords.map(normalizeWord).includes(word) || (typo.disableOnNumbers && /^\d+$/.test(word))
      ? 0
      : allowedTypos(word, oneTypo, twoTypos)
  const memo = new Map<string, [number, boolean] | null>()
  const compute = (token: string, maxTypos: number): [number, boolean] | null => {
    if (token === word) return [0, true]
    if (term.prefix && token.startsWith(word)) return [0, false]
    if (maxTypos === 0) return null
    const tokenLength = Array.from(token).length
    // the distance is at least the length difference (for a prefix, only when the word is shorter)
    if (term.prefix ? tokenLength < wordLength - maxTypos : Math.abs(tokenLength - wordLength) > maxTypos) return null
    const d = typoDistance(word, token, term.prefix)
    return d <= maxTypos ? [d, false] : null
  }
  return (token, typoDisabled) => {
    const max = typoDisabled ? 0 : typosAllowed
    const key = max === 0 ? `0|${token}` : token
    let r = memo.get(key)
    if (r === undefined) memo.set(key, (r = compute(token, max)))
    return r ?? undefined
  }
}

function matchTerm(term: Term, matcher: WordMatcher | undefined, entries: Entry[]): TermMatch | undefined {
  let best: TermMatch | undefined
  const consider = (typos: number, exact: boolean, rank: number, pos: [number, number, number]) => {
    if (!best || typos < best.typos || (typos === best.typos && exact && !best.exact) || (typos === best.typos && exact === best.exact && rank < best.rank)) {
      best = { typos, exact, rank, positions: best ? best.positions : [] }
    }
    best.positions.push(pos)
  }
  const phrases = term.phrase ? [term.words, ...term.alternatives] : term.alternatives
  for (let e = 0; e < entries.length; e++) {
    const entry = entries[e]
    const tokens = entry.tokens
    for (const phrase of phrases) {
      for (let i = 0; i + phrase.length <= tokens.length; i++) {
        if (phraseAt(tokens, phrase, i)) consider(0, true, entry.rank, [e, i, phrase.length])
      }
    }
    if (!matcher) continue
    for (let i = 0; i < tokens.length; i++) {
      const m = matcher(tokens[i], entry.typoDisabled)
      if (m) consider(m[0], m[1], entry.rank, [e, i, 1])
    }
  }
  return best
}

function containsPhrase(entries: Entry[], phrase: string[]): boolean {
  return entries.some((entry) => entry.tokens.some((_, i) => phraseAt(entry.tokens, phrase, i)))
}

// ---------------------------------------------------------------------------------------------
// sorting helpers (sort parameter and custom ranking rules)

/** docs "Sorting": numbers before strings, documents without the field last; arrays use min (asc) / max (desc). */
function sortKey(doc: Doc, field: string, desc: boolean): [number, number | string] {
  const vals = leaves(valuesAt(doc, field))
  const nums = vals.filter((v): v is number => typeof v === "number")
  if (nums.length) return [0, desc ? Math.max(...nums) : Math.min(...nums)]
  const strs = vals.filter((v): v is string => typeof v === "string").map(normalizeFacet)
  if (strs.length) return [1, strs.reduce((a, b) => (desc ? (b > a ? b : a) : b < a ? b : a))]
  return [2, 0]
}

function fieldComparator(field: string, desc: boolean): (a: DocMatch, b: DocMatch) => number {
  const keys = new Map<DocMatch, [number, number | string]>()
  const keyOf = (m: DocMatch) => {
    let k = keys.get(m)
    if (!k) keys.set(m, (k = sortKey(m.doc, field, desc)))
    return k
  }
  return (a, b) => {
    const ka = keyOf(a)
    const kb = keyOf(b)
    if (ka[0] !== kb[0]) return ka[0] - kb[0]
    if (ka[0] === 2 || ka[1] === kb[1]) return 0
    const lt = ka[1] < kb[1]
    return desc ? (lt ? 1 : -1) : lt ? -1 : 1
  }
}

// ---------------------------------------------------------------------------------------------
// the search itself

export interface SearchOutcome {
  body: Record<string, unknown>
  /** every ranked hit (up to maxTotalHits) with its score — federated multi-search merges on these */
  all: () => { hit: Record<string, unknown>; score: number }[]
}

/** Throws MeiliError for invalid references (filter, sort, facets, attributesToSearchOn, distinct). */
export function search(index: SearchableIndex, params: SearchParams): SearchOutcome {
  const started = process.hrtime.bigint()
  const settings = index.settings
  const prefix = `Index \`${index.uid}\`: `

  // --- validation against the index settings
  const filter: FilterNode | null = parseFilterParam(params.filter, "invalid_search_filter")
  if (filter) {
    rejectContains(filter)
    checkFilterable(filter, settings.filterableAttributes, "invalid_search_filter", prefix)
  }
  const sortSpecs = (params.sort ?? []).map((s) => {
    const m = /^(.+):(asc|desc)$/.exec(s)
    if (!m) throw new MeiliError("invalid_search_sort", `Invalid syntax for the sort parameter: expected expression ending by \`:asc\` or \`:desc\`, found \`${s}\`.`)
    if (m[1].startsWith("_geoPoint(")) throw new MeiliError("invalid_search_sort", `${prefix}The Meilisearch fake does not implement \`_geoPoint\` sorting.`)
    if (m[1] === "_geo" || m[1] === "_geoDistance") {
      throw new MeiliError("invalid_search_sort", `\`${m[1]}\` is a reserved keyword and thus can't be used as a sort expression.`)
    }
    if (!settings.sortableAttributes.some((a) => patternMatches(a, m[1]))) {
      const list = [...settings.sortableAttributes].sort()
      throw new MeiliError(
        "invalid_search_sort",
        `${prefix}Attribute \`${m[1]}\` is not sortable. ${list.length ? `Available sortable attributes are: \`${list.join(", ")}\`.` : "This index does not have configured sortable attributes."}`
      )
    }
    return { field: m[1], desc: m[2] === "desc" }
  })
  if (sortSpecs.length && !settings.rankingRules.includes("sort")) {
    throw new MeiliError("invalid_search_sort", `${prefix}You must specify where \`sort\` is listed in the rankingRules setting to use the sort parameter at search time.`)
  }
  const facets = expandFacets(index, params.facets)
  if (params.attributesToSearchOn) {
    const searchable = settings.searchableAttributes
    const leafs = index.fieldOrder
    for (const attr of params.attributesToSearchOn) {
      const ok = searchable.includes("*")
        ? attr === "*" || leafs.some((f) => underAttribute(f, attr))
        : searchable.some((s) => underAttribute(attr, s))
      if (!ok) {
        const valid = (searchable.includes("*") ? leafs : searchable).slice().sort()
        throw new MeiliError("invalid_search_attributes_to_search_on", `${prefix}Attribute \`${attr}\` is not searchable. Available searchable attributes are: \`${valid.join(", ")}\`.`)
      }
    }
  }
  const distinct = params.distinct ?? settings.distinctAttribute ?? undefined
  if (params.distinct !== undefined && !matchRule(settings.filterableAttributes, params.distinct)) {
    const patterns = [...new Set(filterablePatterns(settings.filterableAttributes))].sort()
    throw new MeiliError(
      "invalid_search_distinct",
      `${prefix}Attribute \`${params.distinct}\` is not filterable and thus, cannot be used as distinct attribute. ${patterns.length ? `Available filterable attributes patterns are: \`${patterns.join(", ")}\`.` : "This index does not have configured filterable attributes."}`
    )
  }

  if (params.hybrid) {
    const conf = settings.embedders[params.hybrid.embedder]
    if (!conf) throw new MeiliError("invalid_search_embedder", `${prefix}Cannot find embedder with name \`${params.hybrid.embedder}\`.`)
    const dims = isObject(conf) && typeof conf.dimensions === "number" ? conf.dimensions : undefined
    if (params.vector && dims !== undefined && params.vector.length !== dims) {
      throw new MeiliError("invalid_vector_dimensions", `${prefix}Invalid vector dimensions: expected: \`${dims}\`, found: \`${params.vector.length}\`.`)
    }
  }

  // --- candidates
  const searchOn = params.attributesToSearchOn?.includes("*") ? undefined : params.attributesToSearchOn
  const rankOf = attributeRanker(index)
  const cacheKey = entriesCacheKey(index, searchOn)
  let order = 0
  const candidates: DocMatch[] = []
  for (const [id, doc] of index.docs) {
    const o = order++
    if (filter && !matches(filter, doc, index.knownFields)) continue
    candidates.push({ id, doc, order: o, entries: [], termMatches: [], kept: [] })
  }

  const query = params.q ?? ""
  const parsed = parseQuery(query, settings)
  const terms = parsed.terms
  const placeholder = terms.length === 0
  let ranked: DocMatch[]
  let scoreOf: (m: DocMatch) => number = () => 1

  if (placeholder) {
    ranked = candidates.filter((c) => {
      if (!parsed.negative.length) return true
      c.entries = entriesOf(c.doc, index, rankOf, searchOn, cacheKey)
      return !parsed.negative.some((p) => containsPhrase(c.entries, p))
    })
  } else {
    const matchers = terms.map((t) => (t.phrase ? undefined : wordMatcher(t, settings)))
    for (const c of candidates) {
      c.entries = entriesOf(c.doc, index, rankOf, searchOn, cacheKey)
      c.termMatches = terms.map((t, i) => matchTerm(t, matchers[i], c.entries))
    }
    // matchingStrategy: the order in which terms are dropped
    let dropOrder: number[]
    if (params.matchingStrategy === "frequency") {
      const freq = terms.map((_, i) => candidates.filter((c) => c.termMatches[i]).length)
      dropOrder = terms.map((_, i) => i).sort((a, b) => freq[b] - freq[a] || b - a)
    } else {
      dropOrder = terms.map((_, i) => terms.length - 1 - i)
    }
    const allowedDrops = params.matchingStrategy === "all" ? 0 : terms.length - 1
    ranked = []
    for (const c of candidates) {
      if (parsed.negative.some((p) => containsPhrase(c.entries, p))) continue
      for (let dropped = 0; dropped <= allowedDrops; dropped++) {
        const removed = new Set(dropOrder.slice(0, dropped))
        const kept = terms.map((_, i) => i).filter((i) => !removed.has(i))
        if (kept.every((i) => c.termMatches[i])) {
          c.kept = kept
          ranked.push(c)
          break
        }
      }
    }
    const metrics = new Map<DocMatch, Metrics>()
    for (const c of ranked) metrics.set(c, computeMetrics(c, terms, settings))
    scoreOf = (c) => rankingScore(metrics.get(c)!, terms, settings, index)
    const comparators = rankingComparators(settings, sortSpecs, (c) => metrics.get(c)!)
    ranked.sort((a, b) => {
      for (const cmp of comparators) {
        const r = cmp(a, b)
        if (r !== 0) return r
      }
      return a.order - b.order
    })
  }
  if (placeholder) {
    const comparators: ((a: DocMatch, b: DocMatch) => number)[] = []
    for (const rule of settings.rankingRules) {
      if (rule === "sort") sortSpecs.forEach((s) => comparators.push(fieldComparator(s.field, s.desc)))
      const custom = isCustomRankingRule(rule)
      if (custom) comparators.push(fieldComparator(custom[1], custom[2] === "desc"))
    }
    ranked.sort((a, b) => {
      for (const cmp of comparators) {
        const r = cmp(a, b)
        if (r !== 0) return r
      }
      return a.order - b.order
    })
  }

  let scores = ranked.map((c) => scoreOf(c))
  let semantic: Set<DocMatch> | undefined
  if (params.hybrid) {
    ;({ ranked, scores, semantic } = hybridMerge(ranked, scores, candidates, params, placeholder))
  }

  // distinct attribute: the best-ranked document per value; documents without the field all stay
  if (distinct) {
    const seen = new Set<string>()
    const keep = ranked.map((c) => {
      const vals = leaves(valuesAt(c.doc, distinct))
      if (!vals.length) return true
      const key = vals.map((v) => (typeof v === "number" ? `n:${v}` : `s:${strKey(v)}`)).join("\u0000")
      if (seen.has(key)) return false
      seen.add(key)
      return true
    })
    ranked = ranked.filter((_, i) => keep[i])
    scores = scores.filter((_, i) => keep[i])
  }
  if (params.rankingScoreThreshold !== undefined) {
    const keep = scores.map((s) => s >= params.rankingScoreThreshold!)
    ranked = ranked.filter((_, i) => keep[i])
    scores = scores.filter((_, i) => keep[i])
  }

  // --- facets over every matching document
  const facetResult = facets ? facetDistribution(ranked.map((c) => c.doc), facets, settings) : undefined

  // --- pagination
  const maxTotalHits = settings.pagination.maxTotalHits
  const total = Math.min(ranked.length, maxTotalHits)
  const finite = params.page !== undefined || params.hitsPerPage !== undefined
  let start: number
  let end: number
  const body: Record<string, unknown> = {}
  const paging: Record<string, unknown> = {}
  if (finite) {
    const page = params.page ?? 1
    const hitsPerPage = params.hitsPerPage ?? 20
    start = page === 0 ? 0 : (page - 1) * hitsPerPage
    end = page === 0 ? 0 : Math.min(start + hitsPerPage, maxTotalHits)
    Object.assign(paging, { hitsPerPage, page, totalPages: hitsPerPage === 0 ? 0 : Math.ceil(total / hitsPerPage), totalHits: total })
  } else {
    const offset = params.offset ?? 0
    const limit = params.limit ?? 20
    start = offset
    end = Math.min(offset + limit, maxTotalHits)
    Object.assign(paging, { limit, offset, estimatedTotalHits: total })
  }
  const highlighter = makeHighlighter(terms, settings)
  const hits: Record<string, unknown>[] = []
  for (let i = start; i < Math.min(end, ranked.length); i++) hits.push(formatHit(ranked[i], params, settings, highlighter, scores[i]))

  body.hits = hits
  body.query = query
  body.processingTimeMs = Number((process.hrtime.bigint() - started) / 1_000_000n)
  Object.assign(body, paging)
  if (facetResult) {
    body.facetDistribution = facetResult.distribution
    body.facetStats = facetResult.stats
  }
  if (params.hybrid) {
    let count = 0
    for (let i = start; i < Math.min(end, ranked.length); i++) if (semantic?.has(ranked[i])) count++
    body.semanticHitCount = count
  }
  const all = () =>
    ranked.slice(0, total).map((c, i) => ({
      hit: i >= start && i < end ? hits[i - start] : formatHit(c, params, settings, highlighter, scores[i]),
      score: scores[i],
    }))
  return { body, all }
}

function strKey(v: string | number | boolean): string {
  return typeof v === "string" ? normalizeFacet(v) : String(v)
}

// ---------------------------------------------------------------------------------------------
// hybrid / vector search

function cosine(a: number[], b: number[]): number {
  let dot = 0
  let na = 0
  let nb = 0
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    dot += a[i] * b[i]
    na += a[i] * a[i]
    nb += b[i] * b[i]
  }
  return na && nb ? dot / Math.sqrt(na * nb) : 0
}

/**
 * docs "Hybrid search": keyword results weighted by (1 - semanticRatio) and vector results by
 * semanticRatio, merged on the weighted ranking score. Only user-provided vectors are supported:
 * without a `vector` the fake cannot embed the query and — as Meilisearch does when embedding
 * fails — returns the keyword results. A placeholder query with a vector is a pure vector search.
 * Vector scores are (1 + cosine similarity) / 2.
 */
function hybridMerge(ranked: DocMatch[], scores: number[], candidates: DocMatch[], params: SearchParams, placeholder: boolean) {
  const { embedder, semanticRatio } = params.hybrid!
  const semantic = new Set<DocMatch>()
  if (!params.vector || semanticRatio === 0) return { ranked, scores, semantic }
  const vectorHits: { c: DocMatch; score: number }[] = []
  for (const c of candidates) {
    const embeddings = embeddingsOf(c.doc, embedder)
    if (!embeddings.length) continue
    const score = Math.max(...embeddings.map((e) => (1 + cosine(params.vector!, e)) / 2))
    vectorHits.push({ c, score })
  }
  const best = new Map<DocMatch, { score: number; weighted: number; semantic: boolean; order: number }>()
  if (!placeholder && semanticRatio < 1) {
    ranked.forEach((c, i) => best.set(c, { score: scores[i], weighted: scores[i] * (1 - semanticRatio), semantic: false, order: i }))
  }
  for (const { c, score } of vectorHits) {
    const weighted = score * (placeholder ? 1 : semanticRatio)
    const cur = best.get(c)
    if (!cur || weighted > cur.weighted) best.set(c, { score, weighted, semantic: true, order: cur?.order ?? Infinity })
  }
  const merged = [...best.entries()].sort((a, b) => b[1].weighted - a[1].weighted || a[1].order - b[1].order || a[0].order - b[0].order)
  for (const [c, v] of merged) if (v.semantic) semantic.add(c)
  return { ranked: merged.map(([c]) => c), scores: merged.map(([, v]) => v.score), semantic }
}

// ---------------------------------------------------------------------------------------------
// ranking

interface Metrics {
  words: number
  typos: number
  maxTypos: number
  proximity: number
  pairs: number
  attributeRank: number
  wordPosition: number
  exactAttribute: boolean
  startsWith: boolean
  exactWords: number
}

function computeMetrics(c: DocMatch, terms: Term[], settings: Settings): Metrics {
  const { oneTypo, twoTypos } = settings.typoTolerance.minWordSizeForTypos
  const kept = c.kept
  const tm = kept.map((i) => c.termMatches[i]!)
  let proximity = 0
  for (let k = 1; k < kept.length; k++) {
    let best = 8
    for (const [ea, pa, la] of tm[k - 1].positions) {
      for (const [eb, pb] of tm[k].positions) {
        if (ea !== eb) continue
        if (settings.proximityPrecision === "byAttribute") best = Math.min(best, 1)
        else best = Math.min(best, pb >= pa + la ? Math.min(pb - (pa + la) + 1, 7) : Math.min(pa - pb + 1, 7))
      }
    }
    proximity += best
  }
  let attributeRank = Infinity
  let wordPosition = Infinity
  for (const m of tm) {
    for (const [e, p] of m.positions) {
      const entry = c.entries[e]
      if (entry.rank < attributeRank || (entry.rank === attributeRank && p < wordPosition)) {
        attributeRank = entry.rank
        wordPosition = p
      }
    }
  }
  const queryWords = kept.flatMap((i) => terms[i].words)
  const exactAttribute = c.entries.some((e) => e.tokens.length === queryWords.length && phraseAt(e.tokens, queryWords, 0))
  const startsWith = c.entries.some((e) => phraseAt(e.tokens, queryWords, 0))
  return {
    words: kept.length,
    typos: tm.reduce((s, m) => s + m.typos, 0),
    maxTypos: kept.reduce((s, i) => s + (terms[i].phrase ? 0 : allowedTypos(terms[i].words[0], oneTypo, twoTypos)), 0),
    proximity,
    pairs: Math.max(0, kept.length - 1),
    attributeRank,
    wordPosition,
    exactAttribute,
    startsWith,
    exactWords: tm.filter((m) => m.exact).length,
  }
}

function exactnessLevel(m: Metrics): number {
  return m.exactAttribute ? m.words + 1 : m.startsWith ? m.words : m.exactWords
}

function rankingComparators(
  settings: Settings,
  sortSpecs: { field: string; desc: boolean }[],
  metricsOf: (c: DocMatch) => Metrics
): ((a: DocMatch, b: DocMatch) => number)[] {
  const rules = settings.rankingRules.includes("words") ? settings.rankingRules : ["words", ...settings.rankingRules]
  const out: ((a: DocMatch, b: DocMatch) => number)[] = []
  const by = (f: (m: Metrics) => number) => (a: DocMatch, b: DocMatch) => f(metricsOf(a)) - f(metricsOf(b))
  for (const rule of rules) {
    switch (rule) {
      case "words":
        out.push(by((m) => -m.words))
        break
      case "typo":
        out.push(by((m) => m.typos))
        break
      case "proximity":
        out.push(by((m) => m.proximity))
        break
      case "attribute":
        out.push(by((m) => m.attributeRank), by((m) => m.wordPosition))
        break
      case "attributeRank":
        out.push(by((m) => m.attributeRank))
        break
      case "wordPosition":
        out.push(by((m) => m.wordPosition))
        break
      case "exactness":
        out.push(by((m) => -exactnessLevel(m)))
        break
      case "sort":
        sortSpecs.forEach((s) => out.push(fieldComparator(s.field, s.desc)))
        break
      default: {
        const custom = isCustomRankingRule(rule)
        if (custom) out.push(fieldComparator(custom[1], custom[2] === "desc"))
      }
    }
  }
  return out
}

/** Nested-interval score: each rule splits the remaining interval into its buckets; 1.0 = best everywhere. */
function rankingScore(m: Metrics, terms: Term[], settings: Settings, index: SearchableIndex): number {
  const buckets: [number, number][] = [] // [fraction of the best (0..1), bucket count]
  const rules = settings.rankingRules.includes("words") ? settings.rankingRules : ["words", ...settings.rankingRules]
  const attrCount = Math.max(1, settings.searchableAttributes.includes("*") ? index.fieldOrder.length : settings.searchableAttributes.length)
  for (const rule of rules) {
    switch (rule) {
      case "words":
        buckets.push([terms.length <= 1 ? 1 : (m.words - 1) / (terms.length - 1), terms.length])
        break
      case "typo":
        buckets.push([m.maxTypos === 0 ? 1 : 1 - m.typos / m.maxTypos, m.maxTypos + 1])
        break
      case "proximity":
        buckets.push([m.pairs === 0 ? 1 : 1 - (m.proximity - m.pairs) / (m.pairs * 7), m.pairs * 7 + 1])
        break
      case "attribute":
      case "attributeRank":
        buckets.push([attrCount <= 1 ? 1 : 1 - Math.min(m.attributeRank, attrCount - 1) / (attrCount - 1), attrCount])
        if (rule === "attribute") buckets.push([1 - Math.min(m.wordPosition, 10) / 10, 11])
        break
      case "wordPosition":
        buckets.push([1 - Math.min(m.wordPosition, 10) / 10, 11])
        break
      case "exactness":
        buckets.push([exactnessLevel(m) / (m.words + 1), m.words + 2])
        break
    }
  }
  let lo = 0
  let width = 1
  for (const [fraction, count] of buckets) {
    if (count <= 1) continue
    const bucket = Math.round(Math.max(0, Math.min(1, fraction)) * (count - 1))
    lo += (width * bucket) / count
    width /= count
  }
  return lo + width
}

// ---------------------------------------------------------------------------------------------
// facets

function expandFacets(index: SearchableIndex, facets: string[] | undefined): string[] | undefined {
  if (!facets) return undefined
  const rules = index.settings.filterableAttributes
  const out: string[] = []
  for (const f of facets) {
    if (f === "*" || f.includes("*")) {
      const patterns = filterablePatterns(rules)
      for (const p of patterns) {
        if (!p.includes("*")) {
          if (patternMatches(f, p) && !out.includes(p)) out.push(p)
        } else {
          for (const field of index.knownFields) if (patternMatches(p, field) && patternMatches(f, field) && !out.includes(field)) out.push(field)
        }
      }
      continue
    }
    if (!matchRule(rules, f)) {
      const patterns = [...new Set(filterablePatterns(rules))].sort()
      throw new MeiliError(
        "invalid_search_facets",
        `Invalid facet distribution: Pattern \`${f}\` is not filterable. ${patterns.length ? `Available filterable attributes patterns are: \`${patterns.join(", ")}\`.` : "This index does not have configured filterable attributes."}`
      )
    }
    if (!out.includes(f)) out.push(f)
  }
  return out
}

function facetDistribution(docs: Doc[], facets: string[], settings: Settings) {
  const distribution: Record<string, Record<string, number>> = {}
  const stats: Record<string, { min: number; max: number }> = {}
  for (const facet of facets) {
    const counts = new Map<string, { label: string; count: number; num?: number }>()
    let min = Infinity
    let max = -Infinity
    for (const doc of docs) {
      const seen = new Set<string>()
      for (const v of leaves(valuesAt(doc, facet))) {
        const key = typeof v === "number" ? `n:${v}` : `s:${strKey(v)}`
        if (seen.has(key)) continue
        seen.add(key)
        if (typeof v === "number") {
          min = Math.min(min, v)
          max = Math.max(max, v)
        }
        const cur = counts.get(key)
        if (cur) cur.count++
        else counts.set(key, { label: typeof v === "string" ? v.trim() : String(v), count: 1, num: typeof v === "number" ? v : undefined })
      }
    }
    const order = settings.faceting.sortFacetValuesBy[facet] ?? settings.faceting.sortFacetValuesBy["*"] ?? "alpha"
    const alpha = (a: { label: string; num?: number }, b: { label: string; num?: number }) => {
      if (a.num !== undefined && b.num !== undefined) return a.num - b.num
      if (a.num !== undefined) return -1
      if (b.num !== undefined) return 1
      const x = normalizeFacet(a.label)
      const y = normalizeFacet(b.label)
      return x < y ? -1 : x > y ? 1 : 0
    }
    const values = [...counts.values()].sort(order === "count" ? (a, b) => b.count - a.count || alpha(a, b) : alpha)
    const out: Record<string, number> = {}
    for (const v of values.slice(0, settings.faceting.maxValuesPerFacet)) out[v.label] = (out[v.label] ?? 0) + v.count
    distribution[facet] = out
    if (min !== Infinity) stats[facet] = { min, max }
  }
  return { distribution, stats }
}

// ---------------------------------------------------------------------------------------------
// hits: projection, highlighting, cropping, matches position

type Highlighter = (text: string, path: string) => { start: number; end: number }[]

function makeHighlighter(terms: Term[], settings: Settings): Highlighter {
  const typo = settings.typoTolerance
  const { oneTypo, twoTypos } = typo.minWordSizeForTypos
  const disabledWords = new Set(typo.disableOnWords.map(normalizeWord))
  return (text, path) => {
    const toks = tokenize(text)
    const out: { start: number; end: number }[] = []
    const typoOff = !typo.enabled || typo.disableOnAttributes.some((a) => underAttribute(path, a))
    toks.forEach((tok, i) => {
      for (const term of terms) {
        const phrases = term.phrase ? [term.words, ...term.alternatives] : term.alternatives
        for (const ph of phrases) {
          if (ph.every((w, k) => toks[i + k]?.word === w)) {
            for (let k = 0; k < ph.length; k++) out.push({ start: toks[i + k].start, end: toks[i + k].end })
          }
        }
        if (term.phrase) continue
        const word = term.words[0]
        if (tok.word === word) out.push({ start: tok.start, end: tok.end })
        else if (term.prefix && tok.word.startsWith(word)) {
          // Meilisearch highlights only the matched prefix of the word
          const original = Array.from(text.slice(tok.start, tok.end))
          const len = Array.from(word).length
          out.push({ start: tok.start, end: tok.start + original.slice(0, len).join("").length })
        } else {
          const maxTypos =
            typoOff || disabledWords.has(word) || (typo.disableOnNumbers && /^\d+$/.test(word)) ? 0 : allowedTypos(word, oneTypo, twoTypos)
          if (maxTypos > 0 && typoDistance(word, tok.word, term.prefix) <= maxTypos) out.push({ start: tok.start, end: tok.end })
        }
      }
    })
    // merge overlaps
    out.sort((a, b) => a.start - b.start || b.end - a.end)
    const merged: { start: number; end: number }[] = []
    for (const r of out) {
      const last = merged[merged.length - 1]
      if (last && r.start < last.end) last.end = Math.max(last.end, r.end)
      else merged.push({ ...r })
    }
    return merged
  }
}

function listed(list: string[] | undefined, path: string): boolean {
  return !!list && list.some((a) => a === "*" || underAttribute(path, a.split(":")[0]))
}

function cropLengthFor(list: string[] | undefined, path: string, fallback: number): number {
  for (const a of list ?? []) {
    const [attr, len] = a.split(":")
    if ((attr === "*" || underAttribute(path, attr)) && len !== undefined && /^\d+$/.test(len)) return Number(len)
  }
  return fallback
}

function formatText(text: string, path: string, params: SearchParams, highlighter: Highlighter): string {
  const highlight = listed(params.attributesToHighlight, path)
  const crop = listed(params.attributesToCrop, path)
  const ranges = highlighter(text, path)
  let from = 0
  let to = text.length
  let before = ""
  let after = ""
  if (crop) {
    const toks = tokenize(text)
    const len = cropLengthFor(params.attributesToCrop, path, params.cropLength)
    if (toks.length > len) {
      const firstMatch = ranges.length ? toks.findIndex((t) => t.end > ranges[0].start) : 0
      const startTok = Math.max(0, Math.min(firstMatch - Math.floor((len - 1) / 2), toks.length - len))
      const endTok = startTok + len
      from = len === 0 ? 0 : toks[startTok].start
      to = len === 0 ? 0 : toks[endTok - 1].end
      if (startTok > 0) before = params.cropMarker
      if (endTok < toks.length) after = params.cropMarker
    }
  }
  let out = ""
  let cursor = from
  if (highlight) {
    for (const r of ranges) {
      if (r.end <= from || r.start >= to) continue
      const s = Math.max(r.start, from)
      const e = Math.min(r.end, to)
      out += text.slice(cursor, s) + params.highlightPreTag + text.slice(s, e) + params.highlightPostTag
      cursor = e
    }
  }
  out += text.slice(cursor, to)
  return before + out + after
}

function formatValue(value: unknown, path: string, params: SearchParams, highlighter: Highlighter): unknown {
  if (typeof value === "string") return formatText(value, path, params, highlighter)
  if (typeof value === "number") return String(value)
  if (Array.isArray(value)) return value.map((v) => formatValue(v, path, params, highlighter))
  if (isObject(value)) {
    const out: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(value)) out[k] = formatValue(v, `${path}.${k}`, params, highlighter)
    return out
  }
  return value
}

function formatHit(c: DocMatch, params: SearchParams, settings: Settings, highlighter: Highlighter, score: number): Record<string, unknown> {
  const displayed = project(presentVectors(c.doc, params.retrieveVectors), settings.displayedAttributes) as Doc
  const hit = { ...(project(displayed, params.attributesToRetrieve) as Doc) }
  const wantsFormatted = (params.attributesToHighlight?.length ?? 0) > 0 || (params.attributesToCrop?.length ?? 0) > 0
  if (wantsFormatted) {
    const attrs = [
      ...params.attributesToRetrieve,
      ...(params.attributesToHighlight ?? []),
      ...(params.attributesToCrop ?? []).map((a) => a.split(":")[0]),
    ]
    const source = project(displayed, attrs) as Doc
    const formatted: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(source)) if (k !== VECTORS_FIELD) formatted[k] = formatValue(v, k, params, highlighter)
    hit._formatted = formatted
  }
  if (params.showMatchesPosition) {
    const positions: Record<string, { start: number; length: number }[]> = {}
    for (const [path, value] of flattenLeaves(displayed)) {
      if (typeof value !== "string" && typeof value !== "number") continue
      const text = String(value)
      for (const r of highlighter(text, path)) {
        ;(positions[path] ??= []).push({ start: Buffer.byteLength(text.slice(0, r.start)), length: Buffer.byteLength(text.slice(r.start, r.end)) })
      }
    }
    hit._matchesPosition = positions
  }
  if (params.showRankingScore) hit._rankingScore = score
  if (params.showRankingScoreDetails) {
    // Meilisearch details each ranking rule; the fake only reports its overall approximation.
    hit._rankingScoreDetails = {}
  }
  return hit
}
