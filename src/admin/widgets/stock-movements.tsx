import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { DetailWidgetProps } from "@medusajs/framework/types"
import { Container, Heading, Table, Text } from "@medusajs/ui"
import { useState } from "react"
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
  const pageCount = Math.max(1, Math.ceil(count / PAGE_SIZE))

  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h2">Stock movements</Heading>
      </div>
      {error ? (
        <Text className="px-6 py-4 text-ui-fg-error">Could not load stock movements: {error}</Text>
      ) : !page ? (
        <Text className="px-6 py-4 text-ui-fg-subtle">Loading…</Text>
      ) : count === 0 ? (
        <Text className="px-6 py-4 text-ui-fg-subtle">No stock movements recorded yet.</Text>
      ) : (
        <>
          <Table>
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
              {page.stock_movements.map((m) => (
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
          </Table>
          <Table.Pagination
            count={count}
            pageSize={PAGE_SIZE}
            pageIndex={pageIndex}
            pageCount={pageCount}
            canPreviousPage={pageIndex > 0}
            canNextPage={pageIndex + 1 < pageCount}
            previousPage={() => setPageIndex((i) => Math.max(0, i - 1))}
            nextPage={() => setPageIndex((i) => i + 1)}
          />
        </>
      )}
    </Container>
  )
}

export const config = defineWidgetConfig({
  zone: "inventory_item.details.after",
})

export default StockMovementsWidget
