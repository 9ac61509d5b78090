import { ArrowPath } from "@medusajs/icons"
import { Button, Container, Heading, StatusBadge, Table, Text } from "@medusajs/ui"
import { useState, type ReactNode } from "react"
import { startReindex } from "./api"
import { formatCount, formatDuration, formatWhen, INDEX_STATES, SYNC_STATES } from "./format"
import type { IndexStatus } from "./types"
import type { ReindexOutcome } from "./use-search-status"

type Props = {
  index: IndexStatus
  watching: boolean
  outcome: ReindexOutcome | undefined
  onReindexStarted: () => void
}

/** One index: what it serves against the catalogue, its last and running rebuilds, its failures, and Reindex. */
export function IndexStatusCard({ index, watching, outcome, onReindexStarted }: Props) {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const state = INDEX_STATES[index.status] ?? { label: index.status, color: "grey" as const }

  const reindex = async () => {
    setBusy(true)
    setError(null)
    try {
      await startReindex(index.name)
      onReindexStarted()
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e))
    } finally {
      setBusy(false)
    }
  }

  const missing = index.documents === null ? null : index.source_rows - index.documents

  return (
    <Container role="region" aria-label={`Search index ${index.name}`} className="divide-y p-0">
      <div className="flex items-start justify-between gap-x-4 px-6 py-4">
        <div className="flex flex-col gap-y-1">
          <div className="flex items-center gap-x-2">
            <Heading level="h2">Index “{index.name}”</Heading>
            <StatusBadge color={state.color}>{state.label}</StatusBadge>
          </div>
          <Text size="small" className="text-ui-fg-subtle">
            Provider <span className="font-mono">{index.provider}</span>
            {index.active_version !== null ? ` · version ${index.active_version}` : ""} · built from {index.entity} records
          </Text>
        </div>
        <Button size="small" variant="secondary" onClick={reindex} isLoading={busy} disabled={busy || watching || !!index.running}>
          <ArrowPath />
          Reindex
        </Button>
      </div>

      <div className="grid grid-cols-1 gap-4 px-6 py-4 md:grid-cols-3">
        <Stat label="Documents served">
          {formatCount(index.documents)}
          {index.documents_estimated ? " (estimate)" : ""}
          <Text size="small" className="text-ui-fg-subtle">
            of {formatCount(index.source_rows)} {index.entity === "product" ? "products in the catalogue" : `${index.entity} records`}
          </Text>
          {index.documents_error ? (
            <Text size="small" className="text-ui-fg-error">
              Not counted: {index.documents_error}
            </Text>
          ) : missing ? (
            <Text size="small" className="text-ui-fg-error">
              {missing > 0 ? `${missing} missing` : `${-missing} more than the catalogue`}: a reindex brings them in line.
            </Text>
          ) : null}
        </Stat>
        <Stat label="Last rebuild">
          {index.last_sync ? (
            <>
              <div className="flex items-center gap-x-2">
                <StatusBadge color={SYNC_STATES[index.last_sync.status]?.color ?? "grey"}>
                  {SYNC_STATES[index.last_sync.status]?.label ?? index.last_sync.status}
                </StatusBadge>
                <span>{formatWhen(index.last_sync.completed_at ?? index.last_sync.started_at)}</span>
              </div>
              <Text size="small" className="text-ui-fg-subtle">
                {formatCount(index.last_sync.documents_synced)} documents in {formatDuration(index.last_sync.started_at, index.last_sync.completed_at)}
              </Text>
              {index.last_sync.error ? (
                <Text size="small" className="text-ui-fg-error">
                  {index.last_sync.error}
                </Text>
              ) : null}
            </>
          ) : (
            "Never"
          )}
        </Stat>
        <Stat label="Running">
          {index.running ? <Progress done={index.running.documents_synced} total={index.running.total} /> : watching ? "Waiting for the rebuild to start…" : "Nothing"}
        </Stat>
      </div>

      {index.synonyms_changed && !watching && !index.running ? (
        <Text size="small" className="px-6 py-3 text-ui-fg-subtle">
          Synonyms changed after the last rebuild started: reindex so every document carries them.
        </Text>
      ) : null}
      {error ? (
        <Text size="small" role="alert" className="px-6 py-3 text-ui-fg-error">
          Reindex not started: {error}
        </Text>
      ) : outcome ? (
        <Text size="small" role="status" className={`px-6 py-3 ${"error" in outcome || outcome.run.status !== "done" ? "text-ui-fg-error" : ""}`}>
          {"error" in outcome
            ? outcome.error
            : outcome.run.status === "done"
              ? `Reindex completed: ${formatCount(outcome.run.documents_synced)} documents.`
              : `Reindex ${SYNC_STATES[outcome.run.status]?.label.toLowerCase() ?? outcome.run.status}${outcome.run.error ? `: ${outcome.run.error}` : "."}`}
        </Text>
      ) : null}

      <div className="flex flex-col gap-y-2 py-4">
        <Heading level="h3" className="px-6">
          Failed rebuilds
        </Heading>
        {index.failures.length ? (
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>When</Table.HeaderCell>
                <Table.HeaderCell>Version</Table.HeaderCell>
                <Table.HeaderCell>Error</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {index.failures.map((failure) => (
                <Table.Row key={failure.id}>
                  <Table.Cell className="whitespace-nowrap">{formatWhen(failure.completed_at ?? failure.started_at)}</Table.Cell>
                  <Table.Cell>{failure.version}</Table.Cell>
                  <Table.Cell className="max-w-xl truncate" title={failure.error ?? undefined}>
                    {failure.error ?? "–"}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        ) : (
          <Text size="small" className="px-6 text-ui-fg-subtle">
            None.
          </Text>
        )}
      </div>
    </Container>
  )
}

function Stat({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-y-1">
      <Text size="xsmall" weight="plus" className="text-ui-fg-subtle">
        {label}
      </Text>
      <div className="txt-compact-medium flex flex-col gap-y-0.5">{children}</div>
    </div>
  )
}

function Progress({ done, total }: { done: number; total: number }) {
  const percent = total > 0 ? Math.min(100, Math.round((done / total) * 100)) : 0
  return (
    <div className="flex flex-col gap-y-1">
      <span>
        {formatCount(done)} of {formatCount(total)} documents ({percent} %)
      </span>
      <div
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={done}
        aria-label="Rebuild progress"
        className="h-2 w-full overflow-hidden rounded-full bg-ui-bg-subtle"
      >
        <div className="h-full bg-ui-fg-interactive transition-all" style={{ width: `${percent}%` }} />
      </div>
    </div>
  )
}
