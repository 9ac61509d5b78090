/** The JSON of `/admin/search/*` and Medusa's `/admin/search-indexes` as the dashboard receives it (dates are ISO strings). */

export type IndexState = "pending" | "building" | "ready" | "error"
export type SyncState = "pending" | "processing" | "done" | "failed" | "canceled"

export type SyncRun = {
  id: string
  job_id: string | null
  version: number
  status: SyncState
  documents_synced: number
  started_at: string | null
  completed_at: string | null
  error: string | null
}

export type IndexStatus = {
  name: string
  entity: string
  provider: string
  status: IndexState
  active_version: number | null
  documents: number | null
  documents_estimated: boolean
  documents_error: string | null
  source_rows: number
  last_sync: SyncRun | null
  running: (SyncRun & { total: number }) | null
  failures: Pick<SyncRun, "id" | "job_id" | "version" | "error" | "started_at" | "completed_at">[]
  searchable_fields: { name: string; weight: number }[]
  synonyms_changed: boolean
}

export type StatusResponse = { indexes: IndexStatus[] }

export type IndexField = {
  name: string
  type: string
  searchable: boolean
  filterable: boolean
  sortable: boolean
  facetable: boolean
}

export type SearchIndexesResponse = {
  enabled: boolean
  search_indexes: { name: string; entity: string; provider: string; status: IndexState; fields: IndexField[] }[]
}

export type SynonymGroup = { id: string; terms: string[]; created_at: string; updated_at: string }

export type SynonymsResponse = { synonym_groups: SynonymGroup[]; count: number; limit: number; offset: number }
