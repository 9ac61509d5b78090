import { Badge, Button, Container, Heading, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { CHANNEL_LABEL, isDevMailbox, STATUS_COLOR, STATUS_LABEL } from "../lib/format"
import { CHANNELS, MESSAGE_STATUSES, type MessageStatus, type StatusResponse } from "../lib/types"

type Props = {
  status: StatusResponse | null
  error: string | null
  activeStatus: string
  onStatus: (status: MessageStatus | "") => void
  onRefresh: () => void
}

/**
 * Which provider serves each channel, and how many messages are in each state. A status count
 * filters the list to it (a second click clears the filter).
 */
export function MailboxHeader({ status, error, activeStatus, onStatus, onRefresh }: Props) {
  const devMailbox = !!status && CHANNELS.some((channel) => isDevMailbox(status.channels[channel]))

  return (
    <Container className="divide-y p-0">
      <div className="flex items-start justify-between gap-x-4 px-6 py-4">
        <div>
          <Heading level="h1">Mailbox</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Every e-mail, SMS and push notification the store sent or tried to send, with what it contained.
          </Text>
        </div>
        <div className="flex gap-x-2">
          <Button size="small" variant="secondary" asChild>
            <Link to="/mailbox/templates">Templates</Link>
          </Button>
          <Button size="small" variant="secondary" onClick={onRefresh}>
            Refresh
          </Button>
        </div>
      </div>
      {error ? (
        <Text size="small" className="px-6 py-3 text-ui-fg-error">
          Could not load the delivery status: {error}
        </Text>
      ) : !status ? (
        <Text size="small" className="px-6 py-3 text-ui-fg-subtle">
          Loading…
        </Text>
      ) : (
        <>
          <div className="grid grid-cols-1 gap-4 px-6 py-4 md:grid-cols-3">
            {CHANNELS.map((channel) => (
              <ChannelProvider key={channel} label={CHANNEL_LABEL[channel]} providerId={status.channels[channel]} />
            ))}
          </div>
          {devMailbox ? (
            <Text size="small" className="px-6 py-3 text-ui-fg-subtle">
              The dev mailbox only stores messages: nothing sent on a channel it serves leaves this machine, so any mail
              can be triggered while testing. Configure a real provider before going live.
            </Text>
          ) : null}
          <div className="flex flex-wrap gap-2 px-6 py-3">
            {MESSAGE_STATUSES.map((s) => (
              <button
                key={s}
                type="button"
                aria-pressed={activeStatus === s}
                onClick={() => onStatus(activeStatus === s ? "" : s)}
                className={`rounded-md ${activeStatus === s ? "ring-2 ring-ui-border-interactive" : ""}`}
              >
                <Badge size="small" color={STATUS_COLOR[s]}>
                  {STATUS_LABEL[s]} · {status.counts[s] ?? 0}
                </Badge>
              </button>
            ))}
          </div>
        </>
      )}
    </Container>
  )
}

function ChannelProvider({ label, providerId }: { label: string; providerId: string | null }) {
  return (
    <div className="flex flex-col gap-y-0.5">
      <Text size="xsmall" weight="plus" className="text-ui-fg-subtle">
        {label}
      </Text>
      {!providerId ? (
        <Text size="small" className="text-ui-fg-muted">
          Not configured: nothing is sent on this channel
        </Text>
      ) : isDevMailbox(providerId) ? (
        <div className="flex items-center gap-x-2">
          <Badge size="2xsmall" color="blue">
            Dev mailbox
          </Badge>
          <Text size="small" className="font-mono text-ui-fg-subtle">
            {providerId}
          </Text>
        </div>
      ) : (
        <Text size="small" className="font-mono">
          {providerId}
        </Text>
      )}
    </div>
  )
}
