import { Badge, Container, Heading, Table, Text } from "@medusajs/ui"
import { formatWhen } from "./format"
import type { RuleSetVersion } from "./types"

type VersionsListProps = { versions: RuleSetVersion[]; current: number; userName: (id: string) => string }

/** Every saved version of the rules, newest first: who saved it and when. */
export function VersionsList({ versions, current, userName }: VersionsListProps) {
  const sorted = [...versions].sort((a, b) => b.version - a.version)
  return (
    <Container role="region" aria-label="Version history" className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h2">Version history</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          Each assessment names the version it was scored with.
        </Text>
      </div>
      {sorted.length === 0 ? (
        <Text className="px-6 py-4 text-ui-fg-subtle">Only the built-in defaults so far.</Text>
      ) : (
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>Version</Table.HeaderCell>
              <Table.HeaderCell>Saved by</Table.HeaderCell>
              <Table.HeaderCell>Saved</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {sorted.map((v) => (
              <Table.Row key={v.version}>
                <Table.Cell>
                  <div className="flex items-center gap-x-2">
                    v{v.version}
                    {v.version === current ? (
                      <Badge size="2xsmall" color="green">
                        In force
                      </Badge>
                    ) : null}
                  </div>
                </Table.Cell>
                <Table.Cell>{v.created_by ? userName(v.created_by) : "Built-in defaults"}</Table.Cell>
                <Table.Cell>{formatWhen(v.created_at)}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
    </Container>
  )
}
