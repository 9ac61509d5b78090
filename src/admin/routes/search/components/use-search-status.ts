import { useCallback, useEffect, useState } from "react"
import { useAdminJson } from "../../../lib/use-admin-json"
import { STATUS_PATH } from "./api"
import type { IndexStatus, StatusResponse, SyncRun } from "./types"

/** How often the status is read while a rebuild is watched. */
export const POLL_MS = 2000
/** How long a requested rebuild may take to show up as running before the watch gives up. */
const START_TIMEOUT_MS = 60_000

type Watch = { seen: (string | null)[]; since: number }
export type ReindexOutcome = { run: SyncRun } | { error: string }

/**
 * The search status, read again every 2 s while a rebuild is watched. A watch started when a
 * rebuild was requested ends when a run that was not there before has finished; a request whose
 * run never starts (e.g. another rebuild held the index's lock too long) ends after a minute.
 */
export function useSearchStatus() {
  const { data, error, reload } = useAdminJson<StatusResponse>(STATUS_PATH)
  const [watches, setWatches] = useState<Record<string, Watch>>({})
  const [outcomes, setOutcomes] = useState<Record<string, ReindexOutcome>>({})
  const watching = Object.keys(watches).length > 0

  useEffect(() => {
    if (!watching) return
    const timer = setInterval(reload, POLL_MS)
    return () => clearInterval(timer)
  }, [watching, reload])

  useEffect(() => {
    if (!data || !watching) return
    const finished: Record<string, ReindexOutcome> = {}
    for (const [name, watch] of Object.entries(watches)) {
      const index = data.indexes.find((i) => i.name === name)
      if (!index) {
        finished[name] = { error: `The index ${name} is no longer registered.` }
      } else if (!index.running && index.last_sync && !watch.seen.includes(index.last_sync.id)) {
        finished[name] = { run: index.last_sync }
      } else if (!index.running && Date.now() - watch.since > START_TIMEOUT_MS) {
        finished[name] = { error: "No rebuild started within a minute; the server log says why. Try again." }
      }
    }
    const names = Object.keys(finished)
    if (!names.length) return
    setOutcomes((current) => ({ ...current, ...finished }))
    setWatches((current) => Object.fromEntries(Object.entries(current).filter(([name]) => !names.includes(name))))
  }, [data, watches, watching])

  /** Call once a rebuild of `index` was requested (a reindex, or a synonym change). */
  const watch = useCallback(
    (name: string) => {
      const index: IndexStatus | undefined = data?.indexes.find((i) => i.name === name)
      const seen = [index?.last_sync?.id ?? null, index?.running?.id ?? null]
      setWatches((current) => ({ ...current, [name]: { seen, since: Date.now() } }))
      setOutcomes(({ [name]: _dropped, ...rest }) => rest)
      reload()
    },
    [data, reload]
  )

  return { data, error, reload, watches, outcomes, watch }
}
