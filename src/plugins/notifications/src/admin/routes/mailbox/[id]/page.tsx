import { Container, Heading, StatusBadge, Text } from "@medusajs/ui"
import { useEffect } from "react"
import { Link, useParams } from "react-router-dom"
import { MessageBodyTabs } from "../../../components/message-body-tabs"
import { MessageFacts } from "../../../components/message-facts"
import { ResendButton } from "../../../components/resend-button"
import { useAdminGet } from "../../../lib/admin-api"
import { IN_FLIGHT, STATUS_COLOR, STATUS_LABEL } from "../../../lib/format"
import type { MessageResponse } from "../../../lib/types"

/** How often a queued or sending message is read again, until it is sent, failed or suppressed. */
const FOLLOW_MS = 3000

/**
 * One message: its delivery (status, error, attempts, next retry), what triggered it, its HTML,
 * text and data, and Resend. No sidebar entry: it is opened from the mailbox list.
 */
const MessagePage = () => {
  const { id = "" } = useParams<{ id: string }>()
  const { data, error, reload } = useAdminGet<MessageResponse>(`/admin/mailbox/${encodeURIComponent(id)}`)
  // After a Resend the page shows a new id: the previous message must not stand in for it.
  const message = data?.message.id === id ? data.message : null
  const inFlight = !!message && IN_FLIGHT.includes(message.status)

  useEffect(() => {
    if (!inFlight) return
    const timer = setInterval(reload, FOLLOW_MS)
    return () => clearInterval(timer)
  }, [inFlight, reload])

  return (
    <div className="flex flex-col gap-y-3">
      <Link to="/mailbox" className="txt-compact-small text-ui-fg-subtle hover:text-ui-fg-base">
        ← Mailbox
      </Link>
      {error ? (
        // Also when a follow-up read fails: the message then stays below as it was last read.
        <Container className="px-6 py-4">
          <Text className="text-ui-fg-error">Could not load the message: {error}</Text>
        </Container>
      ) : null}
      {!message ? (
        error ? null : (
          <Container className="px-6 py-4">
            <Text className="text-ui-fg-subtle">Loading…</Text>
          </Container>
        )
      ) : (
        <>
          <Container className="divide-y p-0">
            <div className="flex items-start justify-between gap-x-4 px-6 py-4">
              <div className="flex min-w-0 flex-col gap-y-1">
                <div className="flex items-center gap-x-2">
                  <Heading level="h1" className="truncate">
                    {message.subject || "(no subject)"}
                  </Heading>
                  <StatusBadge color={STATUS_COLOR[message.status] ?? "grey"}>{STATUS_LABEL[message.status] ?? message.status}</StatusBadge>
                </div>
                {inFlight ? (
                  <Text size="small" className="text-ui-fg-subtle">
                    On its way: this page updates by itself.
                  </Text>
                ) : null}
              </div>
              <ResendButton message={message} />
            </div>
            <MessageFacts message={message} />
          </Container>
          <Container className="p-0">
            <MessageBodyTabs message={message} />
          </Container>
        </>
      )}
    </div>
  )
}

export default MessagePage
