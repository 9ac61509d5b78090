import type { MedusaContainer, SearchTypes } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { SEARCH_TUNING_MODULE } from "../../../../modules/search-tuning"
import type SearchTuningModuleService from "../../../../modules/search-tuning/service"
import { SYNONYM_INDEX } from "../../../../search-catalog/synonyms"

const FAILURES_LISTED = 10

/** One rebuild of an index version: Medusa's main seed pass of a job (its catch-up pass is folded in). */
export type SyncRun = {
  id: string
  job_id: string | null
  version: number
  status: "pending" | "processing" | "done" | "failed" | "canceled"
  documents_synced: number
  started_at: Date | null
  completed_at: Date | null
  error: string | null
}

export type SearchIndexStatus = {
  name: string
  entity: string
  provider: string
  status: SearchTypes.SearchIndexStatus
  active_version: number | null
  /** Documents the active version serves, counted through the Search Module (any provider); null when it cannot answer. */
  documents: number | null
  /** True when the provider could only estimate `documents`. */
  documents_estimated: boolean
  documents_error: string | null
  /** Rows of the index's entity (`query.graph`, soft-deleted ones excluded): what a full rebuild writes. */
  source_rows: number
  last_sync: SyncRun | null
  running: (SyncRun & { total: number }) | null
  failures: Pick<SyncRun, "id" | "job_id" | "version" | "error" | "started_at" | "completed_at">[]
  /** Searchable fields, highest weight first (weights are set in code: src/search/*.ts). */
  searchable_fields: { name: string; weight: number }[]
  /** Whether synonym groups changed after the last rebuild started (only the index carrying synonyms). */
  synonyms_changed: boolean
}

type SearchModule = SearchTypes.ISearchModuleService

export function resolveSearchModule(scope: MedusaContainer): SearchModule {
  const module = scope.resolve<SearchModule | undefined>(Modules.SEARCH, { allowUnregistered: true })
  if (!module) throw new MedusaError(MedusaError.Types.NOT_FOUND, "The Search Module is not enabled")
  return module
}

/** What every registered index serves, what its source holds, and its rebuilds (Medusa's sync records). */
export async function readSearchStatus(scope: MedusaContainer): Promise<SearchIndexStatus[]> {
  const search = resolveSearchModule(scope)
  const indexes = await search.listIndexes()
  return await Promise.all(indexes.map((index) => readIndexStatus(scope, search, index)))
}

async function readIndexStatus(scope: MedusaContainer, search: SearchModule, index: SearchTypes.SearchIndexDetails): Promise<SearchIndexStatus> {
  const [documents, source_rows, runs, synonymsChangedAt] = await Promise.all([
    countDocuments(search, index.name),
    countSourceRows(scope, index.entity),
    readRuns(scope, index.name),
    index.name === SYNONYM_INDEX ? lastSynonymChange(scope) : Promise.resolve(null),
  ])
  const lastStarted = [runs.running, runs.last_done].reduce<number | null>((latest, run) => {
    const at = run?.started_at ? new Date(run.started_at).getTime() : null
    return at !== null && (latest === null || at > latest) ? at : latest
  }, null)
  return {
    name: index.name,
    entity: index.entity,
    provider: index.provider,
    status: index.status,
    active_version: runs.active_version,
    ...documents,
    source_rows,
    last_sync: runs.last,
    running: runs.running ? { ...runs.running, total: source_rows } : null,
    failures: runs.failures.map(({ id, job_id, version, error, started_at, completed_at }) => ({ id, job_id, version, error, started_at, completed_at })),
    searchable_fields: searchableFields(search.getIndex(index.name).fields),
    synonyms_changed: synonymsChangedAt !== null && (lastStarted === null || synonymsChangedAt.getTime() > lastStarted),
  }
}

async function countDocuments(search: SearchModule, index: string) {
  const count = (strategy: "exact" | "estimated") =>
    search.search({ entity: index, fields: [], pagination: { skip: 0, take: 0 }, search_options: { count: strategy } })
  try {
    return { documents: (await count("exact")).metadata.count, documents_estimated: false, documents_error: null }
  } catch (exactError) {
    // A provider may refuse an exact count; its estimate is still worth showing.
    try {
      return { documents: (await count("estimated")).metadata.count, documents_estimated: true, documents_error: null }
    } catch {
      return { documents: null, documents_estimated: false, documents_error: (exactError as Error).message }
    }
  }
}

async function countSourceRows(scope: MedusaContainer, entity: string): Promise<number> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { metadata } = await query.graph({ entity, fields: ["id"], pagination: { skip: 0, take: 1 } })
  return Number(metadata?.count ?? 0)
}

/**
 * Medusa's sync records, read-only. A job writes two rows per version: the seed pass, then a
 * catch-up pass whose failure fails the seed pass too; the first row of each (job, version) is
 * the run. Versions dropped after a swap keep their rows, so the history survives rebuilds.
 */
async function readRuns(scope: MedusaContainer, name: string) {
  const knex = scope.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const runs = `
    SELECT DISTINCT ON (s.job_id, s.search_index_version_id)
      s.id, s.job_id, v.version, s.status, s.documents_synced, s.started_at, s.completed_at, s.error, s.created_at
    FROM search_index_sync s
    JOIN search_index_version v ON v.id = s.search_index_version_id
    JOIN search_index i ON i.id = v.search_index_id
    WHERE i.name = ? AND i.deleted_at IS NULL AND s.deleted_at IS NULL
    ORDER BY s.job_id, s.search_index_version_id, s.created_at ASC, s.id ASC`
  const finished = "COALESCE(completed_at, started_at, created_at) DESC, id DESC"
  const [{ rows }, { rows: indexRows }] = await Promise.all([
    knex.raw(
      // Runs of one index are serialised by its seed lock, so only the newest run can be running;
      // an older one still "processing" belongs to a process that died.
      `WITH runs AS (${runs})
       (SELECT 'running' AS kind, latest.* FROM (SELECT * FROM runs ORDER BY created_at DESC, id DESC LIMIT 1) latest
         WHERE latest.status IN ('pending', 'processing'))
       UNION ALL
       (SELECT 'last' AS kind, runs.* FROM runs WHERE status IN ('done', 'failed', 'canceled') ORDER BY ${finished} LIMIT 1)
       UNION ALL
       (SELECT 'last_done' AS kind, runs.* FROM runs WHERE status = 'done' ORDER BY ${finished} LIMIT 1)
       UNION ALL
       (SELECT 'failed' AS kind, runs.* FROM runs WHERE status = 'failed' ORDER BY ${finished} LIMIT ?)`,
      [name, FAILURES_LISTED]
    ),
    knex.raw(`SELECT active_version AS version FROM search_index WHERE name = ? AND deleted_at IS NULL`, [name]),
  ])
  const [active] = indexRows as { version: number | null }[]
  const of = (kind: string) => (rows as (SyncRun & { kind: string })[]).filter((row) => row.kind === kind).map(toRun)
  return {
    running: of("running")[0] ?? null,
    last: of("last")[0] ?? null,
    last_done: of("last_done")[0] ?? null,
    failures: of("failed"),
    active_version: active?.version === null || active?.version === undefined ? null : Number(active.version),
  }
}

const toRun = (row: SyncRun): SyncRun => ({
  id: row.id,
  job_id: row.job_id,
  version: Number(row.version),
  status: row.status,
  documents_synced: Number(row.documents_synced ?? 0),
  started_at: row.started_at,
  completed_at: row.completed_at,
  error: row.error,
})

/** When a synonym group was last added or removed (a removal is a soft delete). */
async function lastSynonymChange(scope: MedusaContainer): Promise<Date | null> {
  const service = scope.resolve<SearchTuningModuleService>(SEARCH_TUNING_MODULE, { allowUnregistered: true })
  if (!service) return null
  const [[updated], [deleted]] = await Promise.all([
    service.listSearchSynonymGroups({}, { select: ["updated_at"], withDeleted: true, order: { updated_at: "DESC" }, take: 1 }),
    service.listSearchSynonymGroups({ deleted_at: { $ne: null } }, { select: ["deleted_at"], withDeleted: true, order: { deleted_at: "DESC" }, take: 1 }),
  ])
  const times = [updated?.updated_at, deleted?.deleted_at].filter(Boolean).map((t) => new Date(t as Date).getTime())
  return times.length ? new Date(Math.max(...times)) : null
}

function searchableFields(fields: Record<string, SearchTypes.SearchFieldDefinition>, prefix = ""): { name: string; weight: number }[] {
  const found: { name: string; weight: number; order: number }[] = []
  const walk = (level: Record<string, SearchTypes.SearchFieldDefinition>, path: string) => {
    for (const [key, field] of Object.entries(level)) {
      const name = path ? `${path}.${key}` : key
      if (field.type === "object" && field.fields) walk(field.fields, name)
      else if (field.searchable) {
        const weight = typeof field.searchable === "object" ? field.searchable.weight ?? 1 : 1
        found.push({ name, weight, order: found.length })
      }
    }
  }
  walk(fields, prefix)
  return found.sort((a, b) => b.weight - a.weight || a.order - b.order).map(({ name, weight }) => ({ name, weight }))
}
