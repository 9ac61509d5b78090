import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Mailbox } from "@medusajs/icons"
import { Container, Text } from "@medusajs/ui"
import { useCallback } from "react"
import { useSearchParams } from "react-router-dom"
import { MailboxFilters, type MailboxFilterKey, type MailboxFilterValues } from "../../components/mailbox-filters"
import { MailboxHeader } from "../../components/mailbox-header"
import { EmptyMailbox, MessageTable } from "../../components/message-table"
import { Pager } from "../../components/pager"
import { useAdminGet, withQuery } from "../../lib/admin-api"
import type { MailboxResponse, StatusResponse, TemplatesResponse } from "../../lib/types"

const PAGE = 20
const FILTER_KEYS: MailboxFilterKey[] = ["channel", "status", "template", "q"]

/**
 * Mailbox: the providers behind each channel, counts per status, and every message, filterable.
 * Filters and page live in the URL, so Back from a message returns to the same list and a
 * filtered view can be linked (the message page links `?template=…`).
 */
const MailboxPage = () => {
  const [params, setParams] = useSearchParams()
  const filters = Object.fromEntries(FILTER_KEYS.map((key) => [key, params.get(key) ?? ""])) as MailboxFilterValues
  const offset = Math.max(0, Number(params.get("offset")) || 0)

  const status = useAdminGet<StatusResponse>("/admin/notifications/status")
  const templates = useAdminGet<TemplatesResponse>("/admin/notifications/templates")
  const list = useAdminGet<MailboxResponse>(withQuery("/admin/mailbox", { ...filters, limit: PAGE, offset }))

  // Any filter change goes back to the first page; typing replaces the history entry instead of adding one per word.
  const setFilter = useCallback(
    (key: MailboxFilterKey, value: string) =>
      setParams(
        (current) => {
          const next = new URLSearchParams(current)
          if (value) next.set(key, value)
          else next.delete(key)
          next.delete("offset")
          return next
        },
        { replace: key === "q" }
      ),
    [setParams]
  )
  const setOffset = (next: number) =>
    setParams((current) => {
      const updated = new URLSearchParams(current)
      if (next) updated.set("offset", String(next))
      else updated.delete("offset")
      return updated
    })
  const refresh = () => {
    status.reload()
    list.reload()
  }

  return (
    <div className="flex flex-col gap-y-3">
      <MailboxHeader
        status={status.data}
        error={status.error}
        activeStatus={filters.status}
        onStatus={(s) => setFilter("status", s)}
        onRefresh={refresh}
      />
      <Container className="divide-y p-0">
        <MailboxFilters
          values={filters}
          templateNames={templates.data?.templates.map((t) => t.name) ?? []}
          templatesError={templates.error}
          onChange={setFilter}
          onClear={() => setParams({})}
        />
        {list.error ? (
          <Text className="px-6 py-4 text-ui-fg-error">Could not load the mailbox: {list.error}</Text>
        ) : !list.data ? (
          <Text className="px-6 py-4 text-ui-fg-subtle">Loading…</Text>
        ) : !list.data.messages.length ? (
          <EmptyMailbox filtered={FILTER_KEYS.some((key) => filters[key])} />
        ) : (
          // The previous page stays visible, dimmed, while the next one loads.
          <div className={list.loading ? "opacity-50 transition-opacity" : undefined} aria-busy={list.loading}>
            <MessageTable messages={list.data.messages} />
          </div>
        )}
        {list.data && !list.error ? (
          <Pager offset={offset} limit={PAGE} count={list.data.count} onOffset={setOffset} />
        ) : null}
      </Container>
    </div>
  )
}

export const config = defineRouteConfig({ label: "Mailbox", icon: Mailbox })

export default MailboxPage
