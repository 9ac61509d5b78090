import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { DetailWidgetProps } from "@medusajs/framework/types"
import { Table } from "@medusajs/ui"
import { useState } from "react"
import { PagedSection } from "../lib/paged-section"
import { useAdminJson } from "../lib/use-admin-json"

type StockMovement = {
  id: string
  location_id: string
  stocked_delta: number
  reserved_delta: number
  stocked_quantity: number
  reserved_quantity: number
  reason: string
  actor_type: string
  actor_id: string | null
  reference_type: string | null
  reference_id: string | null
  created_at: string
}
type Page = { stock_movements: StockMovement[]; count: number; limit: number; offset: number }

const PAGE_SIZE = 10

const signed = (n: number) => (n > 0 ? `+${n}` : String(n))
const label = (reason: string) => reason.replace(/_/g, " ")

/** The inventory item's stock ledger, newest first, below its detail page. */
const StockMovementsWidget = ({ data: item }: DetailWidgetProps<{ id: string }>) => {
  const [pageIndex, setPageIndex] = useState(0)
  const params = new URLSearchParams({
    inventory_item_id: item.id,
    limit: String(PAGE_SIZE),
    offset: String(pageIndex * PAGE_SIZE),
  })
  const { data: page, error } = useAdminJson<Page>(`/admin/stock-movements?${params}`)

  const count = page?.count ?? 0

  return (
    <PagedSection
      title="Stock movements"
      what="stock movements"
      emptyText="No stock movements recorded yet."
      error={error}
      loaded={!!page}
      count={count}
      pageSize={PAGE_SIZE}
      pageIndex={pageIndex}
      onPageChange={setPageIndex}
    >
      <Table.Header>
        <Table.Row>
          <Table.HeaderCell>When</Table.HeaderCell>
          <Table.HeaderCell>Location</Table.HeaderCell>
          <Table.HeaderCell>Reason</Table.HeaderCell>
          <Table.HeaderCell>Stocked</Table.HeaderCell>
          <Table.HeaderCell>Reserved</Table.HeaderCell>
          <Table.HeaderCell>By</Table.HeaderCell>
          <Table.HeaderCell>Reference</Table.HeaderCell>
        </Table.Row>
      </Table.Header>
      <Table.Body>
        {(page?.stock_movements ?? []).map((m) => (
          <Table.Row key={m.id}>
            <Table.Cell>{new Date(m.created_at).toLocaleString()}</Table.Cell>
            <Table.Cell>{m.location_id}</Table.Cell>
            <Table.Cell>{label(m.reason)}</Table.Cell>
            <Table.Cell>
              {signed(m.stocked_delta)} → {m.stocked_quantity}
            </Table.Cell>
            <Table.Cell>
              {signed(m.reserved_delta)} → {m.reserved_quantity}
            </Table.Cell>
            <Table.Cell>{m.actor_id ? `${m.actor_type} ${m.actor_id}` : m.actor_type}</Table.Cell>
            <Table.Cell>{m.reference_id ? `${m.reference_type ?? ""} ${m.reference_id}` : "–"}</Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </PagedSection>
  )
}

export const config = defineWidgetConfig({
  zone: "inventory_item.details.after",
})

export default StockMovementsWidget
