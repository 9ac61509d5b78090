import { Container, Heading, Table, Text } from "@medusajs/ui"
import type { ReactNode } from "react"

type PagedSectionProps = {
  title: string
  /** Shown on the right of the heading, e.g. a count. */
  aside?: ReactNode
  /** What is listed, for the loading error: "Could not load <what>". */
  what: string
  emptyText: string
  error: string | null
  loaded: boolean
  count: number
  pageSize: number
  pageIndex: number
  onPageChange: (pageIndex: number) => void
  /** The table's header row and body rows (a `<Table>` is put around them). */
  children: ReactNode
}

/** A widget section listing a paginated admin API collection: heading, states, table, pager. */
export function PagedSection(props: PagedSectionProps) {
  const pageCount = Math.max(1, Math.ceil(props.count / props.pageSize))
  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h2">{props.title}</Heading>
        {props.aside}
      </div>
      {props.error ? (
        <Text className="px-6 py-4 text-ui-fg-error">
          Could not load {props.what}: {props.error}
        </Text>
      ) : !props.loaded ? (
        <Text className="px-6 py-4 text-ui-fg-subtle">Loading…</Text>
      ) : props.count === 0 ? (
        <Text className="px-6 py-4 text-ui-fg-subtle">{props.emptyText}</Text>
      ) : (
        <>
          <Table>{props.children}</Table>
          <Table.Pagination
            count={props.count}
            pageSize={props.pageSize}
            pageIndex={props.pageIndex}
            pageCount={pageCount}
            canPreviousPage={props.pageIndex > 0}
            canNextPage={props.pageIndex + 1 < pageCount}
            previousPage={() => props.onPageChange(Math.max(0, props.pageIndex - 1))}
            nextPage={() => props.onPageChange(props.pageIndex + 1)}
          />
        </>
      )}
    </Container>
  )
}
