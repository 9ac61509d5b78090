import { Container, Heading, Table, Text } from "@medusajs/ui"
import { buildDuration, formatWhen, stepLabel, summariseCounts, triggerLabel } from "./format"
import { BuildStatusBadge } from "./models-section"
import type { Build } from "./types"

/** The latest rebuilds (the status route keeps ten), newest first. */
export function BuildsTable({ builds }: { builds: Build[] }) {
  return (
    <Container role="region" aria-label="Recent builds" className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h2">Recent builds</Heading>
      </div>
      {builds.length === 0 ? (
        <Text className="px-6 py-4 text-ui-fg-subtle">No rebuild has run yet.</Text>
      ) : (
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>Started</Table.HeaderCell>
              <Table.HeaderCell>Started by</Table.HeaderCell>
              <Table.HeaderCell>Status</Table.HeaderCell>
              <Table.HeaderCell>Duration</Table.HeaderCell>
              <Table.HeaderCell>Result</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {builds.map((b) => (
              <Table.Row key={b.id}>
                <Table.Cell>{formatWhen(b.started_at)}</Table.Cell>
                <Table.Cell>{triggerLabel(b.trigger)}</Table.Cell>
                <Table.Cell>
                  <BuildStatusBadge status={b.status} />
                </Table.Cell>
                <Table.Cell>{buildDuration(b)}</Table.Cell>
                <Table.Cell className="max-w-[28rem] whitespace-normal">
                  {b.status === "failed" ? (
                    <Text size="small" className="text-ui-fg-error">
                      {b.error ?? "failed"}
                    </Text>
                  ) : b.status === "running" ? (
                    `Step ${Math.min(b.steps_total, b.steps_done + 1)} of ${b.steps_total}: ${stepLabel(b.step)}`
                  ) : (
                    summariseCounts(b.counts)
                  )}
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
    </Container>
  )
}
