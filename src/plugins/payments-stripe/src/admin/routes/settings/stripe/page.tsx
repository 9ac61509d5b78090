import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Badge, Button, Container, Heading, Table, Text } from "@medusajs/ui"
import { useState } from "react"
import { formatWhen, useAdminGet } from "../../../lib/use-admin-get"

type WebhookEvent = {
  id: string
  stripe_event_id: string
  type: string
  object_id: string | null
  status: "processing" | "processed" | "failed"
  attempts: number
  outcome: string | null
  error: string | null
  created_at: string
}

const PAGE = 50
const STATUS_COLOR = { processed: "green", processing: "blue", failed: "red" } as const

/**
 * Settings → Stripe: every webhook event the store received and what it did ("captured payment
 * pay_…", "no change: …"), failures first when filtered. Stripe redelivers failed events itself;
 * this is where a merchant sees that one is stuck, and why.
 */
const StripeSettingsPage = () => {
  const [failedOnly, setFailedOnly] = useState(false)
  const [offset, setOffset] = useState(0)
  const { data, error, reload } = useAdminGet<{ webhook_events: WebhookEvent[]; count: number }>(
    `/admin/stripe/webhook-events?limit=${PAGE}&offset=${offset}${failedOnly ? "&status=failed" : ""}`
  )

  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between px-6 py-4">
        <div>
          <Heading level="h1">Stripe webhooks</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Endpoint <code>/hooks/stripe</code>. Each Stripe event is handled once; redeliveries change nothing.
          </Text>
        </div>
        <div className="flex gap-x-2">
          <Button size="small" variant="secondary" onClick={() => { setOffset(0); setFailedOnly(!failedOnly) }}>
            {failedOnly ? "Show all" : "Failed only"}
          </Button>
          <Button size="small" variant="secondary" onClick={reload}>Refresh</Button>
        </div>
      </div>
      {error ? (
        <Text className="px-6 py-4 text-ui-fg-error">Could not load webhook events: {error}</Text>
      ) : !data ? (
        <Text className="px-6 py-4 text-ui-fg-subtle">Loading…</Text>
      ) : !data.webhook_events.length ? (
        <Text className="px-6 py-4 text-ui-fg-subtle">{failedOnly ? "No failed events." : "No Stripe event has arrived yet."}</Text>
      ) : (
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>Received</Table.HeaderCell>
              <Table.HeaderCell>Event</Table.HeaderCell>
              <Table.HeaderCell>Object</Table.HeaderCell>
              <Table.HeaderCell>Status</Table.HeaderCell>
              <Table.HeaderCell>What happened</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {data.webhook_events.map((e) => (
              <Table.Row key={e.id}>
                <Table.Cell>{formatWhen(e.created_at)}</Table.Cell>
                <Table.Cell>{e.type}</Table.Cell>
                <Table.Cell className="font-mono">{e.object_id ?? "—"}</Table.Cell>
                <Table.Cell>
                  <Badge color={STATUS_COLOR[e.status]}>{e.status}{e.attempts > 1 ? ` · ${e.attempts} tries` : ""}</Badge>
                </Table.Cell>
                <Table.Cell className="text-ui-fg-subtle">{e.error ?? e.outcome ?? "—"}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
      {data && data.count > PAGE ? (
        <div className="flex items-center justify-between px-6 py-3">
          <Text size="small" className="text-ui-fg-subtle">{offset + 1}–{Math.min(offset + PAGE, data.count)} of {data.count}</Text>
          <div className="flex gap-x-2">
            <Button size="small" variant="secondary" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>Previous</Button>
            <Button size="small" variant="secondary" disabled={offset + PAGE >= data.count} onClick={() => setOffset(offset + PAGE)}>Next</Button>
          </div>
        </div>
      ) : null}
    </Container>
  )
}

export const config = defineRouteConfig({ label: "Stripe" })

export default StripeSettingsPage
