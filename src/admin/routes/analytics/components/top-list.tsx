import { Badge, Table, Text } from "@medusajs/ui"
import { CsvButton } from "./csv-button"
import { formatCount, formatMoney } from "./format"
import { Section, SkeletonRows } from "./section"
import type { CategoriesReport, ProductsReport } from "./types"
import { useReport } from "./use-report"

type Row = { id: string; name: string; href: string; currency_code: string; units: number; orders: number; revenue: number }

type TopListProps = {
  title: string
  what: string
  path: string
  rows: Row[] | null
  error: string | null
  updating: boolean
  emptyText: string
  csvName: string
  nameHeader: string
}

/** A top list, best first within each currency (the API ranks per currency, by revenue). */
function TopList(props: TopListProps) {
  return (
    <Section
      title={props.title}
      description="By revenue, per currency"
      actions={<CsvButton path={props.path} fallbackName={props.csvName} />}
      what={props.what}
      error={props.error}
      loaded={props.rows !== null}
      updating={props.updating}
      skeleton={<SkeletonRows rows={5} />}
    >
      {props.rows && props.rows.length === 0 ? (
        <Text className="px-6 py-4 text-ui-fg-subtle">{props.emptyText}</Text>
      ) : (
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>{props.nameHeader}</Table.HeaderCell>
              <Table.HeaderCell>Currency</Table.HeaderCell>
              <Table.HeaderCell className="text-right">Units</Table.HeaderCell>
              <Table.HeaderCell className="text-right">Orders</Table.HeaderCell>
              <Table.HeaderCell className="text-right">Revenue</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {props.rows?.map((row) => (
              <Table.Row key={`${row.currency_code}:${row.id}`}>
                <Table.Cell className="max-w-[240px] truncate">
                  <a className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover" href={row.href}>
                    {row.name}
                  </a>
                </Table.Cell>
                <Table.Cell>
                  <Badge size="2xsmall">{row.currency_code.toUpperCase()}</Badge>
                </Table.Cell>
                <Table.Cell className="text-right">{formatCount(row.units)}</Table.Cell>
                <Table.Cell className="text-right">{formatCount(row.orders)}</Table.Cell>
                <Table.Cell className="text-right">{formatMoney(row.revenue, row.currency_code)}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
    </Section>
  )
}

const TOP = "10"

export function TopProductsSection({ query }: { query: string }) {
  const path = `/admin/analytics/products?${query}&limit=${TOP}`
  const { data, error, updating } = useReport<ProductsReport>(path)
  const rows =
    data?.products.map((p) => ({ ...p, id: p.product_id, name: p.title || p.product_id, href: `/app/products/${p.product_id}` })) ?? null
  return (
    <TopList
      title="Top products"
      what="top products"
      path={path}
      rows={rows}
      error={error}
      updating={updating}
      emptyText="No products sold in this range."
      csvName="products.csv"
      nameHeader="Product"
    />
  )
}

export function TopCategoriesSection({ query }: { query: string }) {
  const path = `/admin/analytics/categories?${query}&limit=${TOP}`
  const { data, error, updating } = useReport<CategoriesReport>(path)
  const rows =
    data?.categories.map((c) => ({ ...c, id: c.category_id, name: c.name || c.category_id, href: `/app/categories/${c.category_id}` })) ??
    null
  return (
    <TopList
      title="Top categories"
      what="top categories"
      path={path}
      rows={rows}
      error={error}
      updating={updating}
      emptyText="No categorised products sold in this range."
      csvName="categories.csv"
      nameHeader="Category"
    />
  )
}
