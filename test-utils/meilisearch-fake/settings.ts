/**
 * Index settings (docs "Settings"): defaults, the payload checks Meilisearch makes when the request
 * arrives (wrong types, unknown ranking rules → 400 `invalid_settings_*`, nothing enqueued), and
 * applying an update when its `settingsUpdate` task is processed (null resets a setting to its
 * default; typoTolerance / faceting / pagination are merged field by field). Inconsistent
 * `minWordSizeForTypos` values are only detected while processing, so that task fails.
 */
import { MeiliError } from "./errors"
import type { FilterableRule } from "./filter"
import {
  clone,
  expectBool,
  expectPositiveInt,
  expectStringArray,
  isObject,
  kindOf,
  rejectUnknownFields,
  typeError,
} from "./validate"

export interface TypoTolerance {
  enabled: boolean
  minWordSizeForTypos: { oneTypo: number; twoTypos: number }
  disableOnWords: string[]
  disableOnAttributes: string[]
  disableOnNumbers?: boolean
}

export interface Settings {
  displayedAttributes: string[]
  searchableAttributes: string[]
  filterableAttributes: FilterableRule[]
  sortableAttributes: string[]
  rankingRules: string[]
  stopWords: string[]
  nonSeparatorTokens: string[]
  separatorTokens: string[]
  dictionary: string[]
  synonyms: Record<string, string[]>
  distinctAttribute: string | null
  proximityPrecision: "byWord" | "byAttribute"
  typoTolerance: TypoTolerance
  faceting: { maxValuesPerFacet: number; sortFacetValuesBy: Record<string, "alpha" | "count"> }
  pagination: { maxTotalHits: number }
  embedders: Record<string, unknown>
  searchCutoffMs: number | null
  localizedAttributes: unknown[] | null
  facetSearch: boolean
  prefixSearch: "indexingTime" | "disabled"
}

/**
 * Defaults from the settings reference. Note: Meilisearch releases that introduced the
 * `attributeRank` / `wordPosition` rules list those instead of `attribute` by default, and add
 * `typoTolerance.disableOnNumbers: false`; the fake keeps the classic v1 defaults below.
 */
export function defaultSettings(): Settings {
  return {
    displayedAttributes: ["*"],
    searchableAttributes: ["*"],
    filterableAttributes: [],
    sortableAttributes: [],
    rankingRules: ["words", "typo", "proximity", "attribute", "sort", "exactness"],
    stopWords: [],
    nonSeparatorTokens: [],
    separatorTokens: [],
    dictionary: [],
    synonyms: {},
    distinctAttribute: null,
    proximityPrecision: "byWord",
    typoTolerance: {
      enabled: true,
      minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 },
      disableOnWords: [],
      disableOnAttributes: [],
    },
    faceting: { maxValuesPerFacet: 100, sortFacetValuesBy: { "*": "alpha" } },
    pagination: { maxTotalHits: 1000 },
    embedders: {},
    searchCutoffMs: null,
    localizedAttributes: null,
    facetSearch: true,
    prefixSearch: "indexingTime",
  }
}

export const SETTING_NAMES = Object.keys(defaultSettings()) as (keyof Settings)[]

/** Names accepted in a PATCH /settings body (chat and foreignKeys are accepted and ignored). */
const ACCEPTED_SETTING_NAMES = [...SETTING_NAMES, "chat", "foreignKeys"]

/** `/settings/<route>` → setting name, and whether the route updates with PATCH (else PUT). */
export const SETTING_ROUTES: Record<string, { name: keyof Settings; patch: boolean }> = {
  "displayed-attributes": { name: "displayedAttributes", patch: false },
  "searchable-attributes": { name: "searchableAttributes", patch: false },
  "filterable-attributes": { name: "filterableAttributes", patch: false },
  "sortable-attributes": { name: "sortableAttributes", patch: false },
  "ranking-rules": { name: "rankingRules", patch: false },
  "stop-words": { name: "stopWords", patch: false },
  "non-separator-tokens": { name: "nonSeparatorTokens", patch: false },
  "separator-tokens": { name: "separatorTokens", patch: false },
  dictionary: { name: "dictionary", patch: false },
  synonyms: { name: "synonyms", patch: false },
  "distinct-attribute": { name: "distinctAttribute", patch: false },
  "proximity-precision": { name: "proximityPrecision", patch: false },
  "typo-tolerance": { name: "typoTolerance", patch: true },
  faceting: { name: "faceting", patch: true },
  pagination: { name: "pagination", patch: true },
  embedders: { name: "embedders", patch: true },
  "search-cutoff-ms": { name: "searchCutoffMs", patch: false },
  "localized-attributes": { name: "localizedAttributes", patch: false },
  "facet-search": { name: "facetSearch", patch: false },
  "prefix-search": { name: "prefixSearch", patch: false },
}

export function codeFor(name: string): string {
  return `invalid_settings_${name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}`
}

const BUILT_IN_RULES = ["words", "typo", "proximity", "attribute", "attributeRank", "wordPosition", "sort", "exactness"]

export function isCustomRankingRule(rule: string): RegExpExecArray | null {
  return /^(.+):(asc|desc)$/.exec(rule)
}

function validateRankingRules(value: unknown, path: string): string[] | null | undefined {
  const code = "invalid_settings_ranking_rules"
  const rules = expectStringArray(value, code, path, true)
  if (!rules) return rules
  rules.forEach((rule, i) => {
    if (!BUILT_IN_RULES.includes(rule) && !isCustomRankingRule(rule)) {
      throw new MeiliError(
        code,
        `Invalid value at \`${path}[${i}]\`: \`${rule}\` ranking rule is invalid. Valid ranking rules are words, typo, sort, proximity, attribute, exactness and custom ranking rules.`
      )
    }
  })
  if (rules.includes("attribute") && (rules.includes("attributeRank") || rules.includes("wordPosition"))) {
    throw new MeiliError(
      code,
      "Mixed usage of the attribute, attributeRank, and wordPosition ranking rules. You must either use the attribute ranking rule alone or the attributeRank and wordPosition ranking rules."
    )
  }
  return rules
}

function validateFilterable(value: unknown, path: string): FilterableRule[] | null | undefined {
  const code = "invalid_settings_filterable_attributes"
  if (value === undefined || value === null) return value as null | undefined
  if (!Array.isArray(value)) throw typeError(code, path, "an array", value)
  return value.map((rule, i) => {
    if (typeof rule === "string") return rule
    if (!isObject(rule)) throw typeError(code, `${path}[${i}]`, "a string or an object", rule)
    rejectUnknownFields(rule, ["attributePatterns", "features"], code, `${path}[${i}]`)
    const patterns = expectStringArray(rule.attributePatterns, code, `${path}[${i}].attributePatterns`)
    if (!patterns) throw new MeiliError(code, `Missing field \`attributePatterns\` inside \`${path}[${i}]\``)
    if (rule.features !== undefined && !isObject(rule.features)) throw typeError(code, `${path}[${i}].features`, "an object", rule.features)
    return clone(rule) as FilterableRule
  })
}

function validateSynonyms(value: unknown, path: string): Record<string, string[]> | null | undefined {
  const code = "invalid_settings_synonyms"
  if (value === undefined || value === null) return value as null | undefined
  if (!isObject(value)) throw typeError(code, path, "an object", value)
  for (const [key, list] of Object.entries(value)) expectStringArray(list, code, `${path}.${key}`)
  return clone(value) as Record<string, string[]>
}

function validateTypo(value: unknown, path: string): Partial<TypoTolerance> | null | undefined {
  const code = "invalid_settings_typo_tolerance"
  if (value === undefined || value === null) return value as null | undefined
  if (!isObject(value)) throw typeError(code, path, "an object", value)
  rejectUnknownFields(value, ["enabled", "minWordSizeForTypos", "disableOnWords", "disableOnAttributes", "disableOnNumbers"], code, path)
  expectBool(value.enabled ?? undefined, code, `${path}.enabled`)
  expectBool(value.disableOnNumbers ?? undefined, code, `${path}.disableOnNumbers`)
  expectStringArray(value.disableOnWords, code, `${path}.disableOnWords`, true)
  expectStringArray(value.disableOnAttributes, code, `${path}.disableOnAttributes`, true)
  const min = value.minWordSizeForTypos
  if (min !== undefined && min !== null) {
    if (!isObject(min)) throw typeError(code, `${path}.minWordSizeForTypos`, "an object", min)
    rejectUnknownFields(min, ["oneTypo", "twoTypos"], code, `${path}.minWordSizeForTypos`)
    for (const k of ["oneTypo", "twoTypos"]) {
      const v = expectPositiveInt(min[k], code, `${path}.minWordSizeForTypos.${k}`, true)
      if (typeof v === "number" && v > 255) {
        throw new MeiliError(code, `Invalid value at \`${path}.minWordSizeForTypos.${k}\`: value: \`${v}\` is too large to be deserialized, maximum value authorized is \`255\``)
      }
    }
  }
  return clone(value) as Partial<TypoTolerance>
}

function validateFaceting(value: unknown, path: string): Record<string, unknown> | null | undefined {
  const code = "invalid_settings_faceting"
  if (value === undefined || value === null) return value as null | undefined
  if (!isObject(value)) throw typeError(code, path, "an object", value)
  rejectUnknownFields(value, ["maxValuesPerFacet", "sortFacetValuesBy"], code, path)
  expectPositiveInt(value.maxValuesPerFacet, code, `${path}.maxValuesPerFacet`, true)
  const by = value.sortFacetValuesBy
  if (by !== undefined && by !== null) {
    if (!isObject(by)) throw typeError(code, `${path}.sortFacetValuesBy`, "an object", by)
    for (const [facet, order] of Object.entries(by)) {
      if (typeof order !== "string") throw typeError(code, `${path}.sortFacetValuesBy.${facet}`, "a string", order)
      if (order !== "alpha" && order !== "count") {
        throw new MeiliError(code, `Unknown value \`${order}\` at \`${path}.sortFacetValuesBy.${facet}\`: expected one of \`alpha\`, \`count\``)
      }
    }
  }
  return clone(value)
}

function validatePagination(value: unknown, path: string): Record<string, unknown> | null | undefined {
  const code = "invalid_settings_pagination"
  if (value === undefined || value === null) return value as null | undefined
  if (!isObject(value)) throw typeError(code, path, "an object", value)
  rejectUnknownFields(value, ["maxTotalHits"], code, path)
  const max = expectPositiveInt(value.maxTotalHits, code, `${path}.maxTotalHits`, true)
  if (max === 0) {
    throw new MeiliError(code, `Invalid value at \`${path}.maxTotalHits\`: a non-zero integer value lower than \`18446744073709551615\` was expected, but found a zero`)
  }
  return clone(value)
}

function validateEnum(value: unknown, code: string, path: string, allowed: string[]): string | null | undefined {
  if (value === undefined || value === null) return value as null | undefined
  if (typeof value !== "string") throw typeError(code, path, "a string", value)
  if (!allowed.includes(value)) {
    throw new MeiliError(code, `Unknown value \`${value}\`${path ? ` at \`${path}\`` : ""}: expected one of ${allowed.map((a) => `\`${a}\``).join(", ")}`)
  }
  return value
}

/**
 * Checks one setting's payload value; `path` is "" for the dedicated route and ".name" inside a
 * PATCH /settings body. Returns the value to store (null = reset to default).
 */
export function validateSetting(name: string, value: unknown, path: string): unknown {
  const code = codeFor(name)
  switch (name) {
    case "displayedAttributes":
    case "searchableAttributes":
    case "sortableAttributes":
    case "stopWords":
    case "nonSeparatorTokens":
    case "separatorTokens":
    case "dictionary":
      return expectStringArray(value, code, path, true)
    case "filterableAttributes":
      return validateFilterable(value, path)
    case "rankingRules":
      return validateRankingRules(value, path)
    case "synonyms":
      return validateSynonyms(value, path)
    case "distinctAttribute":
      if (value !== null && typeof value !== "string") throw typeError(code, path, "a string", value)
      return value
    case "proximityPrecision":
      return validateEnum(value, code, path, ["byWord", "byAttribute"])
    case "typoTolerance":
      return validateTypo(value, path)
    case "faceting":
      return validateFaceting(value, path)
    case "pagination":
      return validatePagination(value, path)
    case "embedders":
      if (value !== null && !isObject(value)) throw typeError(code, path, "an object", value)
      return clone(value)
    case "searchCutoffMs":
      return expectPositiveInt(value, code, path, true)
    case "localizedAttributes":
      if (value !== null && !Array.isArray(value)) throw typeError(code, path, "an array", value)
      return clone(value)
    case "facetSearch":
      if (value !== null && typeof value !== "boolean") throw typeError(code, path, "a boolean", value)
      return value
    case "prefixSearch":
      return validateEnum(value, code, path, ["indexingTime", "disabled"])
    case "chat":
    case "foreignKeys":
      return clone(value)
  }
  throw new MeiliError("bad_request", `Unknown field \`${name}\``)
}

/** A PATCH /settings body → the validated update (only the fields sent). */
export function validateSettingsBody(body: unknown): Record<string, unknown> {
  if (!isObject(body)) throw typeError("bad_request", "", "an object", body)
  rejectUnknownFields(body, ACCEPTED_SETTING_NAMES)
  const out: Record<string, unknown> = {}
  for (const [name, value] of Object.entries(body)) {
    if (value === undefined) continue
    out[name] = validateSetting(name, value, `.${name}`)
  }
  return out
}

/** Applies a validated update to `current` (processing time). Throws a task error when inconsistent. */
export function applySettings(current: Settings, update: Record<string, unknown>): Settings {
  const next = clone(current)
  const defaults = defaultSettings()
  const target = next as unknown as Record<string, unknown>
  for (const [name, value] of Object.entries(update)) {
    if (!(SETTING_NAMES as string[]).includes(name)) continue // chat / foreignKeys: accepted, not modelled
    const key = name as keyof Settings
    if (value === null) {
      target[key] = clone(defaults[key])
      continue
    }
    switch (key) {
      case "typoTolerance": {
        const v = value as Record<string, any>
        const t = next.typoTolerance
        if (v.enabled !== undefined) t.enabled = v.enabled ?? true
        if (v.disableOnWords !== undefined) t.disableOnWords = [...new Set<string>(v.disableOnWords ?? [])].sort()
        if (v.disableOnAttributes !== undefined) t.disableOnAttributes = [...new Set<string>(v.disableOnAttributes ?? [])].sort()
        if (v.disableOnNumbers !== undefined) t.disableOnNumbers = v.disableOnNumbers ?? false
        if (v.minWordSizeForTypos === null) t.minWordSizeForTypos = clone(defaults.typoTolerance.minWordSizeForTypos)
        else if (v.minWordSizeForTypos !== undefined) {
          const m = v.minWordSizeForTypos
          if (m.oneTypo !== undefined) t.minWordSizeForTypos.oneTypo = m.oneTypo ?? 5
          if (m.twoTypos !== undefined) t.minWordSizeForTypos.twoTypos = m.twoTypos ?? 9
        }
        const { oneTypo, twoTypos } = t.minWordSizeForTypos
        if (oneTypo > twoTypos) {
          throw new MeiliError(
            "invalid_settings_typo_tolerance",
            `\`minWordSizeForTypos\` setting is invalid. \`oneTypo\` and \`twoTypos\` fields should be between \`0\` and \`255\`, and \`twoTypos\` should be greater or equals to \`oneTypo\` but found \`oneTypo: ${oneTypo}\` and twoTypos: ${twoTypos}\`.`
          )
        }
        break
      }
      case "faceting": {
        const v = value as Record<string, any>
        if (v.maxValuesPerFacet !== undefined) next.faceting.maxValuesPerFacet = v.maxValuesPerFacet ?? 100
        if (v.sortFacetValuesBy === null) next.faceting.sortFacetValuesBy = { "*": "alpha" }
        else if (v.sortFacetValuesBy !== undefined) Object.assign(next.faceting.sortFacetValuesBy, v.sortFacetValuesBy)
        break
      }
      case "pagination": {
        const v = value as Record<string, any>
        if (v.maxTotalHits !== undefined) next.pagination.maxTotalHits = v.maxTotalHits ?? 1000
        break
      }
      case "embedders": {
        for (const [embedder, conf] of Object.entries(value as Record<string, unknown>)) {
          if (conf === null) delete next.embedders[embedder]
          else next.embedders[embedder] = clone(conf)
        }
        break
      }
      // Meilisearch keeps these as sets: returned deduplicated and sorted
      case "sortableAttributes":
      case "stopWords":
      case "nonSeparatorTokens":
      case "separatorTokens":
      case "dictionary":
        target[key] = [...new Set(value as string[])].sort()
        break
      case "synonyms": {
        const sorted: Record<string, string[]> = {}
        for (const k of Object.keys(value as object).sort()) sorted[k] = [...new Set((value as Record<string, string[]>)[k])].sort()
        next.synonyms = sorted
        break
      }
      case "displayedAttributes":
      case "searchableAttributes":
        target[key] = (value as string[]).includes("*") ? ["*"] : [...new Set(value as string[])]
        break
      default:
        target[key] = clone(value)
    }
  }
  return next
}

/** The value a dedicated settings route returns. */
export function settingView(settings: Settings, name: keyof Settings): unknown {
  return clone(settings[name])
}

export function settingsView(settings: Settings): Record<string, unknown> {
  return clone(settings) as unknown as Record<string, unknown>
}

export { kindOf }
