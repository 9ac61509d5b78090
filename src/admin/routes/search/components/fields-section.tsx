import { Badge, Container, Heading, Table, Text } from "@medusajs/ui"
import { useAdminJson } from "../../../lib/use-admin-json"
import { SEARCH_INDEXES_PATH } from "./api"
import type { IndexStatus, SearchIndexesResponse } from "./types"

/**
 * The fields free text is matched against, highest weight first (read-only). The field list is
 * Medusa's `GET /admin/search-indexes`; it carries no weights, so they come from the status.
 */
export function FieldsSection({ index }: { index: IndexStatus }) {
  const { data, error } = useAdminJson<SearchIndexesResponse>(SEARCH_INDEXES_PATH)
  const fields = data?.search_indexes.find((i) => i.name === index.name)?.fields.filter((f) => f.searchable) ?? []
  const weights = new Map(index.searchable_fields.map((f, rank) => [f.name, { weight: f.weight, rank }]))
  const ranked = [...fields].sort((a, b) => (weights.get(a.name)?.rank ?? Infinity) - (weights.get(b.name)?.rank ?? Infinity))

  return (
    <Container role="region" aria-label={`Searchable fields of ${index.name}`} className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h2">Searchable fields of “{index.name}”</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          In ranking order: a match in a field higher up counts more. Weights are set in code (
          <span className="font-mono">src/search/{index.name}.ts</span>); changing them rebuilds the index on the next migration.
        </Text>
      </div>
      {error ? (
        <Text className="px-6 py-4 text-ui-fg-error">Could not load the index fields: {error}</Text>
      ) : !data ? (
        <Text className="px-6 py-4 text-ui-fg-subtle">Loading…</Text>
      ) : (
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>#</Table.HeaderCell>
              <Table.HeaderCell>Field</Table.HeaderCell>
              <Table.HeaderCell>Type</Table.HeaderCell>
              <Table.HeaderCell>Weight</Table.HeaderCell>
              <Table.HeaderCell>Also</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {ranked.map((field, i) => (
              <Table.Row key={field.name}>
                <Table.Cell>{i + 1}</Table.Cell>
                <Table.Cell className="font-mono">{field.name}</Table.Cell>
                <Table.Cell>{field.type}</Table.Cell>
                <Table.Cell>{weights.get(field.name)?.weight ?? "–"}</Table.Cell>
                <Table.Cell>
                  <div className="flex gap-x-1">
                    {field.filterable ? <Badge size="2xsmall">filter</Badge> : null}
                    {field.facetable ? <Badge size="2xsmall">facet</Badge> : null}
                    {field.sortable ? <Badge size="2xsmall">sort</Badge> : null}
                  </div>
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
    </Container>
  )
}
