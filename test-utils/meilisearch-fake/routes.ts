/**
 * Route handlers, one per documented endpoint. Each handler validates the request synchronously
 * (400 answers for malformed payloads, 404 for missing indexes on reads) and either answers
 * directly or enqueues a task whose `run` applies the change when the queue reaches it.
 */
import { indexAlreadyExists, indexNotFound, INDEX_UID_RULE, isValidIndexUid, MeiliError } from "./errors"
import { Doc, documentIdOf, embeddingsOf, inferPrimaryKey, leaves, presentVectors, project, valuesAt, VECTORS_FIELD } from "./documents"
import { checkFilterable, filterablePatterns, matches, matchRule, parseFilterParam, patternMatches, rejectContains } from "./filter"
import { parseSearchBody, parseSearchQuery, search, SearchParams, SEARCH_FIELDS } from "./search"
import {
  applySettings,
  defaultSettings,
  SETTING_NAMES,
  SETTING_ROUTES,
  settingsView,
  settingView,
  validateSetting,
  validateSettingsBody,
} from "./settings"
import { FakeState, IndexRecord, TaskRecord, TASK_STATUSES, TASK_TYPES } from "./state"
import { normalizeFacet, words } from "./text"
import {
  clone,
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

export interface Ctx {
  state: FakeState
  method: string
  path: string
  params: Record<string, string>
  query: Record<string, string>
  /** parsed JSON body (undefined when empty); raw text for document payloads */
  body: unknown
  rawBody: string
  contentType: string | undefined
}

export interface Reply {
  status: number
  body?: unknown
}

export type BodyKind = "none" | "json" | "documents"

export interface Route {
  method: string
  pattern: string
  /** API key action needed (docs "Security" → actions); undefined = public (GET /health) */
  action?: string
  body: BodyKind
  /** the body may be empty (e.g. DELETE) */
  optionalBody?: boolean
  handler: (ctx: Ctx) => Reply
}

const ok = (body: unknown): Reply => ({ status: 200, body })
const accepted = (ctx: Ctx, task: TaskRecord): Reply => ({ status: 202, body: ctx.state.summarized(task) })

function indexUid(ctx: Ctx): string {
  const uid = ctx.params.uid
  if (!isValidIndexUid(uid)) throw new MeiliError("invalid_index_uid", `\`${uid}\` is not a valid index uid. ${INDEX_UID_RULE}`)
  return uid
}

function requireBody(ctx: Ctx): unknown {
  if (ctx.body === undefined) throw new MeiliError("missing_payload", "A json payload is missing.")
  return ctx.body
}

function customMetadata(ctx: Ctx): string | undefined {
  return ctx.query.customMetadata
}

function indexView(index: IndexRecord) {
  return { uid: index.uid, primaryKey: index.primaryKey, createdAt: index.createdAt, updatedAt: index.updatedAt }
}

function indexStats(state: FakeState, index: IndexRecord) {
  const fieldDistribution: Record<string, number> = {}
  let raw = 0
  for (const doc of index.docs.values()) {
    raw += Buffer.byteLength(JSON.stringify(doc))
    for (const field of index.knownFields) if (valuesAt(doc, field).length) fieldDistribution[field] = (fieldDistribution[field] ?? 0) + 1
  }
  const sorted: Record<string, number> = {}
  for (const k of Object.keys(fieldDistribution).sort()) sorted[k] = fieldDistribution[k]
  const n = index.docs.size
  return {
    numberOfDocuments: n,
    rawDocumentDbSize: raw,
    avgDocumentSize: n ? Math.round(raw / n) : 0,
    isIndexing: state.isIndexing(index.uid),
    numberOfEmbeddings: 0,
    numberOfEmbeddedDocuments: 0,
    fieldDistribution: sorted,
  }
}

// ---------------------------------------------------------------------------------------------
// indexes

function listIndexes(ctx: Ctx): Reply {
  rejectUnknownParams(ctx.query, ["offset", "limit"])
  const offset = paramInt(ctx.query.offset, "offset", "invalid_index_offset") ?? 0
  const limit = paramInt(ctx.query.limit, "limit", "invalid_index_limit") ?? 20
  const all = [...ctx.state.indexes.values()].sort((a, b) => (a.uid < b.uid ? -1 : 1))
  return ok({ results: all.slice(offset, offset + limit).map(indexView), offset, limit, total: all.length })
}

function createIndex(ctx: Ctx): Reply {
  const body = requireBody(ctx)
  if (!isObject(body)) throw typeError("bad_request", "", "an object", body)
  rejectUnknownFields(body, ["uid", "primaryKey"])
  if (body.uid === undefined) throw new MeiliError("missing_index_uid", "Missing field `uid`")
  if (typeof body.uid !== "string") throw typeError("invalid_index_uid", ".uid", "a string", body.uid)
  if (!isValidIndexUid(body.uid)) throw new MeiliError("invalid_index_uid", `Invalid value at \`.uid\`: \`${body.uid}\` is not a valid index uid. ${INDEX_UID_RULE}`)
  const primaryKey = expectString(body.primaryKey, "invalid_index_primary_key", ".primaryKey", true) ?? null
  const uid = body.uid
  const task = ctx.state.enqueue({
    type: "indexCreation",
    indexUid: uid,
    details: { primaryKey },
    customMetadata: customMetadata(ctx),
    run: () => {
      if (ctx.state.indexes.has(uid)) throw indexAlreadyExists(uid)
      ctx.state.createIndex(uid, primaryKey)
    },
  })
  return accepted(ctx, task)
}

function getIndex(ctx: Ctx): Reply {
  return ok(indexView(ctx.state.getIndex(indexUid(ctx))))
}

function updateIndex(ctx: Ctx): Reply {
  const uid = indexUid(ctx)
  const body = requireBody(ctx)
  if (!isObject(body)) throw typeError("bad_request", "", "an object", body)
  rejectUnknownFields(body, ["primaryKey", "uid"])
  const primaryKey = expectString(body.primaryKey, "invalid_index_primary_key", ".primaryKey", true)
  const newUid = expectString(body.uid, "invalid_index_uid", ".uid")
  if (newUid !== undefined && newUid !== null && !isValidIndexUid(newUid)) {
    throw new MeiliError("invalid_index_uid", `Invalid value at \`.uid\`: \`${newUid}\` is not a valid index uid. ${INDEX_UID_RULE}`)
  }
  const details: Record<string, unknown> = { primaryKey: primaryKey ?? null }
  if (newUid) Object.assign(details, { oldIndexUid: uid, newIndexUid: newUid })
  const task = ctx.state.enqueue({
    type: "indexUpdate",
    indexUid: uid,
    details,
    customMetadata: customMetadata(ctx),
    run: () => {
      const index = ctx.state.getIndex(uid)
      if (primaryKey !== undefined && primaryKey !== null && primaryKey !== index.primaryKey) {
        if (index.docs.size > 0 && index.primaryKey !== null) {
          throw new MeiliError("index_primary_key_already_exists", `Index \`${uid}\`: Index already has a primary key: \`${index.primaryKey}\`.`)
        }
        index.primaryKey = primaryKey
      }
      if (newUid && newUid !== uid) {
        if (ctx.state.indexes.has(newUid)) throw indexAlreadyExists(newUid)
        ctx.state.indexes.delete(uid)
        index.uid = newUid
        ctx.state.indexes.set(newUid, index)
      }
    },
  })
  return accepted(ctx, task)
}

function deleteIndex(ctx: Ctx): Reply {
  const uid = indexUid(ctx)
  const task = ctx.state.enqueue({
    type: "indexDeletion",
    indexUid: uid,
    details: { deletedDocuments: null },
    failedDetails: { deletedDocuments: 0 },
    customMetadata: customMetadata(ctx),
    run: (t) => {
      const index = ctx.state.getIndex(uid)
      t.details = { deletedDocuments: index.docs.size }
      ctx.state.indexes.delete(uid)
    },
  })
  return accepted(ctx, task)
}

// ---------------------------------------------------------------------------------------------
// documents

/** docs "Add or replace documents": JSON (array or object), NDJSON and CSV payloads. */
function parseDocumentsPayload(ctx: Ctx): Doc[] {
  const type = (ctx.contentType ?? "").split(";")[0].trim().toLowerCase()
  const format = type === "application/x-ndjson" ? "ndjson" : type === "text/csv" ? "csv" : "json"
  if (ctx.rawBody.trim() === "") throw new MeiliError("missing_payload", `A ${format} payload is missing.`)
  const malformed = (msg: string) => new MeiliError("malformed_payload", `The \`${format}\` payload provided is malformed: \`${msg}\`.`)
  if (format === "json") {
    let parsed: unknown
    try {
      parsed = JSON.parse(ctx.rawBody)
    } catch (e) {
      throw malformed((e as Error).message)
    }
    const list = Array.isArray(parsed) ? parsed : [parsed]
    list.forEach((d) => {
      if (!isObject(d)) {
        throw new MeiliError(
          "malformed_payload",
          `The \`json\` payload provided is malformed. \`Couldn't serialize document value: invalid type: ${JSON.stringify(d)}, expected a map\`.`
        )
      }
    })
    return list as Doc[]
  }
  if (format === "ndjson") {
    return ctx.rawBody
      .split(/\r?\n/)
      .filter((l) => l.trim() !== "")
      .map((line) => {
        let d: unknown
        try {
          d = JSON.parse(line)
        } catch (e) {
          throw malformed((e as Error).message)
        }
        if (!isObject(d)) throw malformed(`invalid type: ${JSON.stringify(d)}, expected a map`)
        return d as Doc
      })
  }
  return parseCsv(ctx.rawBody, ctx.query.csvDelimiter ?? ",", malformed)
}

/** CSV documents: header names may carry a type (`price:number`, `available:boolean`, default string). */
function parseCsv(text: string, delimiter: string, malformed: (m: string) => MeiliError): Doc[] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ""
  let quoted = false
  let i = 0
  const pushField = () => {
    row.push(field)
    field = ""
  }
  while (i < text.length) {
    const c = text[i]
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"'
        i += 2
        continue
      }
      if (c === '"') quoted = false
      else field += c
      i++
      continue
    }
    if (c === '"') quoted = true
    else if (c === delimiter) pushField()
    else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++
      pushField()
      rows.push(row)
      row = []
    } else field += c
    i++
  }
  if (field !== "" || row.length) {
    pushField()
    rows.push(row)
  }
  const nonEmpty = rows.filter((r) => !(r.length === 1 && r[0] === ""))
  if (!nonEmpty.length) return []
  const header = nonEmpty[0].map((h) => {
    const m = /^(.*):(string|number|boolean)$/.exec(h)
    return m ? { name: m[1], type: m[2] } : { name: h, type: "string" }
  })
  return nonEmpty.slice(1).map((r, line) => {
    if (r.length !== header.length) {
      throw malformed(`CSV error: record ${line + 1} (line: ${line + 2}): found record with ${r.length} fields, but the previous record has ${header.length} fields`)
    }
    const doc: Doc = {}
    header.forEach((h, k) => {
      const v = r[k]
      if (v === "") doc[h.name] = null
      else if (h.type === "number") {
        const n = Number(v)
        if (!Number.isFinite(n)) throw malformed(`Error parsing number "${v}" at line ${line + 1}: invalid float literal`)
        doc[h.name] = n
      } else if (h.type === "boolean") {
        if (v !== "true" && v !== "false") throw malformed(`Error parsing boolean "${v}" at line ${line + 1}: provided string was not \`true\` or \`false\``)
        doc[h.name] = v === "true"
      } else doc[h.name] = v
    })
    return doc
  })
}

function addDocuments(ctx: Ctx, merge: boolean): Reply {
  const uid = indexUid(ctx)
  rejectUnknownParams(ctx.query, ["primaryKey", "csvDelimiter", "customMetadata", "skipCreation"])
  const primaryKeyParam = ctx.query.primaryKey
  const skipCreation = paramBool(ctx.query.skipCreation, "skipCreation", "invalid_skip_creation") ?? false
  if (ctx.query.csvDelimiter !== undefined && !(ctx.contentType ?? "").startsWith("text/csv")) {
    const type = (ctx.contentType ?? "").split(";")[0]
    throw new MeiliError(
      "invalid_content_type",
      `The Content-Type \`${type}\` does not support the use of a csv delimiter. The csv delimiter can only be used with the Content-Type \`text/csv\`.`
    )
  }
  const docs = parseDocumentsPayload(ctx)
  const task = ctx.state.enqueue({
    type: "documentAdditionOrUpdate",
    indexUid: uid,
    details: { receivedDocuments: docs.length, indexedDocuments: null },
    failedDetails: { indexedDocuments: 0 },
    customMetadata: customMetadata(ctx),
    run: (t) => {
      const index = ctx.state.ensureIndex(uid)
      let primaryKey = index.primaryKey
      if (primaryKey !== null && primaryKeyParam !== undefined && primaryKeyParam !== primaryKey) {
        throw new MeiliError("index_primary_key_already_exists", `Index already has a primary key: \`${primaryKey}\`.`)
      }
      if (primaryKey === null) primaryKey = primaryKeyParam ?? inferPrimaryKey(docs[0])
      // document additions are atomic: validate every id (and vector) before writing anything
      const ids = docs.map((d) => documentIdOf(d, primaryKey!))
      docs.forEach((d, i) => checkVectors(index, d, ids[i]))
      index.primaryKey = primaryKey
      let indexed = 0
      docs.forEach((doc, i) => {
        const id = ids[i]
        const existing = index.docs.get(id)
        if (!existing && skipCreation) return
        // PUT merges top-level fields into the stored document; POST replaces it
        const stored = merge && existing ? { ...existing, ...clone(doc) } : clone(doc)
        index.docs.set(id, stored)
        ctx.state.noteFields(index, stored)
        indexed++
      })
      t.details = { receivedDocuments: docs.length, indexedDocuments: indexed }
    },
  })
  return accepted(ctx, task)
}

/** `_vectors` must be an object; user-provided embeddings must have the embedder's `dimensions`. */
function checkVectors(index: IndexRecord, doc: Doc, id: string): void {
  if (!(VECTORS_FIELD in doc) || doc[VECTORS_FIELD] === null) return
  const vectors = doc[VECTORS_FIELD]
  if (!isObject(vectors)) {
    throw new MeiliError(
      "invalid_vectors_type",
      `The \`_vectors\` field in the document with id: \`${id}\` is not an object. Was expecting an object with a key for each embedder with manually provided vectors, but instead got \`${JSON.stringify(vectors)}\``
    )
  }
  for (const name of Object.keys(vectors)) {
    const conf = index.settings.embedders[name]
    const dims = isObject(conf) && typeof conf.dimensions === "number" ? conf.dimensions : undefined
    embeddingsOf(doc, name).forEach((embedding, n) => {
      if (!Array.isArray(embedding) || embedding.some((x) => typeof x !== "number")) {
        throw new MeiliError("invalid_vectors_type", `Bad embedder configuration in the document with id: \`${id}\`. Invalid value type at \`._vectors.${name}\`: expected an array of numbers.`)
      }
      if (dims !== undefined && embedding.length !== dims) {
        throw new MeiliError(
          "invalid_vector_dimensions",
          `Index \`${index.uid}\`: Invalid vector dimensions in document with id \`${id}\` in \`._vectors.${name}\`.\n  - note: embedding #${n} has dimensions ${embedding.length}\n  - note: embedder \`${name}\` requires ${dims}`
        )
      }
    })
  }
}

function projectDocument(index: IndexRecord, doc: Doc, fields: string[] | undefined, retrieveVectors = false): Doc {
  const displayed = project(presentVectors(doc, retrieveVectors), index.settings.displayedAttributes) as Doc
  return clone(fields ? (project(displayed, fields) as Doc) : displayed)
}

function sortDocuments(index: IndexRecord, entries: [string, Doc][], sort: string[] | undefined): [string, Doc][] {
  if (!sort?.length) return entries
  const specs = sort.map((s) => {
    const m = /^(.+):(asc|desc)$/.exec(s)
    if (!m) throw new MeiliError("invalid_document_sort", `Invalid syntax for the sort parameter: expected expression ending by \`:asc\` or \`:desc\`, found \`${s}\`.`)
    if (!index.settings.sortableAttributes.some((a) => patternMatches(a, m[1]))) {
      const list = [...index.settings.sortableAttributes].sort()
      throw new MeiliError(
        "invalid_document_sort",
        `Attribute \`${m[1]}\` is not sortable. ${list.length ? `Available sortable attributes are: \`${list.join(", ")}\`.` : "This index does not have configured sortable attributes."}`
      )
    }
    return { field: m[1], desc: m[2] === "desc" }
  })
  const key = (doc: Doc, field: string, desc: boolean): [number, number | string] => {
    const vals = leaves(valuesAt(doc, field))
    const nums = vals.filter((v): v is number => typeof v === "number")
    if (nums.length) return [0, desc ? Math.max(...nums) : Math.min(...nums)]
    const strs = vals.filter((v): v is string => typeof v === "string").map(normalizeFacet).sort()
    if (strs.length) return [1, desc ? strs[strs.length - 1] : strs[0]]
    return [2, 0]
  }
  return entries
    .map((e, i) => ({ e, i }))
    .sort((a, b) => {
      for (const s of specs) {
        const ka = key(a.e[1], s.field, s.desc)
        const kb = key(b.e[1], s.field, s.desc)
        if (ka[0] !== kb[0]) return ka[0] - kb[0]
        if (ka[0] !== 2 && ka[1] !== kb[1]) return (ka[1] < kb[1] ? -1 : 1) * (s.desc ? -1 : 1)
      }
      return a.i - b.i
    })
    .map((x) => x.e)
}

function browse(
  ctx: Ctx,
  q: { offset: number; limit: number; fields?: string[]; filter?: unknown; ids?: string[]; sort?: string[]; retrieveVectors?: boolean }
): Reply {
  const index = ctx.state.getIndex(indexUid(ctx))
  const filter = parseFilterParam(q.filter, "invalid_document_filter")
  if (filter) {
    rejectContains(filter)
    checkFilterable(filter, index.settings.filterableAttributes, "invalid_document_filter")
  }
  let entries = [...index.docs.entries()]
  if (q.ids) {
    const wanted = new Set(q.ids.map(String))
    entries = entries.filter(([id]) => wanted.has(id))
  }
  if (filter) entries = entries.filter(([, doc]) => matches(filter, doc, index.knownFields))
  entries = sortDocuments(index, entries, q.sort)
  const results = entries.slice(q.offset, q.offset + q.limit).map(([, doc]) => projectDocument(index, doc, q.fields, q.retrieveVectors))
  return ok({ results, offset: q.offset, limit: q.limit, total: entries.length })
}

function getDocuments(ctx: Ctx): Reply {
  rejectUnknownParams(ctx.query, ["offset", "limit", "fields", "retrieveVectors", "ids", "filter", "sort"])
  return browse(ctx, {
    retrieveVectors: paramBool(ctx.query.retrieveVectors, "retrieveVectors", "invalid_document_retrieve_vectors"),
    offset: paramInt(ctx.query.offset, "offset", "invalid_document_offset") ?? 0,
    limit: paramInt(ctx.query.limit, "limit", "invalid_document_limit") ?? 20,
    fields: paramList(ctx.query.fields),
    filter: ctx.query.filter,
    ids: paramList(ctx.query.ids),
    sort: paramList(ctx.query.sort),
  })
}

function fetchDocuments(ctx: Ctx): Reply {
  const body = requireBody(ctx)
  if (!isObject(body)) throw typeError("bad_request", "", "an object", body)
  rejectUnknownFields(body, ["offset", "limit", "fields", "retrieveVectors", "ids", "filter", "sort"])
  const int = (v: unknown, name: string, code: string) => {
    if (v === undefined) return undefined
    if (typeof v !== "number" || !Number.isInteger(v) || v < 0) throw typeError(code, `.${name}`, "a positive integer", v)
    return v
  }
  if (body.filter !== undefined && body.filter !== null && typeof body.filter !== "string" && !Array.isArray(body.filter)) {
    throw new MeiliError("invalid_document_filter", `Invalid syntax for the filter parameter: \`expected String, Array, found: ${JSON.stringify(body.filter)}\`.`)
  }
  if (body.ids !== undefined && body.ids !== null && !Array.isArray(body.ids)) throw typeError("invalid_document_ids", ".ids", "an array", body.ids)
  return browse(ctx, {
    retrieveVectors: body.retrieveVectors === true,
    offset: int(body.offset, "offset", "invalid_document_offset") ?? 0,
    limit: int(body.limit, "limit", "invalid_document_limit") ?? 20,
    fields: expectStringArray(body.fields, "invalid_document_fields", ".fields", true) ?? undefined,
    filter: body.filter,
    ids: Array.isArray(body.ids) ? (body.ids as unknown[]).map(String) : undefined,
    sort: expectStringArray(body.sort, "invalid_document_sort", ".sort", true) ?? undefined,
  })
}

function getDocument(ctx: Ctx): Reply {
  rejectUnknownParams(ctx.query, ["fields", "retrieveVectors"])
  const index = ctx.state.getIndex(indexUid(ctx))
  const id = ctx.params.id
  const doc = index.docs.get(id)
  if (!doc) throw new MeiliError("document_not_found", `Document \`${id}\` not found.`)
  const retrieveVectors = paramBool(ctx.query.retrieveVectors, "retrieveVectors", "invalid_document_retrieve_vectors")
  return ok(projectDocument(index, doc, paramList(ctx.query.fields), retrieveVectors))
}

function deleteOne(ctx: Ctx): Reply {
  const uid = indexUid(ctx)
  const id = ctx.params.id
  return enqueueDeletion(ctx, uid, [id])
}

function enqueueDeletion(ctx: Ctx, uid: string, ids: string[]): Reply {
  const task = ctx.state.enqueue({
    type: "documentDeletion",
    indexUid: uid,
    details: { providedIds: ids.length, deletedDocuments: null, originalFilter: null },
    failedDetails: { deletedDocuments: 0 },
    customMetadata: customMetadata(ctx),
    run: (t) => {
      const index = ctx.state.getIndex(uid)
      let deleted = 0
      for (const id of ids) if (index.docs.delete(id)) deleted++
      t.details = { providedIds: ids.length, deletedDocuments: deleted, originalFilter: null }
    },
  })
  return accepted(ctx, task)
}

function deleteBatch(ctx: Ctx): Reply {
  const uid = indexUid(ctx)
  const body = requireBody(ctx)
  if (!Array.isArray(body)) throw typeError("bad_request", "", "an array", body)
  const ids = body.map((v, i) => {
    if (typeof v === "string" || (typeof v === "number" && Number.isInteger(v))) return String(v)
    throw typeError("invalid_document_ids", `[${i}]`, "a string", v)
  })
  return enqueueDeletion(ctx, uid, ids)
}

function deleteByFilter(ctx: Ctx): Reply {
  const uid = indexUid(ctx)
  const body = requireBody(ctx)
  if (!isObject(body)) throw typeError("bad_request", "", "an object", body)
  rejectUnknownFields(body, ["filter"])
  if (body.filter === undefined) throw new MeiliError("missing_document_filter", "Missing field `filter`")
  if (body.filter === "" || (Array.isArray(body.filter) && body.filter.length === 0)) {
    throw new MeiliError("invalid_document_filter", "Sending an empty filter is forbidden.")
  }
  const filter = parseFilterParam(body.filter, "invalid_document_filter")
  if (!filter) throw new MeiliError("invalid_document_filter", "Sending an empty filter is forbidden.")
  rejectContains(filter)
  const originalFilter = JSON.stringify(body.filter)
  const task = ctx.state.enqueue({
    type: "documentDeletion",
    indexUid: uid,
    details: { providedIds: 0, deletedDocuments: null, originalFilter },
    failedDetails: { deletedDocuments: 0 },
    customMetadata: customMetadata(ctx),
    run: (t) => {
      const index = ctx.state.getIndex(uid)
      checkFilterable(filter, index.settings.filterableAttributes, "invalid_document_filter", `Index \`${uid}\`: `)
      let deleted = 0
      for (const [id, doc] of [...index.docs]) {
        if (matches(filter, doc, index.knownFields)) {
          index.docs.delete(id)
          deleted++
        }
      }
      t.details = { providedIds: 0, deletedDocuments: deleted, originalFilter }
    },
  })
  return accepted(ctx, task)
}

function deleteAll(ctx: Ctx): Reply {
  const uid = indexUid(ctx)
  const task = ctx.state.enqueue({
    type: "documentDeletion",
    indexUid: uid,
    details: { deletedDocuments: null },
    failedDetails: { deletedDocuments: 0 },
    customMetadata: customMetadata(ctx),
    run: (t) => {
      const index = ctx.state.getIndex(uid)
      t.details = { deletedDocuments: index.docs.size }
      index.docs.clear()
    },
  })
  return accepted(ctx, task)
}

// ---------------------------------------------------------------------------------------------
// settings

function enqueueSettings(ctx: Ctx, uid: string, update: Record<string, unknown>): Reply {
  const task = ctx.state.enqueue({
    type: "settingsUpdate",
    indexUid: uid,
    details: clone(update),
    customMetadata: customMetadata(ctx),
    run: () => {
      const index = ctx.state.ensureIndex(uid)
      index.settings = applySettings(index.settings, update)
    },
  })
  return accepted(ctx, task)
}

function getSettings(ctx: Ctx): Reply {
  return ok(settingsView(ctx.state.getIndex(indexUid(ctx)).settings))
}

function updateSettings(ctx: Ctx): Reply {
  const uid = indexUid(ctx)
  return enqueueSettings(ctx, uid, validateSettingsBody(requireBody(ctx)))
}

function resetSettings(ctx: Ctx): Reply {
  const uid = indexUid(ctx)
  const update: Record<string, unknown> = {}
  for (const name of SETTING_NAMES) update[name] = null
  const task = ctx.state.enqueue({
    type: "settingsUpdate",
    indexUid: uid,
    details: settingsView(defaultSettings()),
    customMetadata: customMetadata(ctx),
    run: () => {
      const index = ctx.state.ensureIndex(uid)
      index.settings = applySettings(index.settings, update)
    },
  })
  return accepted(ctx, task)
}

function settingRoute(ctx: Ctx) {
  const route = SETTING_ROUTES[ctx.params.setting]
  if (!route) throw new NotFound()
  return route
}

function getSetting(ctx: Ctx): Reply {
  const route = settingRoute(ctx)
  return ok(settingView(ctx.state.getIndex(indexUid(ctx)).settings, route.name))
}

function updateSetting(ctx: Ctx): Reply {
  const route = settingRoute(ctx)
  if ((ctx.method === "PATCH") !== route.patch) throw new MethodNotAllowed()
  const uid = indexUid(ctx)
  if (ctx.rawBody.trim() === "") throw new MeiliError("missing_payload", "A json payload is missing.")
  const value = validateSetting(route.name, ctx.body ?? null, "")
  return enqueueSettings(ctx, uid, { [route.name]: value })
}

function resetSetting(ctx: Ctx): Reply {
  const route = settingRoute(ctx)
  return enqueueSettings(ctx, indexUid(ctx), { [route.name]: null })
}

// ---------------------------------------------------------------------------------------------
// search

function runSearch(ctx: Ctx, params: SearchParams): Reply {
  const index = ctx.state.getIndex(indexUid(ctx))
  return ok(search(index, params).body)
}

function multiSearch(ctx: Ctx): Reply {
  const body = requireBody(ctx)
  if (!isObject(body)) throw typeError("bad_request", "", "an object", body)
  rejectUnknownFields(body, ["queries", "federation"])
  if (body.queries === undefined) throw new MeiliError("bad_request", "Missing field `queries`")
  if (!Array.isArray(body.queries)) throw typeError("bad_request", ".queries", "an array", body.queries)
  const federation = body.federation
  if (federation !== undefined && federation !== null && !isObject(federation)) {
    throw typeError("invalid_multi_search_federated", ".federation", "an object", federation)
  }
  const queries = body.queries.map((q, i) => {
    const inside = `.queries[${i}]`
    if (!isObject(q)) throw typeError("bad_request", inside, "an object", q)
    if (q.indexUid === undefined) throw new MeiliError("missing_index_uid", `Missing field \`indexUid\` inside \`${inside}\``)
    if (typeof q.indexUid !== "string") throw typeError("invalid_index_uid", `${inside}.indexUid`, "a string", q.indexUid)
    if (!isValidIndexUid(q.indexUid)) {
      throw new MeiliError("invalid_index_uid", `Invalid value at \`${inside}.indexUid\`: \`${q.indexUid}\` is not a valid index uid. ${INDEX_UID_RULE}`)
    }
    const { indexUid: uid, federationOptions, ...rest } = q
    const params = parseSearchBody(rest, [], inside)
    if (federation) {
      for (const key of ["limit", "offset", "page", "hitsPerPage"]) {
        if ((rest as Record<string, unknown>)[key] !== undefined) {
          throw new MeiliError(
            "invalid_multi_search_query_pagination",
            `Inside \`${inside}\`: Using pagination options is not allowed in federated queries.\n - Hint: remove \`${key}\` from query #${i} or remove \`federation\` from the request\n - Hint: pass \`federation.limit\` and \`federation.offset\` for pagination in federated search`
          )
        }
      }
    }
    const weight = isObject(federationOptions) && typeof federationOptions.weight === "number" ? federationOptions.weight : 1
    return { uid: uid as string, params, weight }
  })
  const results = queries.map(({ uid, params }, i) => {
    try {
      const index = ctx.state.indexes.get(uid)
      if (!index) throw indexNotFound(uid)
      return { uid, outcome: search(index, params) }
    } catch (e) {
      if (e instanceof MeiliError) throw e.prefixed(`Inside \`.queries[${i}]\`: `)
      throw e
    }
  })
  if (!federation) {
    return ok({ results: results.map(({ uid, outcome }) => ({ indexUid: uid, ...outcome.body })) })
  }
  // Federated search (docs "Federated search"): one merged list ranked by weighted ranking score.
  const offset = typeof federation.offset === "number" ? federation.offset : 0
  const limit = typeof federation.limit === "number" ? federation.limit : 20
  const merged = results.flatMap(({ uid, outcome }, i) =>
    outcome.all().map(({ hit, score }) => ({ hit, uid, i, weighted: score * queries[i].weight }))
  )
  merged.sort((a, b) => b.weighted - a.weighted || a.i - b.i)
  const hits = merged.slice(offset, offset + limit).map(({ hit, uid, i, weighted }) => ({
    ...hit,
    _federation: { indexUid: uid, queriesPosition: i, weightedRankingScore: weighted },
  }))
  return ok({ hits, processingTimeMs: 0, limit, offset, estimatedTotalHits: merged.length })
}

/** docs "Facet search": values of one filterable attribute among the documents matching q/filter. */
function facetSearch(ctx: Ctx): Reply {
  const index = ctx.state.getIndex(indexUid(ctx))
  const body = requireBody(ctx)
  if (!isObject(body)) throw typeError("bad_request", "", "an object", body)
  rejectUnknownFields(body, ["facetName", "facetQuery", "q", "filter", "matchingStrategy", "attributesToSearchOn", "exhaustiveFacetCount", "vector", "hybrid", "locales"])
  if (body.facetName === undefined) throw new MeiliError("missing_facet_search_facet_name", "Missing field `facetName`")
  const facetName = expectString(body.facetName, "invalid_facet_search_facet_name", ".facetName") as string
  const facetQuery = expectString(body.facetQuery, "invalid_facet_search_facet_query", ".facetQuery", true) ?? null
  if (!index.settings.facetSearch) throw new MeiliError("facet_search_disabled", `The facet search is disabled for this index`)
  if (!matchRule(index.settings.filterableAttributes, facetName)) {
    const patterns = [...new Set(filterablePatterns(index.settings.filterableAttributes))].sort()
    throw new MeiliError(
      "invalid_facet_search_facet_name",
      `Attribute \`${facetName}\` is not facet-searchable. ${patterns.length ? `Available facet-searchable attributes patterns are: \`${patterns.join(", ")}\`. To make it facet-searchable add it to the \`filterableAttributes\` index settings.` : "This index does not have configured facet-searchable attributes. To make it facet-searchable add it to the `filterableAttributes` index settings."}`
    )
  }
  const { facetName: _n, facetQuery: _q, exhaustiveFacetCount: _e, ...rest } = body
  const params = parseSearchBody({ ...rest, facets: [facetName], limit: 0 })
  const outcome = search(index, params)
  const dist = ((outcome.body.facetDistribution as Record<string, Record<string, number>>) ?? {})[facetName] ?? {}
  const needle = facetQuery ? normalizeFacet(facetQuery) : ""
  const facetHits = Object.entries(dist)
    .filter(([value]) => !needle || normalizeFacet(value).startsWith(needle) || words(value).some((w) => w.startsWith(words(needle).join(" "))))
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1))
  return ok({ facetHits, facetQuery, processingTimeMs: 0 })
}

// ---------------------------------------------------------------------------------------------
// tasks

const TASK_FILTERS = [
  "uids", "batchUids", "canceledBy", "types", "statuses", "indexUids", "afterEnqueuedAt", "beforeEnqueuedAt", "afterStartedAt",
  "beforeStartedAt", "afterFinishedAt", "beforeFinishedAt",
]

function taskFilter(query: Record<string, string>): (t: TaskRecord) => boolean {
  const uidList = (name: string, code: string) => {
    const raw = query[name]
    if (raw === undefined || raw === "*") return undefined
    return raw.split(",").map((s, i, all) => {
      if (!/^\d+$/.test(s.trim())) {
        const param = all.length > 1 ? `${name}[${i}]` : name
        throw new MeiliError(code, `Invalid value in parameter \`${param}\`: could not parse \`${s}\` as a positive integer`)
      }
      return Number(s)
    })
  }
  const uids = uidList("uids", "invalid_task_uids")
  const batchUids = uidList("batchUids", "invalid_batch_uids")
  const canceledBy = uidList("canceledBy", "invalid_task_canceled_by")
  const list = (name: string) => (query[name] === undefined || query[name] === "*" ? undefined : query[name].split(",").map((s) => s.trim()))
  const types = list("types")
  types?.forEach((t) => {
    if (!TASK_TYPES.includes(t)) {
      throw new MeiliError(
        "invalid_task_types",
        `Invalid value in parameter \`types\`: \`${t}\` is not a valid task type. Available types are ${TASK_TYPES.map((x) => `\`${x}\``).join(", ")}.`
      )
    }
  })
  const statuses = list("statuses")
  statuses?.forEach((s) => {
    if (!(TASK_STATUSES as string[]).includes(s)) {
      throw new MeiliError(
        "invalid_task_statuses",
        `Invalid value in parameter \`statuses\`: \`${s}\` is not a valid task status. Available statuses are ${TASK_STATUSES.map((x) => `\`${x}\``).join(", ")}.`
      )
    }
  })
  const indexUids = list("indexUids")
  indexUids?.forEach((u) => {
    if (!isValidIndexUid(u)) throw new MeiliError("invalid_index_uid", `Invalid value in parameter \`indexUids\`: \`${u}\` is not a valid index uid. ${INDEX_UID_RULE}`)
  })
  const date = (name: string) => {
    const raw = query[name]
    if (raw === undefined || raw === "*") return undefined
    const ms = Date.parse(raw)
    if (Number.isNaN(ms)) {
      const code = `invalid_task_${name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}`
      throw new MeiliError(code, `Invalid value in parameter \`${name}\`: \`${raw}\` is an invalid date-time. It should follow the YYYY-MM-DD or RFC 3339 date-time format.`)
    }
    return ms
  }
  const bounds = {
    afterEnqueuedAt: date("afterEnqueuedAt"),
    beforeEnqueuedAt: date("beforeEnqueuedAt"),
    afterStartedAt: date("afterStartedAt"),
    beforeStartedAt: date("beforeStartedAt"),
    afterFinishedAt: date("afterFinishedAt"),
    beforeFinishedAt: date("beforeFinishedAt"),
  }
  const within = (value: string | null, after?: number, before?: number) => {
    if (after === undefined && before === undefined) return true
    if (value === null) return false
    const ms = Date.parse(value)
    return (after === undefined || ms > after) && (before === undefined || ms < before)
  }
  return (t) =>
    (!uids || uids.includes(t.uid)) &&
    (!batchUids || (t.batchUid !== null && batchUids.includes(t.batchUid))) &&
    (!canceledBy || (t.canceledBy !== null && canceledBy.includes(t.canceledBy))) &&
    (!types || types.includes(t.type)) &&
    (!statuses || statuses.includes(t.status)) &&
    (!indexUids || (t.indexUid !== null && indexUids.includes(t.indexUid))) &&
    within(t.enqueuedAt, bounds.afterEnqueuedAt, bounds.beforeEnqueuedAt) &&
    within(t.startedAt, bounds.afterStartedAt, bounds.beforeStartedAt) &&
    within(t.finishedAt, bounds.afterFinishedAt, bounds.beforeFinishedAt)
}

function listTasks(ctx: Ctx): Reply {
  rejectUnknownParams(ctx.query, [...TASK_FILTERS, "limit", "from", "reverse"])
  const limit = paramInt(ctx.query.limit, "limit", "invalid_task_limit") ?? 20
  const from = paramInt(ctx.query.from, "from", "invalid_task_from")
  const reverse = paramBool(ctx.query.reverse, "reverse", "invalid_task_reverse") ?? false
  const keep = taskFilter(ctx.query)
  let all = [...ctx.state.tasks.values()].filter(keep).sort((a, b) => (reverse ? a.uid - b.uid : b.uid - a.uid))
  const total = all.length
  if (from !== undefined) all = all.filter((t) => (reverse ? t.uid >= from : t.uid <= from))
  const page = all.slice(0, limit)
  const next = all.length > limit ? all[limit].uid : null
  return ok({ results: page.map((t) => ctx.state.taskView(t)), total, limit, from: page.length ? page[0].uid : null, next })
}

function getTask(ctx: Ctx): Reply {
  const raw = ctx.params.taskUid
  if (!/^\d+$/.test(raw)) {
    throw new MeiliError("invalid_task_uids", `Invalid value in parameter \`taskUid\`: could not parse \`${raw}\` as a positive integer`)
  }
  const task = ctx.state.tasks.get(Number(raw))
  if (!task) throw new MeiliError("task_not_found", `Task \`${raw}\` not found.`)
  return ok(ctx.state.taskView(task))
}

function cancelOrDeleteTasks(ctx: Ctx, kind: "taskCancelation" | "taskDeletion"): Reply {
  rejectUnknownParams(ctx.query, TASK_FILTERS)
  if (!Object.keys(ctx.query).length) {
    const what = kind === "taskCancelation" ? "cancel" : "delete"
    throw new MeiliError(
      "missing_task_filters",
      `Query parameters to filter the tasks to ${what} are missing. Available query parameters are: \`uids\`, \`indexUids\`, \`statuses\`, \`types\`, \`canceledBy\`, \`beforeEnqueuedAt\`, \`afterEnqueuedAt\`, \`beforeStartedAt\`, \`afterStartedAt\`, \`beforeFinishedAt\`, \`afterFinishedAt\`.`
    )
  }
  const keep = taskFilter(ctx.query)
  const originalFilter = `?${new URLSearchParams(ctx.query).toString()}`
  const matched = [...ctx.state.tasks.values()].filter(keep).map((t) => t.uid)
  const countKey = kind === "taskCancelation" ? "canceledTasks" : "deletedTasks"
  const task = ctx.state.enqueue({
    type: kind,
    indexUid: null,
    details: { matchedTasks: matched.length, [countKey]: null, originalFilter },
    run: (t) => {
      const count = kind === "taskCancelation" ? ctx.state.cancel(matched, t) : ctx.state.deleteTasks(matched)
      t.details = { matchedTasks: matched.length, [countKey]: count, originalFilter }
    },
  })
  return accepted(ctx, task)
}

// ---------------------------------------------------------------------------------------------
// keys

function requireMasterKey(ctx: Ctx) {
  if (!ctx.state.masterKey) {
    throw new MeiliError(
      "missing_master_key",
      "Meilisearch is running without a master key. To access this API endpoint, you must have set a master key at launch."
    )
  }
}

function listKeys(ctx: Ctx): Reply {
  requireMasterKey(ctx)
  rejectUnknownParams(ctx.query, ["offset", "limit"])
  const offset = paramInt(ctx.query.offset, "offset", "invalid_api_key_offset") ?? 0
  const limit = paramInt(ctx.query.limit, "limit", "invalid_api_key_limit") ?? 20
  return ok({ results: clone(ctx.state.keys.slice(offset, offset + limit)), offset, limit, total: ctx.state.keys.length })
}

function getKey(ctx: Ctx): Reply {
  requireMasterKey(ctx)
  const key = ctx.state.keys.find((k) => k.uid === ctx.params.key || k.key === ctx.params.key)
  if (!key) throw new MeiliError("api_key_not_found", `API key \`${ctx.params.key}\` not found.`)
  return ok(clone(key))
}

// ---------------------------------------------------------------------------------------------

export class NotFound extends Error {}
export class MethodNotAllowed extends Error {}

export const ROUTES: Route[] = [
  { method: "GET", pattern: "/health", body: "none", handler: () => ok({ status: "available" }) },
  {
    method: "GET",
    pattern: "/version",
    action: "version",
    body: "none",
    // The fake is not a Meilisearch build; it reports a v1 version so version checks pass.
    handler: () => ok({ commitSha: "0000000000000000000000000000000000000000", commitDate: "2025-01-01T00:00:00Z", pkgVersion: "1.16.0" }),
  },
  {
    method: "GET",
    pattern: "/stats",
    action: "stats.get",
    body: "none",
    handler: (ctx) => {
      const indexes: Record<string, unknown> = {}
      let size = 0
      for (const index of [...ctx.state.indexes.values()].sort((a, b) => (a.uid < b.uid ? -1 : 1))) {
        const stats = indexStats(ctx.state, index)
        size += stats.rawDocumentDbSize
        indexes[index.uid] = stats
      }
      return ok({ databaseSize: size, usedDatabaseSize: size, lastUpdate: ctx.state.lastUpdate, indexes })
    },
  },
  { method: "GET", pattern: "/indexes", action: "indexes.get", body: "none", handler: listIndexes },
  { method: "POST", pattern: "/indexes", action: "indexes.create", body: "json", handler: createIndex },
  { method: "GET", pattern: "/indexes/:uid", action: "indexes.get", body: "none", handler: getIndex },
  { method: "PATCH", pattern: "/indexes/:uid", action: "indexes.update", body: "json", handler: updateIndex },
  { method: "DELETE", pattern: "/indexes/:uid", action: "indexes.delete", body: "none", handler: deleteIndex },
  {
    method: "GET",
    pattern: "/indexes/:uid/stats",
    action: "stats.get",
    body: "none",
    handler: (ctx) => ok(indexStats(ctx.state, ctx.state.getIndex(indexUid(ctx)))),
  },
  { method: "GET", pattern: "/indexes/:uid/documents", action: "documents.get", body: "none", handler: getDocuments },
  { method: "POST", pattern: "/indexes/:uid/documents/fetch", action: "documents.get", body: "json", handler: fetchDocuments },
  { method: "POST", pattern: "/indexes/:uid/documents/delete-batch", action: "documents.delete", body: "json", handler: deleteBatch },
  { method: "POST", pattern: "/indexes/:uid/documents/delete", action: "documents.delete", body: "json", handler: deleteByFilter },
  { method: "POST", pattern: "/indexes/:uid/documents", action: "documents.add", body: "documents", handler: (ctx) => addDocuments(ctx, false) },
  { method: "PUT", pattern: "/indexes/:uid/documents", action: "documents.add", body: "documents", handler: (ctx) => addDocuments(ctx, true) },
  { method: "DELETE", pattern: "/indexes/:uid/documents", action: "documents.delete", body: "none", handler: deleteAll },
  { method: "GET", pattern: "/indexes/:uid/documents/:id", action: "documents.get", body: "none", handler: getDocument },
  { method: "DELETE", pattern: "/indexes/:uid/documents/:id", action: "documents.delete", body: "none", handler: deleteOne },
  { method: "POST", pattern: "/indexes/:uid/search", action: "search", body: "json", handler: (ctx) => runSearch(ctx, parseSearchBody(requireBody(ctx))) },
  { method: "GET", pattern: "/indexes/:uid/search", action: "search", body: "none", handler: (ctx) => runSearch(ctx, parseSearchQuery(ctx.query)) },
  { method: "POST", pattern: "/indexes/:uid/facet-search", action: "search", body: "json", handler: facetSearch },
  { method: "POST", pattern: "/multi-search", action: "search", body: "json", handler: multiSearch },
  { method: "GET", pattern: "/indexes/:uid/settings", action: "settings.get", body: "none", handler: getSettings },
  { method: "PATCH", pattern: "/indexes/:uid/settings", action: "settings.update", body: "json", handler: updateSettings },
  { method: "DELETE", pattern: "/indexes/:uid/settings", action: "settings.update", body: "none", handler: resetSettings },
  { method: "GET", pattern: "/indexes/:uid/settings/:setting", action: "settings.get", body: "none", handler: getSetting },
  { method: "PUT", pattern: "/indexes/:uid/settings/:setting", action: "settings.update", body: "json", optionalBody: true, handler: updateSetting },
  { method: "PATCH", pattern: "/indexes/:uid/settings/:setting", action: "settings.update", body: "json", optionalBody: true, handler: updateSetting },
  { method: "DELETE", pattern: "/indexes/:uid/settings/:setting", action: "settings.update", body: "none", handler: resetSetting },
  { method: "GET", pattern: "/tasks", action: "tasks.get", body: "none", handler: listTasks },
  { method: "GET", pattern: "/tasks/:taskUid", action: "tasks.get", body: "none", handler: getTask },
  { method: "POST", pattern: "/tasks/cancel", action: "tasks.cancel", body: "none", handler: (ctx) => cancelOrDeleteTasks(ctx, "taskCancelation") },
  { method: "DELETE", pattern: "/tasks", action: "tasks.delete", body: "none", handler: (ctx) => cancelOrDeleteTasks(ctx, "taskDeletion") },
  { method: "GET", pattern: "/keys", action: "keys.get", body: "none", handler: listKeys },
  { method: "GET", pattern: "/keys/:key", action: "keys.get", body: "none", handler: getKey },
]

export { SEARCH_FIELDS }
