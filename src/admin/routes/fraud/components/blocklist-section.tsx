import { Input, Select, Table, Text } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { PagedSection } from "../../../lib/paged-section"
import { useAdminJson } from "../../../lib/use-admin-json"
import { RemoveButton } from "../../../components/form-fields"
import { blocklistPath, removeBlocklistEntry } from "./api"
import { BlocklistAddForm } from "./blocklist-add-form"
import { BLOCKLIST_TYPE_ORDER, BLOCKLIST_TYPES, formatWhen } from "./format"
import type { BlocklistResponse, BlocklistType } from "./types"
import { useUserNames } from "./use-user-names"

const PAGE_SIZE = 20

/** Values refused at checkout (the blocklist rule scores them): filter, search, add, remove. */
export function BlocklistSection() {
  const [type, setType] = useState<BlocklistType | "all">("all")
  const [search, setSearch] = useState("")
  const [q, setQ] = useState("")
  const [pageIndex, setPageIndex] = useState(0)
  const { data, error, reload } = useAdminJson<BlocklistResponse>(blocklistPath({ type, q }, PAGE_SIZE, pageIndex * PAGE_SIZE))
  const names = useUserNames(data?.entries.map((e) => e.created_by) ?? [])
  const [removing, setRemoving] = useState<string | null>(null)
  const [removeError, setRemoveError] = useState<string | null>(null)

  // Searches once typing pauses, from the first page.
  useEffect(() => {
    const timer = setTimeout(() => {
      setQ(search)
      setPageIndex(0)
    }, 300)
    return () => clearTimeout(timer)
  }, [search])

  const remove = async (id: string) => {
    setRemoving(id)
    setRemoveError(null)
    try {
      await removeBlocklistEntry(id)
    } catch (e) {
      setRemoveError(e instanceof Error ? e.message : String(e))
    } finally {
      setRemoving(null)
      reload()
    }
  }

  const filters = (
    <div className="flex items-center gap-x-2">
      <Select
        size="small"
        value={type}
        onValueChange={(v) => {
          setType(v as BlocklistType | "all")
          setPageIndex(0)
        }}
      >
        <Select.Trigger aria-label="Type" className="w-44">
          <Select.Value />
        </Select.Trigger>
        <Select.Content>
          <Select.Item value="all">All types</Select.Item>
          {BLOCKLIST_TYPE_ORDER.map((t) => (
            <Select.Item key={t} value={t}>
              {BLOCKLIST_TYPES[t]}
            </Select.Item>
          ))}
        </Select.Content>
      </Select>
      <Input size="small" type="search" aria-label="Search the blocklist" placeholder="Search" className="w-56" value={search} onChange={(e) => setSearch(e.target.value)} />
    </div>
  )

  return (
    <div className="flex flex-col gap-y-3">
      <BlocklistAddForm onAdded={reload} />
      <PagedSection
        title="Blocklist"
        aside={filters}
        what="the blocklist"
        emptyText={q || type !== "all" ? "Nothing matches." : "The blocklist is empty."}
        error={error}
        loaded={!!data}
        count={data?.count ?? 0}
        pageSize={PAGE_SIZE}
        pageIndex={pageIndex}
        onPageChange={setPageIndex}
      >
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>Type</Table.HeaderCell>
            <Table.HeaderCell>Value</Table.HeaderCell>
            <Table.HeaderCell>Reason</Table.HeaderCell>
            <Table.HeaderCell>Added</Table.HeaderCell>
            <Table.HeaderCell />
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {data?.entries.map((entry) => (
            <Table.Row key={entry.id}>
              <Table.Cell>{BLOCKLIST_TYPES[entry.type] ?? entry.type}</Table.Cell>
              <Table.Cell className="max-w-xs truncate font-mono" title={entry.value}>
                {entry.value}
              </Table.Cell>
              <Table.Cell className="max-w-xs truncate" title={entry.reason ?? undefined}>
                {entry.reason ?? "–"}
              </Table.Cell>
              <Table.Cell>
                {formatWhen(entry.created_at)}
                {entry.created_by ? <span className="text-ui-fg-subtle"> · {names.get(entry.created_by) ?? entry.created_by}</span> : null}
              </Table.Cell>
              <Table.Cell className="text-right">
                {removing === entry.id ? (
                  <Text size="small" className="text-ui-fg-subtle">
                    Removing…
                  </Text>
                ) : (
                  <RemoveButton label={`Remove ${entry.value} from the blocklist`} onClick={() => remove(entry.id)} />
                )}
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </PagedSection>
      {removeError ? (
        <Text size="small" role="alert" className="px-1 text-ui-fg-error">
          Not removed: {removeError}
        </Text>
      ) : null}
    </div>
  )
}
