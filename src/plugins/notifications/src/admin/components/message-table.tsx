import { Badge, StatusBadge, Table, Text } from "@medusajs/ui"
import { useNavigate } from "react-router-dom"
import { CHANNEL_LABEL, formatWhen, STATUS_COLOR, STATUS_LABEL } from "../lib/format"
import type { MessageSummary } from "../lib/types"

/** The mailbox rows, newest first; a row (click or Enter) opens its message. */
export function MessageTable({ messages }: { messages: MessageSummary[] }) {
  const navigate = useNavigate()
  const open = (id: string) => navigate(`/mailbox/${encodeURIComponent(id)}`)

  return (
    <Table>
      <Table.Header>
        <Table.Row>
          <Table.HeaderCell>Created</Table.HeaderCell>
          <Table.HeaderCell>Channel</Table.HeaderCell>
          <Table.HeaderCell>Recipient</Table.HeaderCell>
          <Table.HeaderCell>Subject</Table.HeaderCell>
          <Table.HeaderCell>Template</Table.HeaderCell>
          <Table.HeaderCell>Status</Table.HeaderCell>
          <Table.HeaderCell className="text-right">Attempts</Table.HeaderCell>
        </Table.Row>
      </Table.Header>
      <Table.Body>
        {messages.map((m) => (
          <Table.Row
            key={m.id}
            tabIndex={0}
            className="cursor-pointer"
            onClick={() => open(m.id)}
            onKeyDown={(e) => e.key === "Enter" && open(m.id)}
          >
            <Table.Cell className="whitespace-nowrap">{formatWhen(m.created_at)}</Table.Cell>
            <Table.Cell>{CHANNEL_LABEL[m.channel] ?? m.channel}</Table.Cell>
            <Table.Cell className="max-w-[14rem] truncate" title={m.to}>
              {m.to}
            </Table.Cell>
            <Table.Cell className="max-w-xs">
              <div className="flex items-center gap-x-1">
                <span className="truncate" title={m.subject}>
                  {m.subject || "–"}
                </span>
                {m.resent_from_id ? <Badge size="2xsmall">resend</Badge> : null}
              </div>
            </Table.Cell>
            <Table.Cell className="font-mono">{m.template}</Table.Cell>
            <Table.Cell>
              {/* Why it failed or was held back is in the tooltip; the message page has it in full. */}
              <StatusBadge color={STATUS_COLOR[m.status] ?? "grey"} title={m.last_error ?? m.suppressed_reason ?? undefined}>
                {STATUS_LABEL[m.status] ?? m.status}
                {/* A failed message with a next attempt has not been given up on yet. */}
                {m.status === "failed" && m.next_attempt_at ? " · will retry" : ""}
              </StatusBadge>
            </Table.Cell>
            <Table.Cell className="text-right">{m.attempts}</Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  )
}

export function EmptyMailbox({ filtered }: { filtered: boolean }) {
  return (
    <Text className="px-6 py-4 text-ui-fg-subtle">
      {filtered ? "No message matches these filters." : "No message has been sent yet. Place an order or register a customer to see one here."}
    </Text>
  )
}
