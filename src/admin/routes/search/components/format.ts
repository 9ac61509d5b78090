import type { IndexState, SyncState } from "./types"

type BadgeColor = "green" | "orange" | "red" | "grey" | "blue"

export const INDEX_STATES: Record<IndexState, { label: string; color: BadgeColor }> = {
  ready: { label: "Ready", color: "green" },
  building: { label: "Building", color: "blue" },
  pending: { label: "Not built yet", color: "orange" },
  error: { label: "Error", color: "red" },
}

export const SYNC_STATES: Record<SyncState, { label: string; color: BadgeColor }> = {
  done: { label: "Completed", color: "green" },
  processing: { label: "Running", color: "blue" },
  pending: { label: "Queued", color: "blue" },
  failed: { label: "Failed", color: "red" },
  canceled: { label: "Canceled", color: "grey" },
}

export const formatWhen = (iso: string | null) =>
  iso ? new Date(iso).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "medium" }) : "–"

export const formatCount = (n: number | null) => (n === null ? "–" : n.toLocaleString())

/** "1 min 5 s" between two instants; "–" without both. */
export function formatDuration(from: string | null, to: string | null): string {
  if (!from || !to) return "–"
  const seconds = Math.max(0, Math.round((new Date(to).getTime() - new Date(from).getTime()) / 1000))
  return seconds < 60 ? `${seconds} s` : `${Math.floor(seconds / 60)} min ${seconds % 60} s`
}
