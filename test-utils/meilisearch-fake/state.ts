/**
 * In-memory state of one fake: indexes, the task queue, API keys and test controls.
 *
 * Tasks (docs "Asynchronous operations"): every write is answered 202 with a summarized task and
 * applied later by a single worker, one task at a time, in enqueue order (task cancelation and
 * deletion tasks jump the queue, as Meilisearch gives them priority). A task stays `enqueued`
 * about half the configured delay, `processing` the other half, then becomes `succeeded` or
 * `failed`; its change is visible to reads only once it succeeded.
 */
import crypto from "crypto"
import { DEFAULT_TASK_FAILURE, errorLink, indexNotFound, MeiliError, MeiliErrorBody, typeOf } from "./errors"
import { Doc, fieldPaths, flattenLeaves } from "./documents"
import type { SearchableIndex } from "./search"
import { defaultSettings, Settings } from "./settings"
import { clone } from "./validate"

export type TaskStatus = "enqueued" | "processing" | "succeeded" | "failed" | "canceled"

export const TASK_STATUSES: TaskStatus[] = ["enqueued", "processing", "succeeded", "failed", "canceled"]

export const TASK_TYPES = [
  "documentAdditionOrUpdate", "documentEdition", "documentDeletion", "settingsUpdate", "indexCreation", "indexDeletion",
  "indexUpdate", "indexSwap", "taskCancelation", "taskDeletion", "dumpCreation", "snapshotCreation", "export",
  "upgradeDatabase", "indexCompaction", "networkTopologyChange", "dsrUpdate", "dsrClear",
]

export interface IndexRecord extends SearchableIndex {
  uid: string
  primaryKey: string | null
  createdAt: string
  updatedAt: string
  settings: Settings
}

export interface TaskRecord {
  uid: number
  batchUid: number | null
  indexUid: string | null
  status: TaskStatus
  type: string
  canceledBy: number | null
  details: Record<string, unknown> | null
  error: MeiliErrorBody | null
  duration: string | null
  enqueuedAt: string
  startedAt: string | null
  finishedAt: string | null
  customMetadata?: string
  /** applies the task; throws MeiliError to fail it */
  run: (task: TaskRecord) => void
  /** details to show when the task fails or is canceled (e.g. indexedDocuments: 0) */
  failedDetails?: Record<string, unknown>
  startedMs?: number
}

export interface TaskFailureRule {
  match: { type?: string; indexUid?: string }
  error: { code: string; message: string; type?: string }
}

export interface ApiKey {
  name: string
  description: string
  key: string
  uid: string
  actions: string[]
  indexes: string[]
  expiresAt: null
  createdAt: string
  updatedAt: string
}

const now = () => new Date().toISOString()

/** ISO 8601 duration as Meilisearch prints it, e.g. "PT0.006002S". */
export function isoDuration(ms: number): string {
  const seconds = (ms / 1000).toFixed(6).replace(/0+$/, "").replace(/\.$/, "")
  return `PT${seconds}S`
}

export class FakeState {
  indexes = new Map<string, IndexRecord>()
  tasks = new Map<number, TaskRecord>()
  keys: ApiKey[] = []
  taskDelay = 5
  failureRules: TaskFailureRule[] = []
  lastUpdate: string | null = null

  private nextTaskUid = 0
  private nextBatchUid = 0
  private queue: TaskRecord[] = []
  private current: TaskRecord | null = null
  private timer: NodeJS.Timeout | null = null
  private closed = false

  constructor(public masterKey?: string) {
    if (masterKey) {
      const created = now()
      const make = (name: string, description: string, actions: string[]): ApiKey => {
        const uid = crypto.randomUUID()
        // Meilisearch derives a key from its uid: hex(HMAC-SHA256(masterKey, uid))
        const key = crypto.createHmac("sha256", masterKey).update(uid).digest("hex")
        return { name, description, key, uid, actions, indexes: ["*"], expiresAt: null, createdAt: created, updatedAt: created }
      }
      this.keys = [
        make("Default Search API Key", "Use it to search from the frontend", ["search"]),
        make("Default Admin API Key", "Use it for anything that is not a search operation. Caution! Do not expose it on a public frontend", ["*"]),
        make(
          "Default Read-Only Admin API Key",
          "Use it to read information across the whole database. Caution! Do not expose this key on a public frontend",
          ["*.get", "keys.get"]
        ),
      ]
    }
  }

  // ---- indexes

  getIndex(uid: string): IndexRecord {
    const index = this.indexes.get(uid)
    if (!index) throw indexNotFound(uid)
    return index
  }

  createIndex(uid: string, primaryKey: string | null): IndexRecord {
    const created = now()
    const index: IndexRecord = {
      uid,
      primaryKey,
      createdAt: created,
      updatedAt: created,
      settings: defaultSettings(),
      docs: new Map<string, Doc>(),
      fieldOrder: [],
      knownFields: new Set<string>(),
    }
    this.indexes.set(uid, index)
    return index
  }

  /** Document writes and settings updates create a missing index (docs "Indexes" → implicit creation). */
  ensureIndex(uid: string): IndexRecord {
    return this.indexes.get(uid) ?? this.createIndex(uid, null)
  }

  /** Records the fields of a stored document (fields are never forgotten, as in Meilisearch). */
  noteFields(index: IndexRecord, doc: Doc): void {
    for (const path of fieldPaths(doc)) index.knownFields.add(path)
    for (const [path] of flattenLeaves(doc)) if (!index.fieldOrder.includes(path)) index.fieldOrder.push(path)
  }

  // ---- tasks

  enqueue(spec: {
    type: string
    indexUid: string | null
    details: Record<string, unknown> | null
    run: (task: TaskRecord) => void
    failedDetails?: Record<string, unknown>
    customMetadata?: string
  }): TaskRecord {
    const task: TaskRecord = {
      uid: this.nextTaskUid++,
      batchUid: null,
      indexUid: spec.indexUid,
      status: "enqueued",
      type: spec.type,
      canceledBy: null,
      details: spec.details,
      error: null,
      duration: null,
      enqueuedAt: now(),
      startedAt: null,
      finishedAt: null,
      run: spec.run,
      failedDetails: spec.failedDetails,
      ...(spec.customMetadata !== undefined ? { customMetadata: spec.customMetadata } : {}),
    }
    this.tasks.set(task.uid, task)
    this.queue.push(task)
    this.pump()
    return task
  }

  /** Summarized task view of a 202 answer (docs "Summarized task object"). */
  summarized(task: TaskRecord): Record<string, unknown> {
    return { taskUid: task.uid, indexUid: task.indexUid, status: task.status, type: task.type, enqueuedAt: task.enqueuedAt }
  }

  taskView(task: TaskRecord): Record<string, unknown> {
    return {
      uid: task.uid,
      batchUid: task.batchUid,
      indexUid: task.indexUid,
      status: task.status,
      type: task.type,
      canceledBy: task.canceledBy,
      details: clone(task.details),
      error: clone(task.error),
      duration: task.duration,
      enqueuedAt: task.enqueuedAt,
      startedAt: task.startedAt,
      finishedAt: task.finishedAt,
      ...(task.customMetadata !== undefined ? { customMetadata: task.customMetadata } : {}),
    }
  }

  isIndexing(uid: string): boolean {
    return this.current?.indexUid === uid
  }

  private pump(): void {
    if (this.current || this.closed || this.queue.length === 0) return
    // task cancelation / deletion tasks are processed before the others
    const priority = this.queue.findIndex((t) => t.type === "taskCancelation" || t.type === "taskDeletion")
    const task = this.queue.splice(priority >= 0 ? priority : 0, 1)[0]
    this.current = task
    const enqueuedFor = Math.floor(this.taskDelay / 2)
    const processingFor = this.taskDelay - enqueuedFor
    this.schedule(enqueuedFor, () => {
      task.status = "processing"
      task.batchUid = this.nextBatchUid++
      task.startedAt = now()
      task.startedMs = Date.now()
      this.schedule(processingFor, () => {
        this.finish(task)
        this.current = null
        this.pump()
      })
    })
  }

  private schedule(ms: number, fn: () => void): void {
    this.timer = setTimeout(() => {
      this.timer = null
      fn()
    }, ms)
    this.timer.unref?.()
  }

  private finish(task: TaskRecord): void {
    if (task.status === "canceled") return
    const rule = this.failureRules.findIndex(
      (r) => (r.match.type === undefined || r.match.type === task.type) && (r.match.indexUid === undefined || r.match.indexUid === task.indexUid)
    )
    try {
      if (rule >= 0) {
        const { error } = this.failureRules.splice(rule, 1)[0]
        throw new MeiliError(error.code, error.message, 500, error.type ?? typeOf(error.code))
      }
      task.run(task)
      task.status = "succeeded"
      if (task.indexUid) {
        const index = this.indexes.get(task.indexUid)
        if (index) index.updatedAt = now()
      }
    } catch (e) {
      const err =
        e instanceof MeiliError
          ? e
          : new MeiliError("internal", `An internal error has occurred. \`${(e as Error)?.message ?? String(e)}\`.`)
      task.status = "failed"
      task.error = err.body
      if (task.failedDetails) task.details = { ...task.details, ...task.failedDetails }
    }
    task.finishedAt = now()
    task.duration = isoDuration(Date.now() - (task.startedMs ?? Date.now()))
    this.lastUpdate = task.finishedAt
  }

  /** Cancels enqueued tasks (processing ones finish: the fake processes a task in one step). */
  cancel(taskUids: number[], by: TaskRecord): number {
    let canceled = 0
    for (const uid of taskUids) {
      const task = this.tasks.get(uid)
      if (!task || task.status !== "enqueued") continue
      const at = this.queue.indexOf(task)
      if (at < 0) continue
      this.queue.splice(at, 1)
      task.status = "canceled"
      task.canceledBy = by.uid
      task.finishedAt = now()
      if (task.failedDetails) task.details = { ...task.details, ...task.failedDetails }
      canceled++
    }
    return canceled
  }

  deleteTasks(taskUids: number[]): number {
    let deleted = 0
    for (const uid of taskUids) {
      const task = this.tasks.get(uid)
      if (!task || task.status === "enqueued" || task.status === "processing") continue
      this.tasks.delete(uid)
      deleted++
    }
    return deleted
  }

  failNextTask(match: { type?: string; indexUid?: string }, error: { code: string; message: string; type?: string } = DEFAULT_TASK_FAILURE): void {
    this.failureRules.push({ match: { ...match }, error: { ...error } })
  }

  /** Drops indexes, tasks and pending failures (keys and the task delay stay). */
  reset(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    this.current = null
    this.queue = []
    this.indexes.clear()
    this.tasks.clear()
    this.failureRules = []
    this.nextTaskUid = 0
    this.nextBatchUid = 0
    this.lastUpdate = null
  }

  close(): void {
    this.closed = true
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
  }
}

export { errorLink }
