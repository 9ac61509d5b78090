import { Button, Checkbox, Container, Heading, Label, StatusBadge, Text } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { AdminApiError, sendAdminJson, useBuildProgress } from "./api"
import {
  buildDuration,
  formatAgo,
  formatCount,
  formatWhen,
  stepLabel,
  summariseCounts,
  triggerLabel,
} from "./format"
import type { Build, StatusResponse } from "./types"

/** One number of the models, named by its label (for screen readers and tests). */
function Tile({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <div role="group" aria-label={label} className="flex flex-col gap-y-1 rounded-lg border border-ui-border-base px-4 py-3">
      <Text size="small" className="text-ui-fg-subtle">
        {label}
      </Text>
      <Text size="xlarge" weight="plus" className="text-ui-fg-base">
        {value}
      </Text>
      {hint ? (
        <Text size="xsmall" className="text-ui-fg-muted">
          {hint}
        </Text>
      ) : null}
    </div>
  )
}

export function BuildStatusBadge({ status }: { status: Build["status"] }) {
  const color = status === "succeeded" ? "green" : status === "failed" ? "red" : "blue"
  const text = status === "succeeded" ? "Succeeded" : status === "failed" ? "Failed" : "Running"
  return <StatusBadge color={color}>{text}</StatusBadge>
}

/** "Step 2 of 5: Word and tag weights…" with a bar. */
function Progress({ build }: { build: Build }) {
  const total = Math.max(1, build.steps_total)
  const current = Math.min(total, build.steps_done + 1)
  const percent = Math.round((100 * build.steps_done) / total)
  return (
    <div role="status" aria-label="Rebuild progress" className="flex flex-col gap-y-2">
      <Text size="small">
        Step {current} of {total}: {stepLabel(build.step)}
      </Text>
      <div
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={build.steps_done}
        className="h-2 w-full overflow-hidden rounded-full bg-ui-bg-component"
      >
        <div className="h-full bg-ui-fg-interactive transition-all" style={{ width: `${Math.max(4, percent)}%` }} />
      </div>
    </div>
  )
}

type ModelsSectionProps = {
  status: StatusResponse
  /** Fetch the status again (after a build ended). */
  reload: () => void
}

/**
 * How big and how fresh the models are, and the rebuild: started here, its progress followed
 * step by step until it succeeds or fails. A build already running (the nightly one, another
 * admin's) is followed the same way.
 */
export function ModelsSection({ status, reload }: ModelsSectionProps) {
  const [importOrders, setImportOrders] = useState(false)
  const [starting, setStarting] = useState(false)
  const [startError, setStartError] = useState<string | null>(null)
  const [note, setNote] = useState<string | null>(null)
  const [ended, setEnded] = useState<Build | null>(null)
  const progress = useBuildProgress((build) => {
    setEnded(build)
    reload()
  })
  const { follow } = progress

  // A build someone else started shows its progress too.
  const runningId = status.running_build?.id
  useEffect(() => {
    if (status.running_build && progress.build?.id !== status.running_build.id) follow(status.running_build)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [runningId])

  const rebuild = async () => {
    setStarting(true)
    setStartError(null)
    setNote(null)
    setEnded(null)
    try {
      const { build } = await sendAdminJson<{ build: Build }>("POST", "/admin/recommendations/rebuild", { import_orders: importOrders })
      if (build.status === "running") follow(build)
      else {
        setEnded(build)
        reload()
      }
    } catch (e) {
      // 409: a rebuild is already running (the nightly one, another admin's): follow that one.
      const running = e instanceof AdminApiError && e.status === 409 ? (e.body as { build?: Build | null } | null)?.build : null
      if (running) {
        setNote(`Another rebuild (${triggerLabel(running.trigger).toLowerCase()}) was already running: showing its progress.`)
        follow(running)
      } else {
        setStartError(e instanceof Error ? e.message : String(e))
        if (e instanceof AdminApiError && e.status === 409) reload()
      }
    } finally {
      setStarting(false)
    }
  }

  const running = progress.build?.status === "running" ? progress.build : null
  const { counts, last_build: last } = status
  return (
    <Container role="region" aria-label="Models" className="divide-y p-0">
      <div className="flex flex-wrap items-start justify-between gap-3 px-6 py-4">
        <div>
          <Heading level="h2">Models</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Orders and storefront views update the lists as they happen. A full rebuild recomputes every model
            from the recorded signals; it runs every night at 03:30 (server time).
          </Text>
        </div>
      </div>
      <div className="grid grid-cols-2 gap-3 px-6 py-4 md:grid-cols-3 xl:grid-cols-6">
        <Tile label="Signals" value={formatCount(counts.signals)} hint="views, carts and purchases recorded" />
        <Tile label="Products" value={formatCount(counts.products)} hint="profiled for Similar" />
        <Tile label="Trending products" value={formatCount(counts.trending_products)} hint="with recent activity" />
        <Tile label="Bought-together pairs" value={formatCount(counts.bought_together_pairs)} hint="product → product links" />
        <Tile label="Also-viewed pairs" value={formatCount(counts.also_viewed_pairs)} hint="product → product links" />
        <Tile label="Terms" value={formatCount(counts.terms)} hint="words and tags compared" />
      </div>
      <div className="grid grid-cols-1 gap-3 px-6 py-4 md:grid-cols-2">
        <div role="group" aria-label="Last signal" className="flex flex-col gap-y-1">
          <Text size="small" className="text-ui-fg-subtle">
            Last signal
          </Text>
          {status.last_signal_at ? (
            <Text title={formatWhen(status.last_signal_at)}>
              {formatAgo(status.last_signal_at)} ({formatWhen(status.last_signal_at)})
            </Text>
          ) : (
            <Text className="text-ui-fg-subtle">
              None yet: purchases are recorded when orders are placed, views when the storefront reports them.
            </Text>
          )}
        </div>
        <div role="group" aria-label="Last build" className="flex flex-col gap-y-1">
          <Text size="small" className="text-ui-fg-subtle">
            Last build
          </Text>
          {last ? (
            <>
              <div className="flex flex-wrap items-center gap-x-2">
                <BuildStatusBadge status={last.status} />
                <Text title={formatWhen(last.started_at)}>
                  {formatAgo(last.finished_at ?? last.started_at)}, took {buildDuration(last)} ({triggerLabel(last.trigger)})
                </Text>
              </div>
              {last.status === "failed" ? (
                <Text size="small" className="text-ui-fg-error">
                  {last.error}
                </Text>
              ) : (
                <Text size="small" className="text-ui-fg-subtle">
                  {summariseCounts(last.counts)}
                </Text>
              )}
            </>
          ) : (
            <Text className="text-ui-fg-subtle">Never rebuilt.</Text>
          )}
        </div>
      </div>
      <div className="flex flex-col gap-y-3 px-6 py-4">
        <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
          <Button size="small" onClick={rebuild} isLoading={starting} disabled={starting || !!running}>
            Rebuild now
          </Button>
          <div className="flex items-center gap-x-2">
            <Checkbox
              id="rebuild-import-orders"
              checked={importOrders}
              disabled={!!running}
              onCheckedChange={(checked) => setImportOrders(checked === true)}
            />
            <Label htmlFor="rebuild-import-orders" size="small">
              Also import order history
            </Label>
          </div>
          <Text size="xsmall" className="text-ui-fg-muted">
            Adds the purchases of orders placed before recommendations were installed; orders already counted are
            skipped.
          </Text>
        </div>
        {note ? (
          <Text size="small" className="text-ui-fg-subtle">
            {note}
          </Text>
        ) : null}
        {running ? <Progress build={running} /> : null}
        {progress.error && running ? (
          <Text size="small" className="text-ui-fg-muted">
            Lost touch with the rebuild ({progress.error}); retrying…
          </Text>
        ) : null}
        {startError ? (
          <Text size="small" className="text-ui-fg-error">
            Could not start the rebuild: {startError}
          </Text>
        ) : null}
        {ended && !running ? (
          ended.status === "succeeded" ? (
            <Text size="small" role="status" className="text-ui-fg-interactive">
              Rebuild finished in {buildDuration(ended)}: {summariseCounts(ended.counts)}.
            </Text>
          ) : (
            <Text size="small" role="alert" className="text-ui-fg-error">
              Rebuild failed after {buildDuration(ended)}: {ended.error ?? "unknown error"}
            </Text>
          )
        ) : null}
      </div>
    </Container>
  )
}
