import type { SearchTypes } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import type { IndexPlan, PlannedField } from "./plan"

/**
 * Compiles Medusa's filter tree (`SearchTypes.SearchFilters`) into a Meilisearch filter
 * expression string.
 *
 * Security: filters reach this code from `POST /store/search`, i.e. from anyone. No value is
 * ever written into the expression bare. Every value — strings, numbers, booleans and dates
 * alike — is emitted double-quoted, with `\` and `"` backslash-escaped (Meilisearch's filter
 * parser ends a quoted value at the first unescaped `"`, then unescapes `\"` and `\\`), so a
 * value such as `x" OR status = "draft` or `) OR (1` stays one literal. Attribute names are
 * never taken from the input as such: each is looked up in the index definition (unknown or
 * non-filterable → `INVALID_DATA` naming it) and quoted unless it is a plain word.
 *
 * Semantics follow Medusa's own providers: a bare value or `$eq` on an array field means "the
 * array contains it"; `null` means "no value" (`IS NULL` or `NOT EXISTS`); `$in: []` matches
 * nothing and `$nin: []` everything; `$prefix` and `$like` are rejected — Meilisearch's only
 * substring operators (`CONTAINS`, `STARTS WITH`) are experimental, off by default, and differ
 * in case and normalisation from what Medusa means.
 */

/** A compiled filter, before rendering. `true`/`false` are constants folded away on render. */
export type FilterNode =
  | { kind: "true" }
  | { kind: "false" }
  | { kind: "atom"; text: string }
  | { kind: "and"; nodes: FilterNode[] }
  | { kind: "or"; nodes: FilterNode[] }
  | { kind: "not"; node: FilterNode }

export const TRUE: FilterNode = { kind: "true" }
export const FALSE: FilterNode = { kind: "false" }

/**
 * How deep `$and`/`$or`/`$not` may nest. Meilisearch refuses expressions nested deeper than
 * its parser's limit (200 grammar levels, about four per parenthesis); a storefront never needs
 * more than a handful, and a crafted request gets a clear 400 instead of an engine error.
 */
export const MAX_FILTER_DEPTH = 12

type Operator = SearchTypes.SearchFilterOperator
type FilterValue = SearchTypes.SearchFilterValue

const OPERATORS = new Set<Operator>([
  "$eq",
  "$ne",
  "$in",
  "$nin",
  "$lt",
  "$lte",
  "$gt",
  "$gte",
  "$exists",
  "$contains",
  "$overlaps",
  "$prefix",
  "$like",
])

/** What the compiler needs to know about the index. `loose` is for a delete on an index whose definition this process has not seen (see `service.ts`). */
export type FilterSchema = Pick<IndexPlan, "name" | "primaryKey" | "fields" | "objects"> & {
  /** Field types unknown: values are emitted by their JavaScript type, any known attribute accepted. */
  loose?: boolean
}

function invalid(message: string): never {
  throw new MedusaError(MedusaError.Types.INVALID_DATA, message)
}

/* ---------------------------------- quoting --------------------------------- */

/** A value as a Meilisearch filter literal: double-quoted, `\` and `"` escaped. Nothing else is special inside quotes. */
export function quoteFilterValue(value: string): string {
  return `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`
}

const FILTER_KEYWORDS = new Set([
  "AND",
  "OR",
  "IN",
  "NOT",
  "TO",
  "EXISTS",
  "IS",
  "NULL",
  "EMPTY",
  "CONTAINS",
  "STARTS",
  "WITH",
  "_geoRadius",
  "_geoBoundingBox",
  "_geoPoint",
  "_geoDistance",
  "_geo",
  "_vectors",
])

/** An attribute name as it goes into a filter: bare when it is a plain word, quoted otherwise. */
export function formatAttribute(path: string): string {
  // Quoted when it is not a plain word, is a keyword, or starts with `_` (Meilisearch parses `_geo…` and `_vectors…` specially).
  return /^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(path) && !FILTER_KEYWORDS.has(path) ? path : quoteFilterValue(path)
}

/* ------------------------------ value coercion ------------------------------ */

function describe(value: unknown): string {
  if (value instanceof Date) return value.toISOString()
  try {
    return JSON.stringify(value) ?? String(value)
  } catch {
    return String(value)
  }
}

/** A date filter value as the epoch milliseconds documents store it as (see `documents.ts`). */
export function dateToEpoch(value: unknown): number | undefined {
  if (value instanceof Date) return Number.isFinite(value.getTime()) ? value.getTime() : undefined
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined
  if (typeof value === "string" && value.trim()) {
    const trimmed = value.trim()
    if (/^-?\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed)
    const parsed = Date.parse(trimmed)
    return Number.isNaN(parsed) ? undefined : parsed
  }
  return undefined
}

/**
 * The literal for one non-null value on `field`, converted to how the field is stored: dates
 * as epoch milliseconds, numbers as numbers, booleans as `true`/`false`, text as text.
 * Always quoted (Meilisearch reads a number out of a quoted token as well).
 */
export function filterLiteral(schema: FilterSchema, field: PlannedField, value: unknown): string {
  const where = `filter value ${describe(value)} for "${field.path}" on search index "${schema.name}"`
  if (value === null || value === undefined) invalid(`A ${where} is empty`)
  if (typeof value === "object" && !(value instanceof Date)) invalid(`The ${where} must be a single value, not an object or a list`)

  if (schema.loose) {
    if (value instanceof Date) return quoteFilterValue(String(value.getTime()))
    if (typeof value === "number" && !Number.isFinite(value)) invalid(`The ${where} must be a finite number`)
    return quoteFilterValue(String(value))
  }

  switch (field.type) {
    case "date": {
      const epoch = dateToEpoch(value)
      if (epoch === undefined) invalid(`The ${where} must be a date: a Date, an ISO 8601 string or epoch milliseconds`)
      return quoteFilterValue(String(epoch))
    }
    case "integer":
    case "float": {
      const number = typeof value === "number" ? value : typeof value === "string" && value.trim() ? Number(value.trim()) : NaN
      if (!Number.isFinite(number)) invalid(`The ${where} must be a finite number`)
      return quoteFilterValue(String(number))
    }
    case "boolean": {
      if (typeof value === "boolean") return quoteFilterValue(String(value))
      if (value === "true" || value === "false") return quoteFilterValue(value)
      return invalid(`The ${where} must be true or false`)
    }
    case "keyword":
    case "text":
      return quoteFilterValue(value instanceof Date ? value.toISOString() : String(value))
    default:
      return invalid(`Field "${field.path}" of type "${field.type}" cannot be filtered on search index "${schema.name}"`)
  }
}

/* --------------------------------- builders --------------------------------- */

const atom = (text: string): FilterNode => ({ kind: "atom", text })

export function and(nodes: FilterNode[]): FilterNode {
  const kept: FilterNode[] = []
  for (const node of nodes) {
    if (node.kind === "false") return FALSE
    if (node.kind === "true") continue
    if (node.kind === "and") kept.push(...node.nodes)
    else kept.push(node)
  }
  if (!kept.length) return TRUE
  return kept.length === 1 ? kept[0] : { kind: "and", nodes: kept }
}

export function or(nodes: FilterNode[]): FilterNode {
  const kept: FilterNode[] = []
  for (const node of nodes) {
    if (node.kind === "true") return TRUE
    if (node.kind === "false") continue
    if (node.kind === "or") kept.push(...node.nodes)
    else kept.push(node)
  }
  if (!kept.length) return FALSE
  return kept.length === 1 ? kept[0] : { kind: "or", nodes: kept }
}

export function not(node: FilterNode): FilterNode {
  if (node.kind === "true") return FALSE
  if (node.kind === "false") return TRUE
  if (node.kind === "not") return node.node
  return { kind: "not", node }
}

/** `field EXISTS` / `field NOT EXISTS`. */
export function existsNode(field: PlannedField, exists: boolean): FilterNode {
  return atom(`${formatAttribute(field.path)} ${exists ? "EXISTS" : "NOT EXISTS"}`)
}

/** "Has no value": documents never store `null` (see `documents.ts`), but one written by other means might. */
function nullNode(field: PlannedField): FilterNode {
  const name = formatAttribute(field.path)
  return or([atom(`${name} IS NULL`), atom(`${name} NOT EXISTS`)])
}

function equalsNode(schema: FilterSchema, field: PlannedField, value: unknown): FilterNode {
  if (value === null) return nullNode(field)
  return atom(`${formatAttribute(field.path)} = ${filterLiteral(schema, field, value)}`)
}

function anyOfNode(schema: FilterSchema, field: PlannedField, values: unknown[]): FilterNode {
  const present = values.filter((value) => value !== null && value !== undefined)
  const parts: FilterNode[] = []
  if (present.length === 1) parts.push(equalsNode(schema, field, present[0]))
  if (present.length > 1) {
    const literals = [...new Set(present.map((value) => filterLiteral(schema, field, value)))]
    parts.push(atom(`${formatAttribute(field.path)} IN [${literals.join(", ")}]`))
  }
  if (present.length !== values.length) parts.push(nullNode(field))
  // `$in: []` selects nothing, never everything.
  return or(parts)
}

/** `field op value` for a range operator; exported for the range facets, which reuse it. */
export function comparisonNode(schema: FilterSchema, field: PlannedField, operator: "<" | "<=" | ">" | ">=", value: unknown): FilterNode {
  if (value === null || value === undefined) invalid(`Field "${field.path}" cannot be compared with null on search index "${schema.name}"`)
  if (!schema.loose && field.type === "boolean") invalid(`Boolean field "${field.path}" cannot be compared with ${operator} on search index "${schema.name}"`)
  return atom(`${formatAttribute(field.path)} ${operator} ${filterLiteral(schema, field, value)}`)
}

// A single value where a list is expected is read as a one-value list, as Medusa's Postgres provider does.
function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [value]
}

function requireArrayField(schema: FilterSchema, operator: string, field: PlannedField) {
  if (!schema.loose && !field.array) invalid(`Operator ${operator} needs an array field, and "${field.path}" is not one on search index "${schema.name}"`)
}

function operatorNode(schema: FilterSchema, field: PlannedField, operator: string, value: unknown): FilterNode {
  switch (operator) {
    case "$eq":
      return equalsNode(schema, field, value)
    case "$ne":
      // Documents without the field are "not equal" too, as in Medusa's Postgres provider.
      return value === null ? not(nullNode(field)) : atom(`${formatAttribute(field.path)} != ${filterLiteral(schema, field, value)}`)
    case "$in":
      return anyOfNode(schema, field, asList(value))
    case "$nin":
      return not(anyOfNode(schema, field, asList(value)))
    case "$lt":
      return comparisonNode(schema, field, "<", value)
    case "$lte":
      return comparisonNode(schema, field, "<=", value)
    case "$gt":
      return comparisonNode(schema, field, ">", value)
    case "$gte":
      return comparisonNode(schema, field, ">=", value)
    case "$exists":
      if (typeof value !== "boolean") invalid(`Operator $exists on "${field.path}" expects true or false`)
      return existsNode(field, value)
    case "$contains": {
      requireArrayField(schema, operator, field)
      const values = Array.isArray(value) ? value : [value]
      if (values.some((entry) => entry === null || entry === undefined)) invalid(`Operator $contains on "${field.path}" cannot look for null`)
      // Every value present: one equality per value (an array field equals a value when it holds it).
      return and(values.map((entry) => equalsNode(schema, field, entry)))
    }
    case "$overlaps": {
      requireArrayField(schema, operator, field)
      const values = asList(value)
      if (values.some((entry) => entry === null || entry === undefined)) invalid(`Operator $overlaps on "${field.path}" cannot look for null`)
      return anyOfNode(schema, field, values)
    }
    case "$prefix":
    case "$like":
      return invalid(
        `The Meilisearch search provider does not support ${operator} (on "${field.path}"): Meilisearch has no prefix or substring filter. Use the free-text query "q" instead`
      )
    default:
      return invalid(`Unknown filter operator "${operator}" on "${field.path}"`)
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date)
}

function lookupField(schema: FilterSchema, path: string): PlannedField {
  const field = schema.fields.get(path)
  if (!field) invalid(`Unknown filter field "${path}" on search index "${schema.name}"`)
  if (!schema.loose && !field.filterable && path !== schema.primaryKey) {
    invalid(`Field "${path}" is not filterable on search index "${schema.name}"; mark it filterable in the index definition`)
  }
  if (!schema.loose && (field.type === "vector" || field.type === "geo")) {
    invalid(`Field "${path}" of type "${field.type}" cannot be filtered on search index "${schema.name}"`)
  }
  return field
}

function fieldNode(schema: FilterSchema, path: string, raw: unknown): FilterNode {
  const field = lookupField(schema, path)
  if (raw === null || typeof raw !== "object" || raw instanceof Date) return equalsNode(schema, field, raw)
  if (Array.isArray(raw)) return anyOfNode(schema, field, raw)

  const entries = Object.entries(raw).filter(([, value]) => value !== undefined)
  if (!entries.length) invalid(`Empty operator map on filter field "${path}" of search index "${schema.name}"`)
  return and(
    entries.map(([operator, value]) => {
      if (!OPERATORS.has(operator as Operator)) invalid(`Unknown filter operator "${operator}" on "${path}"`)
      return operatorNode(schema, field, operator, value)
    })
  )
}

/** Builds the (simplified) filter tree. Throws `INVALID_DATA` on anything the index cannot filter by. */
export function buildFilterTree(filters: SearchTypes.SearchFilters | undefined, schema: FilterSchema): FilterNode {
  if (!filters) return TRUE

  const compile = (branch: unknown, depth: number, prefix = ""): FilterNode => {
    if (depth > MAX_FILTER_DEPTH) invalid(`Search filters nest $and/$or/$not deeper than ${MAX_FILTER_DEPTH} levels`)
    if (!isPlainObject(branch)) invalid(`A search filter must be an object of fields, got ${describe(branch)}`)

    const parts: FilterNode[] = []
    for (const [key, value] of Object.entries(branch)) {
      if (value === undefined || (key === "q" && !prefix)) continue
      if (key === "$and" || key === "$or") {
        if (!Array.isArray(value)) invalid(`${key} expects a list of filters`)
        // An empty $or/$and constrains nothing (as in Medusa's own providers); `$in: []` is what selects nothing.
        if (!value.length) continue
        const nested = value.map((item) => compile(item, depth + 1))
        parts.push(key === "$and" ? and(nested) : or(nested))
        continue
      }
      if (key === "$not") {
        if (!isPlainObject(value) || !Object.keys(value).length) continue
        parts.push(not(compile(value, depth + 1)))
        continue
      }
      if (key.startsWith("$")) invalid(`Unknown filter operator "${key}" where a field was expected`)

      const path = prefix ? `${prefix}.${key}` : key
      // `{ price: { eur: { $lt: 50 } } }` is the nested form of `{ "price.eur": { $lt: 50 } }`.
      if (schema.objects.has(path) && !schema.fields.has(path) && isPlainObject(value) && !Object.keys(value).some((entry) => entry.startsWith("$"))) {
        parts.push(compile(value, depth + 1, path))
        continue
      }
      parts.push(fieldNode(schema, path, value))
    }
    return and(parts)
  }

  return compile(filters, 0)
}

/* --------------------------------- rendering -------------------------------- */

function render(node: FilterNode): string {
  switch (node.kind) {
    case "atom":
      return node.text
    case "not":
      return node.node.kind === "atom" ? `NOT ${node.node.text}` : `NOT (${render(node.node)})`
    case "and":
      return node.nodes.map((child) => (child.kind === "or" ? `(${render(child)})` : render(child))).join(" AND ")
    case "or":
      // AND binds tighter than OR in Meilisearch too; the parentheses are for whoever reads the logs.
      return node.nodes.map((child) => (child.kind === "and" ? `(${render(child)})` : render(child))).join(" OR ")
    default:
      throw new Error(`Unexpected constant in a filter tree: ${node.kind}`)
  }
}

/**
 * The Meilisearch filter string for a tree, `undefined` when it constrains nothing. A tree that
 * can match nothing (`$in: []`) renders as `<primary key> NOT EXISTS`: the primary key is always
 * filterable (see `settings.ts`) and present on every document.
 */
export function renderFilter(node: FilterNode, schema: Pick<FilterSchema, "primaryKey">): string | undefined {
  if (node.kind === "true") return undefined
  if (node.kind === "false") return `${formatAttribute(schema.primaryKey)} NOT EXISTS`
  return render(node)
}

/** `renderFilter(buildFilterTree(filters))`. */
export function compileFilters(filters: SearchTypes.SearchFilters | undefined, schema: FilterSchema): string | undefined {
  return renderFilter(buildFilterTree(filters, schema), schema)
}

export type { FilterValue }
