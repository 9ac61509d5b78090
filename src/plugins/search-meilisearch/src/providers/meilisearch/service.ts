import type { Logger, SearchTypes } from "@medusajs/framework/types"
import { AbstractSearchProviderService, MedusaError, extractPrimaryKeyFilter } from "@medusajs/framework/utils"
import type { EnqueuedTask, Meilisearch, Settings, Task } from "meilisearch" with { "resolution-mode": "import" }
import { toMeilisearchDocument } from "./documents"
import { taskFailedError, toMedusaError, type MeilisearchErrorContext } from "./errors"
import { buildFilterTree, formatAttribute, renderFilter, type FilterSchema } from "./filters"
import { validateMeilisearchSearchOptions, type MeilisearchSearchOptions, type ResolvedMeilisearchSearchOptions } from "./options"
import { COUNT_ATTRIBUTE, type PlannedField } from "./plan"
import { buildResult, planSearch, type MeilisearchSearchResponse } from "./query"
import { prepareIndex, type PreparedIndex } from "./settings"

type InjectedDependencies = { logger?: Logger }

/** `<root>_v<n>` → `<root>`: the Search Module names every version of an index this way. */
const VERSION_SUFFIX = /_v\d+$/

/**
 * Medusa Search Module provider for Meilisearch.
 *
 * Writes are Meilisearch tasks: every one is waited for, and a task that fails is an error
 * naming the index, the task, Meilisearch's code and message — a write never "succeeds" while
 * Meilisearch drops it. Queries of one `searchMany` (a page of results, its range/stats facet
 * counts, the Search Module's disjunctive facet queries) go in one `POST /multi-search`.
 *
 * The mapping of Medusa's definitions and queries to Meilisearch is in `settings.ts`,
 * `filters.ts`, `documents.ts` and `query.ts`; this class does the I/O.
 */
class MeilisearchSearchProviderService extends AbstractSearchProviderService {
  static identifier = "meilisearch"

  protected readonly options_: ResolvedMeilisearchSearchOptions
  /** The client, created on first use: `meilisearch` is an ES module, loaded with `import()`. */
  private client_?: Promise<Meilisearch>
  protected readonly logger_?: Logger
  /** Prepared definitions by definition hash. */
  private readonly prepared_ = new Map<string, PreparedIndex>()
  /** Prepared definitions by physical index and by root name, for deletes (which only get the index name). */
  private readonly byIndex_ = new Map<string, PreparedIndex>()
  /** Physical indexes known to exist, so writes never let Meilisearch create one with default settings. */
  private readonly existing_ = new Set<string>()

  static validateOptions(options: Record<string, unknown>): void {
    validateMeilisearchSearchOptions(options as Partial<MeilisearchSearchOptions>)
  }

  constructor(dependencies: InjectedDependencies, options: MeilisearchSearchOptions) {
    super()
    this.options_ = validateMeilisearchSearchOptions(options)
    try {
      this.logger_ = dependencies?.logger
    } catch {
      // The container throws on unregistered keys; a logger is optional.
      this.logger_ = undefined
    }
  }

  protected client(): Promise<Meilisearch> {
    this.client_ ??= import("meilisearch").then(
      ({ Meilisearch }) =>
        new Meilisearch({
          host: this.options_.host,
          apiKey: this.options_.apiKey,
          timeout: this.options_.requestTimeoutMs,
          clientAgents: ["Medusa Search Provider (@emporium/medusa-search-meilisearch)"],
          defaultWaitOptions: { timeout: this.options_.taskTimeoutMs, interval: this.options_.taskPollIntervalMs },
        })
    )
    return this.client_
  }

  /* ------------------------------------ helpers ------------------------------------ */

  protected context(action: string): MeilisearchErrorContext {
    return { host: this.options_.host, action }
  }

  /** Runs a client call, mapping its errors (see `errors.ts`). */
  protected async call<T>(action: string, run: (client: Meilisearch) => Promise<T>): Promise<T> {
    try {
      return await run(await this.client())
    } catch (error) {
      throw toMedusaError(error, this.context(action))
    }
  }

  /** The definition prepared for Meilisearch (plan, settings), cached by definition hash. */
  protected prepare(definition: SearchTypes.ResolvedSearchIndexDefinition, physicalName = definition.physical_name): PreparedIndex {
    const key = definition.definition_hash ?? JSON.stringify({ fields: definition.fields, settings: definition.settings, primary_key: definition.primary_key })
    let prepared = this.prepared_.get(key)
    if (!prepared) {
      prepared = prepareIndex(definition, this.options_.indexSettings)
      this.prepared_.set(key, prepared)
    }
    this.byIndex_.set(physicalName, prepared)
    this.byIndex_.set(physicalName.replace(VERSION_SUFFIX, ""), prepared)
    return prepared
  }

  /** Waits for a task and throws if it did not succeed. */
  protected async settle(enqueued: EnqueuedTask | number, action: string, timeoutMs = this.options_.taskTimeoutMs): Promise<Task> {
    const uid = typeof enqueued === "number" ? enqueued : enqueued.taskUid
    const task = await this.call(action, (client) => client.tasks.waitForTask(uid, { timeout: timeoutMs, interval: this.options_.taskPollIntervalMs }))
    if (task.status !== "succeeded") throw taskFailedError(task, this.context(action))
    return task
  }

  protected succeeded(index: string, task?: Task): SearchTypes.SearchTask {
    return { ...(task ? { id: String(task.uid) } : {}), index, status: "succeeded" }
  }

  /** Throws `NOT_FOUND` when the index is missing: Meilisearch would otherwise create it, with default settings, on the first write. */
  protected async assertIndexExists(index: string): Promise<void> {
    if (this.existing_.has(index)) return
    await this.call(`looking up index "${index}"`, (client) => client.getRawIndex(index))
    this.existing_.add(index)
  }

  /* ------------------------------------- indexes ------------------------------------- */

  async upsertIndex({ index }: { index: SearchTypes.ResolvedSearchIndexDefinition }): Promise<SearchTypes.SearchTask> {
    // Throws for anything Meilisearch cannot hold, before touching Meilisearch.
    const prepared = this.prepare(index)
    const uid = index.physical_name
    const primaryKey = prepared.plan.primaryKey

    let existing: { primaryKey?: string | null } | undefined
    try {
      existing = await this.call(`looking up index "${uid}"`, (client) => client.getRawIndex(uid))
    } catch (error) {
      if (!(error instanceof MedusaError && error.type === MedusaError.Types.NOT_FOUND)) throw error
    }

    if (!existing) {
      const creating = `creating index "${uid}"`
      const enqueued = await this.call(creating, (client) => client.createIndex(uid, { primaryKey }))
      try {
        await this.settle(enqueued, creating)
      } catch (error) {
        // Created concurrently by another process running the same migration: carry on.
        if ((error as { meilisearch_code?: string }).meilisearch_code !== "index_already_exists") throw error
        existing = await this.call(`looking up index "${uid}"`, (client) => client.getRawIndex(uid))
      }
    }
    if (existing && existing.primaryKey !== primaryKey) {
      // Meilisearch only changes the primary key of an index without documents; the task fails otherwise.
      const updating = `setting the primary key of index "${uid}" to "${primaryKey}"`
      await this.settle(await this.call(updating, (client) => client.updateIndex(uid, { primaryKey })), updating)
    }
    this.existing_.add(uid)

    const updating = `updating the settings of index "${uid}"`
    const task = await this.settle(await this.call(updating, (client) => client.index(uid).updateSettings(prepared.settings as Settings)), updating)
    this.logger_?.debug?.(`[Search] Meilisearch index "${uid}" is up to date with search index "${index.name}"`)
    return this.succeeded(uid, task)
  }

  async deleteIndex({ index }: { index: string }): Promise<SearchTypes.SearchTask> {
    const action = `deleting index "${index}"`
    this.existing_.delete(index)
    try {
      const task = await this.settle(await this.call(action, (client) => client.deleteIndex(index)), action)
      return this.succeeded(index, task)
    } catch (error) {
      // Already gone is what was asked for.
      if (error instanceof MedusaError && error.type === MedusaError.Types.NOT_FOUND) return this.succeeded(index)
      throw error
    }
  }

  async clearIndex({ index }: { index: string }): Promise<SearchTypes.SearchTask> {
    const action = `clearing index "${index}"`
    const task = await this.settle(await this.call(action, (client) => client.index(index).deleteAllDocuments()), action)
    return this.succeeded(index, task)
  }

  async listIndexes(): Promise<SearchTypes.SearchIndexInfo[]> {
    const action = "listing indexes"
    const indexes: { uid: string; createdAt?: string; updatedAt?: string }[] = []
    const limit = 1000
    for (let offset = 0; ; offset += limit) {
      const page = await this.call(action, (client) => client.getRawIndexes({ offset, limit }))
      indexes.push(...page.results)
      if (page.results.length < limit || indexes.length >= page.total) break
    }
    const stats = await this.call(action, (client) => client.getStats())
    return indexes.map((entry) => ({
      name: entry.uid,
      provider: MeilisearchSearchProviderService.identifier,
      document_count: Number(stats.indexes?.[entry.uid]?.numberOfDocuments ?? 0),
      ...(entry.createdAt ? { created_at: new Date(entry.createdAt) } : {}),
      ...(entry.updatedAt ? { updated_at: new Date(entry.updatedAt) } : {}),
    }))
  }

  /* ------------------------------------- documents ------------------------------------- */

  async upsertDocuments({
    index,
    definition,
    documents,
  }: {
    index: string
    definition: SearchTypes.ResolvedSearchIndexDefinition
    documents: SearchTypes.SearchDocument[]
  }): Promise<SearchTypes.SearchTask> {
    const prepared = this.prepare(definition, index)
    if (!documents.length) return this.succeeded(index)
    // Before anything is sent: a bad document fails the call, not a task half the batches in.
    const stored = documents.map((document) => toMeilisearchDocument(document, prepared.plan, prepared.vectors))
    await this.assertIndexExists(index)

    // All batches are enqueued first (Meilisearch processes them in order, and batches
    // consecutive additions together), then each task is waited for; the first that failed is thrown.
    const action = `writing ${documents.length} document(s) to index "${index}"`
    const enqueued: EnqueuedTask[] = []
    for (let offset = 0; offset < stored.length; offset += this.options_.batchSize) {
      const batch = stored.slice(offset, offset + this.options_.batchSize)
      enqueued.push(await this.call(action, (client) => client.index(index).addDocuments(batch, { primaryKey: prepared.plan.primaryKey })))
    }
    let last: Task | undefined
    for (const task of enqueued) last = await this.settle(task, action)
    return this.succeeded(index, last)
  }

  async deleteDocuments({ index, filters }: SearchTypes.SearchDeleteDocumentsInput): Promise<SearchTypes.SearchTask> {
    if (!filters || !Object.keys(filters).length) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `Deleting from Meilisearch index "${index}" needs filters; clear the index instead`)
    }
    const schema = await this.filterSchema(index)

    // Deleting by id is a filter on the primary key alone: Meilisearch's delete-by-id route.
    const ids = extractPrimaryKeyFilter(filters, { primary_key: schema.primaryKey })
    if (ids) {
      if (!ids.length) return this.succeeded(index)
      const action = `deleting ${ids.length} document(s) from index "${index}"`
      const enqueued: EnqueuedTask[] = []
      for (let offset = 0; offset < ids.length; offset += this.options_.batchSize) {
        const batch = ids.slice(offset, offset + this.options_.batchSize)
        enqueued.push(await this.call(action, (client) => client.index(index).deleteDocuments(batch)))
      }
      let last: Task | undefined
      for (const task of enqueued) last = await this.settle(task, action)
      return this.succeeded(index, last)
    }

    const tree = buildFilterTree(filters, schema)
    if (tree.kind === "false") return this.succeeded(index)
    // A tree that matches everything (e.g. `$nin: []`) deletes everything, as asked.
    const filter = renderFilter(tree, schema) ?? `${formatAttribute(schema.primaryKey)} EXISTS`
    const action = `deleting documents matching ${filter} from index "${index}"`
    const task = await this.settle(await this.call(action, (client) => client.index(index).deleteDocuments({ filter })), action)
    return this.succeeded(index, task)
  }

  /**
   * The schema a delete's filters compile against. A delete only names the physical index, so
   * the definition is the one this process last prepared for it (any search, write or migration
   * of the index does). When there is none yet — a worker whose first contact with the index is
   * a delete — the filter is checked against Meilisearch's own `filterableAttributes`, and
   * values are written by their JavaScript type (a `Date` as epoch milliseconds, as stored).
   */
  protected async filterSchema(index: string): Promise<FilterSchema> {
    const prepared = this.byIndex_.get(index) ?? this.byIndex_.get(index.replace(VERSION_SUFFIX, ""))
    if (prepared) return prepared.plan

    const action = `reading the settings of index "${index}"`
    const [info, filterable] = await Promise.all([
      this.call(action, (client) => client.getRawIndex(index)),
      this.call(action, (client) => client.index(index).getFilterableAttributes()),
    ])
    const primaryKey = info.primaryKey ?? "id"
    const fields = new Map<string, PlannedField>()
    for (const entry of [primaryKey, ...(filterable ?? [])]) {
      const path = typeof entry === "string" ? entry : undefined
      if (!path || path === COUNT_ATTRIBUTE || path.includes("*")) continue
      fields.set(path, {
        path,
        type: "keyword",
        array: false,
        searchable: false,
        weight: 1,
        filterable: true,
        sortable: false,
        facets: new Set(),
        retrievable: false,
        definition: { type: "keyword", filterable: true },
      })
    }
    return { name: index, primaryKey, fields, objects: new Set(), loose: true }
  }

  /* -------------------------------------- tasks -------------------------------------- */

  /** The Search Module waits on a write through this; writes here are already settled, so it returns at once for them. */
  async waitForTask(task: SearchTypes.SearchTask, options?: { timeout_ms?: number }): Promise<SearchTypes.SearchTask> {
    if (!task.id || task.status === "succeeded" || task.status === "failed") return task
    const uid = Number(task.id)
    if (!Number.isInteger(uid) || uid < 0) throw new MedusaError(MedusaError.Types.INVALID_DATA, `"${task.id}" is not a Meilisearch task id`)
    const action = `waiting for task ${uid}${task.index ? ` on index "${task.index}"` : ""}`
    const final = await this.call(action, (client) =>
      client.tasks.waitForTask(uid, { timeout: options?.timeout_ms ?? this.options_.taskTimeoutMs, interval: this.options_.taskPollIntervalMs })
    )
    const index = task.index ?? final.indexUid ?? undefined
    if (final.status === "succeeded") return { id: String(final.uid), ...(index ? { index } : {}), status: "succeeded" }
    const error = taskFailedError(final, this.context(action))
    return {
      id: String(final.uid),
      ...(index ? { index } : {}),
      status: "failed",
      error: { message: error.message, ...(final.error?.code ? { code: final.error.code } : {}) },
    }
  }

  /* -------------------------------------- search -------------------------------------- */

  async search(input: SearchTypes.ProviderSearchQuery): Promise<SearchTypes.SearchResult> {
    const [result] = await this.searchMany([input])
    return result
  }

  /** Every query (and its facet-count companions) in one `POST /multi-search`. */
  async searchMany(inputs: SearchTypes.ProviderSearchQuery[]): Promise<SearchTypes.SearchResult[]> {
    if (!inputs.length) return []
    const plans = inputs.map((input) => planSearch(input, this.prepare(input.index)))
    const queries = plans.flatMap((plan) => plan.queries)
    const indexes = [...new Set(inputs.map((input) => `"${input.index.physical_name}"`))].join(", ")
    const response = await this.call(`searching ${indexes}`, (client) => client.multiSearch({ queries }))
    const results: MeilisearchSearchResponse[] = response.results

    let offset = 0
    return plans.map((plan) => {
      const slice = results.slice(offset, offset + plan.queries.length)
      offset += plan.queries.length
      return buildResult(plan, slice)
    })
  }
}

export default MeilisearchSearchProviderService
export { MeilisearchSearchProviderService }
