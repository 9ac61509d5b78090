/**
 * Document helpers: nested-field access (Meilisearch flattens nested objects into dotted paths,
 * docs "Documents" → "Nested fields"), primary key inference and document id validation
 * (docs "Primary key"), attribute projection (displayedAttributes / attributesToRetrieve / fields).
 */
import { MeiliError } from "./errors"
import { isObject } from "./validate"

export type Doc = Record<string, unknown>

/** Raw values found at a dotted path; walks nested objects, arrays of objects and dotted keys. */
export function valuesAt(doc: unknown, path: string): unknown[] {
  const out: unknown[] = []
  const visit = (o: unknown, p: string) => {
    if (Array.isArray(o)) {
      for (const el of o) visit(el, p)
      return
    }
    if (!isObject(o)) return
    for (const key of Object.keys(o)) {
      if (key === p) out.push(o[key])
      else if (p.startsWith(`${key}.`)) visit(o[key], p.slice(key.length + 1))
    }
  }
  visit(doc, path)
  return out
}

/** Primitive (string / number / boolean) values inside raw values, arrays flattened. */
export function leaves(values: unknown[]): (string | number | boolean)[] {
  const out: (string | number | boolean)[] = []
  const visit = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(visit)
    else if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") out.push(v)
  }
  values.forEach(visit)
  return out
}

/** The reserved field holding user-provided embeddings (docs "AI-powered search"); never searchable. */
export const VECTORS_FIELD = "_vectors"

/** Every [path, primitive] pair of a document, in document order (arrays flattened; `_vectors` skipped). */
export function flattenLeaves(doc: Doc): [string, string | number | boolean][] {
  const out: [string, string | number | boolean][] = []
  const visit = (v: unknown, path: string) => {
    if (Array.isArray(v)) v.forEach((el) => visit(el, path))
    else if (isObject(v)) for (const k of Object.keys(v)) (path || k !== VECTORS_FIELD) && visit(v[k], path ? `${path}.${k}` : k)
    else if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") out.push([path, v])
  }
  visit(doc, "")
  return out
}

/** Every field path of a document (parents of nested fields included; `_vectors` skipped), in document order. */
export function fieldPaths(doc: Doc): string[] {
  const out = new Set<string>()
  const visit = (v: unknown, path: string) => {
    if (path) out.add(path)
    if (Array.isArray(v)) v.forEach((el) => (isObject(el) || Array.isArray(el) ? visit(el, path) : undefined))
    else if (isObject(v)) for (const k of Object.keys(v)) (path || k !== VECTORS_FIELD) && visit(v[k], path ? `${path}.${k}` : k)
  }
  visit(doc, "")
  return [...out]
}

/** The embeddings of `doc` for `embedder`: `_vectors.<name>` may be one vector, several, or `{ embeddings, regenerate }`. */
export function embeddingsOf(doc: Doc, embedder: string): number[][] {
  const vectors = doc[VECTORS_FIELD]
  if (!isObject(vectors)) return []
  let value = vectors[embedder]
  if (isObject(value)) value = value.embeddings
  if (!Array.isArray(value) || value.length === 0) return []
  return (Array.isArray(value[0]) ? value : [value]) as number[][]
}

/**
 * A stored document as the documents and search routes show it: `_vectors` only with
 * `retrieveVectors`, then as `{ "<embedder>": { embeddings: [[…]], regenerate: false } }`.
 */
export function presentVectors(doc: Doc, retrieveVectors: boolean): Doc {
  if (!(VECTORS_FIELD in doc)) return doc
  const { [VECTORS_FIELD]: vectors, ...rest } = doc
  if (!retrieveVectors) return rest
  const shown: Record<string, unknown> = {}
  if (isObject(vectors)) {
    for (const name of Object.keys(vectors)) {
      const regenerate = isObject(vectors[name]) && typeof vectors[name].regenerate === "boolean" ? vectors[name].regenerate : false
      shown[name] = { embeddings: embeddingsOf(doc, name), regenerate }
    }
  }
  return { ...rest, [VECTORS_FIELD]: shown }
}

/** Does `field` fall under attribute `attr` (same field, or a nested field of it)? */
export function underAttribute(field: string, attr: string): boolean {
  return attr === "*" || field === attr || field.startsWith(`${attr}.`)
}

/**
 * The attributes of `doc` selected by `attrs` (["*"] = everything). Nested selection works both
 * ways: "price" keeps the whole `price` object, "price.eur" keeps only that sub-field.
 */
export function project(doc: unknown, attrs: readonly string[]): any {
  if (attrs.includes("*")) return doc
  if (Array.isArray(doc)) {
    return doc.filter((el) => isObject(el) || Array.isArray(el)).map((el) => project(el, attrs))
  }
  if (!isObject(doc)) return undefined
  const out: Doc = {}
  for (const key of Object.keys(doc)) {
    if (attrs.some((a) => a === key || key.startsWith(`${a}.`))) {
      out[key] = doc[key]
      continue
    }
    const sub = attrs.filter((a) => a.startsWith(`${key}.`)).map((a) => a.slice(key.length + 1))
    if (sub.length && (isObject(doc[key]) || Array.isArray(doc[key]))) {
      const picked = project(doc[key], sub)
      if (Array.isArray(picked) ? picked.length : picked && Object.keys(picked).length) out[key] = picked
    }
  }
  return out
}

// ---- primary key & document ids ----

/**
 * docs "Primary key" → "Meilisearch guesses your primary key": attributes of the first document
 * whose name ends with "id" (case-insensitive); none or several → the addition fails.
 */
export function inferPrimaryKey(first: Doc | undefined): string {
  const candidates = first ? Object.keys(first).filter((k) => k.toLowerCase().endsWith("id")).sort() : []
  if (candidates.length === 1) return candidates[0]
  if (candidates.length === 0) {
    throw new MeiliError(
      "index_primary_key_no_candidate_found",
      "The primary key inference failed as the engine did not find any field ending with `id` in its name. Please specify the primary key manually using the `primaryKey` query parameter."
    )
  }
  throw new MeiliError(
    "index_primary_key_multiple_candidates_found",
    `The primary key inference failed as the engine found ${candidates.length} fields ending with \`id\` in their names: '${candidates[0]}' and '${candidates[1]}'. Please specify the primary key manually using the \`primaryKey\` query parameter.`
  )
}

/** docs: "The document id must be an integer or a string … only alphanumeric characters, hyphens and underscores". */
export function documentIdOf(doc: Doc, primaryKey: string): string {
  const values = primaryKey.includes(".") && !(primaryKey in doc) ? valuesAt(doc, primaryKey) : primaryKey in doc ? [doc[primaryKey]] : []
  if (values.length === 0) {
    throw new MeiliError(
      "missing_document_id",
      `Document doesn't have a \`${primaryKey}\` attribute: \`${JSON.stringify(doc)}\`.`
    )
  }
  const id = values[0]
  if (typeof id === "number" && Number.isSafeInteger(id)) return String(id)
  if (typeof id === "string" && id.length > 0 && Buffer.byteLength(id) < 512 && /^[a-zA-Z0-9_-]+$/.test(id)) return id
  throw new MeiliError(
    "invalid_document_id",
    `Document identifier \`${JSON.stringify(id)}\` is invalid. A document identifier can be of type integer or string, only composed of alphanumeric characters (a-z A-Z 0-9), hyphens (-) and underscores (_), and can not be more than 511 bytes.`
  )
}
