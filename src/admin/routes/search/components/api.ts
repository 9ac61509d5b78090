import { sendAdminJson } from "../../../lib/send-admin-json"
import type { StatusResponse, SynonymGroup } from "./types"

export const STATUS_PATH = "/admin/search/status"
export const SEARCH_INDEXES_PATH = "/admin/search-indexes"
export const SYNONYMS_PATH = "/admin/search/synonyms?limit=500"

/** The index synonym groups are expanded into. */
export const SYNONYM_INDEX = "product"

export const fetchStatus = () => sendAdminJson<StatusResponse>("GET", STATUS_PATH)

/** Starts a rebuild in the background; GET /admin/search/status shows it running. */
export const startReindex = (index: string) => sendAdminJson<{ job_id: string; index: string }>("POST", "/admin/search/reindex", { index })

/** "tee, T-Shirt" → ["tee", "T-Shirt"]; the server trims, lower-cases and de-duplicates. */
export const parseTerms = (text: string) =>
  text
    .split(",")
    .map((term) => term.trim())
    .filter(Boolean)

export const addSynonymGroup = (terms: string[]) =>
  sendAdminJson<{ synonym_group: SynonymGroup; job_id: string | null }>("POST", "/admin/search/synonyms", { terms })

export const removeSynonymGroup = (id: string) =>
  sendAdminJson<{ id: string; job_id: string | null }>("DELETE", `/admin/search/synonyms/${encodeURIComponent(id)}`)
