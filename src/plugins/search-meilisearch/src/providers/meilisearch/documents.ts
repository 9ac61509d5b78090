import type { SearchTypes } from "@medusajs/framework/types"
import { MedusaError, projectDocument, searchValueToBoolean } from "@medusajs/framework/utils"
import { dateToEpoch } from "./filters"
import { COUNT_ATTRIBUTE, type IndexPlan, type PlannedField } from "./plan"

/**
 * Documents as Meilisearch stores them, and back.
 *
 * A document is narrowed to the fields the index declares (nothing else reaches Meilisearch,
 * so nothing else can come back out of `POST /store/search`), keeping its shape: nested objects
 * and arrays of objects stay as they are, which Meilisearch filters and searches with dot
 * notation (`variants.sku`). Leaf values are coerced to the declared type, the way Medusa's
 * Postgres provider coerces them:
 *
 * - `date` → epoch milliseconds, because Meilisearch's `<`, `>`, `TO`, sorting and facet stats
 *   work on numbers. Hits turn them back into ISO 8601 strings.
 * - `integer`/`float` → numbers; `boolean` → booleans; `keyword`/`text` → strings.
 * - `null`, `undefined`, empty arrays and values that do not convert are left out, so
 *   `$exists`/`EXISTS` means "has a value" as on the other providers.
 * - `vector` fields with documents' own embeddings move to `_vectors.<embedder>`.
 *
 * Every document also gets `__medusa_count: 1` (see `COUNT_ATTRIBUTE`).
 */

/** Meilisearch accepts string ids of letters, digits, `-` and `_`, up to 511 bytes, or integers. */
const DOCUMENT_ID = /^[A-Za-z0-9_-]{1,511}$/

export type VectorTarget = {
  /** The embedder the vector field maps to. */
  embedder: string
  /** `true` when Meilisearch embeds the field's text itself; `false` when documents carry vectors. */
  embed: boolean
  dimensions?: number
}

function fail(message: string): never {
  throw new MedusaError(MedusaError.Types.INVALID_DATA, message)
}

function coerceLeaf(field: PlannedField, value: unknown): unknown {
  if (value === null || value === undefined) return undefined
  switch (field.type) {
    case "date":
      return dateToEpoch(value)
    case "integer":
    case "float": {
      const number = typeof value === "number" ? value : typeof value === "string" && value.trim() ? Number(value) : NaN
      return Number.isFinite(number) ? number : undefined
    }
    case "boolean":
      return searchValueToBoolean(value)
    case "keyword":
    case "text":
      if (typeof value === "string") return value
      if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") return String(value)
      if (value instanceof Date) return value.toISOString()
      return undefined
    default:
      return value
  }
}

/**
 * Applies `transform` to every value found at `segments` under `target`, walking through arrays
 * on the way, and removes what comes back `undefined` (and containers left empty by that).
 */
function transformAt(target: Record<string, unknown>, segments: string[], transform: (value: unknown) => unknown): void {
  const [head, ...rest] = segments
  if (!(head in target)) return
  const current = target[head]
  if (!rest.length) {
    const next = Array.isArray(current)
      ? (() => {
          const values = current.flat(Infinity).map(transform).filter((value) => value !== undefined)
          return values.length ? values : undefined
        })()
      : transform(current)
    if (next === undefined) delete target[head]
    else target[head] = next
    return
  }
  const visit = (node: unknown) => {
    if (node && typeof node === "object" && !Array.isArray(node)) transformAt(node as Record<string, unknown>, rest, transform)
  }
  if (Array.isArray(current)) current.forEach(visit)
  else visit(current)
}

/** Reads a path the way the Search Module does, without flattening through arrays (for a vector). */
function readPath(source: unknown, path: string): unknown {
  return path.split(".").reduce<unknown>((value, segment) => (value && typeof value === "object" ? (value as Record<string, unknown>)[segment] : undefined), source)
}

/** The document Meilisearch stores for a Medusa search document. Throws `INVALID_DATA` on an id Meilisearch cannot hold. */
export function toMeilisearchDocument(
  document: SearchTypes.SearchDocument | Record<string, unknown>,
  plan: IndexPlan,
  vectors: Map<string, VectorTarget> = new Map()
): Record<string, unknown> {
  const id = document[plan.primaryKey]
  if (typeof id === "number" ? !Number.isSafeInteger(id) || id < 0 : typeof id !== "string" || !DOCUMENT_ID.test(id)) {
    fail(
      `Search index "${plan.name}": document id ${JSON.stringify(id ?? null)} (field "${plan.primaryKey}") is not one Meilisearch accepts: ` +
        "use letters, digits, - and _ (at most 511 bytes), or a non-negative integer"
    )
  }

  const leaves = [...plan.fields.values()].filter((field) => field.type !== "vector")
  const stored = projectDocument(document as Record<string, unknown>, leaves.map((field) => field.path))
  for (const field of leaves) {
    if (field.path === plan.primaryKey) continue
    transformAt(stored, field.path.split("."), (value) => coerceLeaf(field, value))
  }
  stored[plan.primaryKey] = id

  const embeddings: Record<string, unknown> = {}
  for (const field of plan.fields.values()) {
    if (field.type !== "vector") continue
    const target = vectors.get(field.path)
    if (!target) continue
    const raw = readPath(document, field.path)
    if (target.embed) {
      // Meilisearch embeds the text itself, through the embedder's document template.
      if (typeof raw === "string" && raw.trim()) setPath(stored, field.path, raw.trim())
      continue
    }
    if (raw === undefined || raw === null) {
      embeddings[target.embedder] = null
      continue
    }
    if (!Array.isArray(raw) || raw.some((component) => typeof component !== "number" || !Number.isFinite(component))) {
      fail(`Search index "${plan.name}": vector field "${field.path}" of document "${id}" must be an array of numbers`)
    }
    if (target.dimensions && raw.length !== target.dimensions) {
      fail(`Search index "${plan.name}": vector field "${field.path}" of document "${id}" has ${raw.length} dimensions, expected ${target.dimensions}`)
    }
    embeddings[target.embedder] = raw
  }
  if (Object.keys(embeddings).length) stored._vectors = embeddings

  stored[COUNT_ATTRIBUTE] = 1
  return stored
}

function setPath(target: Record<string, unknown>, path: string, value: unknown) {
  const segments = path.split(".")
  let cursor: Record<string, unknown> = target
  for (const segment of segments.slice(0, -1)) {
    if (!cursor[segment] || typeof cursor[segment] !== "object") cursor[segment] = {}
    cursor = cursor[segment] as Record<string, unknown>
  }
  cursor[segments[segments.length - 1]] = value
}

function epochToIso(value: unknown): unknown {
  if (typeof value !== "number" || !Number.isFinite(value)) return value
  const date = new Date(value)
  return Number.isNaN(date.getTime()) ? value : date.toISOString()
}

/**
 * A hit's `document`: exactly the requested paths (Meilisearch is also asked for the primary
 * key and the highlighted fields, which are dropped unless requested), dates back to ISO 8601,
 * and retrievable vector fields read back from `_vectors`.
 */
export function fromMeilisearchHit(
  hit: Record<string, unknown>,
  plan: IndexPlan,
  attributes: string[],
  vectors: Map<string, VectorTarget> = new Map()
): Record<string, unknown> {
  const document = projectDocument(hit, attributes.filter((path) => plan.fields.get(path)?.type !== "vector"))
  for (const path of attributes) {
    const field = plan.fields.get(path)
    if (field?.type === "date") transformAt(document, path.split("."), epochToIso)
    if (field?.type === "vector") {
      const target = vectors.get(path)
      const entry = target ? (hit._vectors as Record<string, unknown> | undefined)?.[target.embedder] : undefined
      // `_vectors.<embedder>` is `{ embeddings: number[][], regenerate }` (or a bare vector on older versions).
      const embeddings = entry && typeof entry === "object" && !Array.isArray(entry) ? (entry as { embeddings?: unknown }).embeddings : entry
      const vector = Array.isArray(embeddings) && Array.isArray(embeddings[0]) ? embeddings[0] : embeddings
      if (Array.isArray(vector)) setPath(document, path, vector)
    }
  }
  return document
}

