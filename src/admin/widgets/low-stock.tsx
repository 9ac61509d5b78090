import { defineWidgetConfig } from "@medusajs/admin-sdk"
import { Badge, Table, Text } from "@medusajs/ui"
import { useState } from "react"
import { PagedSection } from "../lib/paged-section"
import { useAdminJson } from "../lib/use-admin-json"

type Alert = {
  id: string
  kind: "low_stock" | "out_of_stock"
  available_quantity: number
  threshold: number
  created_at: string
  inventory_item: { id: string; sku: string | null; title: string | null }
  location: { id: string; name: string | null }
}
type Page = { alerts: Alert[]; count: number }

const PAGE_SIZE = 10

/**
 * Above the inventory list: what is low or out of stock right now (open alerts, newest first),
 * each row linking to the item. One row per item, location and kind.
 */
const LowStockWidget = () => {
  const [pageIndex, setPageIndex] = useState(0)
  const { data: page, error } = useAdminJson<Page>(`/admin/low-stock?limit=${PAGE_SIZE}&offset=${pageIndex * PAGE_SIZE}`)
  const count = page?.count ?? 0

  return (
    <PagedSection
      title="Low stock"
      aside={page ? <Text className="text-ui-fg-subtle">{count} open alert{count === 1 ? "" : "s"}</Text> : null}
      what="low-stock alerts"
      emptyText="Nothing is low on stock."
      error={error}
      loaded={!!page}
      count={count}
      pageSize={PAGE_SIZE}
      pageIndex={pageIndex}
      onPageChange={setPageIndex}
    >
      <Table.Header>
        <Table.Row>
          <Table.HeaderCell>Item</Table.HeaderCell>
          <Table.HeaderCell>Location</Table.HeaderCell>
          <Table.HeaderCell>Status</Table.HeaderCell>
          <Table.HeaderCell>Available at alert</Table.HeaderCell>
          <Table.HeaderCell>Threshold</Table.HeaderCell>
          <Table.HeaderCell>Since</Table.HeaderCell>
        </Table.Row>
      </Table.Header>
      <Table.Body>
        {(page?.alerts ?? []).map((a) => (
          <Table.Row key={a.id}>
            <Table.Cell>
              <a className="text-ui-fg-interactive" href={`/app/inventory/${a.inventory_item.id}`}>
                {a.inventory_item.title ?? a.inventory_item.sku ?? a.inventory_item.id}
              </a>
            </Table.Cell>
            <Table.Cell>{a.location.name ?? a.location.id}</Table.Cell>
            <Table.Cell>
              <Badge color={a.kind === "out_of_stock" ? "red" : "orange"}>
                {a.kind === "out_of_stock" ? "Out of stock" : "Low"}
              </Badge>
            </Table.Cell>
            <Table.Cell>{a.available_quantity}</Table.Cell>
            <Table.Cell>{a.threshold}</Table.Cell>
            <Table.Cell>{new Date(a.created_at).toLocaleString()}</Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </PagedSection>
  )
}

export const config = defineWidgetConfig({
  zone: "inventory_item.list.before",
})

export default LowStockWidget
