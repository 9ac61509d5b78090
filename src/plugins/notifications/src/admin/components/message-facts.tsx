import { Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { CHANNEL_LABEL, formatWhen, isDevMailbox, resourceHref } from "../lib/format"
import type { MessageDetail } from "../lib/types"
import { Fact } from "./fact"

/** Who a message went to, what asked for it, and how its delivery went. */
export function MessageFacts({ message: m }: { message: MessageDetail }) {
  const resource = resourceHref(m.resource_type, m.resource_id)

  return (
    <div className="flex flex-col gap-y-4 px-6 py-4">
      {m.last_error ? (
        <Text size="small" role="alert" className="text-ui-fg-error">
          Last error: {m.last_error}
        </Text>
      ) : null}
      {m.status === "suppressed" ? (
        <Text size="small" className="text-ui-fg-subtle">
          Not sent: {m.suppressed_reason ?? "no reason recorded"}
        </Text>
      ) : null}
      <div className="grid grid-cols-2 gap-4 md:grid-cols-4">
        <Fact label="To">
          <span className="font-mono">{m.to}</span>
        </Fact>
        <Fact label="Channel">
          {CHANNEL_LABEL[m.channel] ?? m.channel} · {m.provider_id ?? "no provider yet"}
          {isDevMailbox(m.provider_id) ? " (stored only)" : ""}
        </Fact>
        <Fact label="Template">
          <Link className="text-ui-fg-interactive" to={`/mailbox/templates?template=${encodeURIComponent(m.template)}&locale=${encodeURIComponent(m.locale)}`}>
            {m.template}
          </Link>{" "}
          · {m.category} · {m.locale}
        </Fact>
        <Fact label="Triggered by">
          {m.trigger}
          {m.resource_type ? (
            <div className="text-ui-fg-subtle">
              {m.resource_type}{" "}
              {resource ? (
                <Link className="font-mono text-ui-fg-interactive" to={resource}>
                  {m.resource_id}
                </Link>
              ) : (
                <span className="font-mono">{m.resource_id}</span>
              )}
            </div>
          ) : null}
        </Fact>
        <Fact label="Attempts">{m.attempts}</Fact>
        <Fact label="Next attempt">{formatWhen(m.next_attempt_at)}</Fact>
        <Fact label="Created">{formatWhen(m.created_at)}</Fact>
        <Fact label="Sent">{formatWhen(m.sent_at)}</Fact>
        {m.resent_from_id ? (
          <Fact label="Resend of">
            <Link className="font-mono text-ui-fg-interactive" to={`/mailbox/${encodeURIComponent(m.resent_from_id)}`}>
              {m.resent_from_id}
            </Link>
          </Fact>
        ) : null}
        <Fact label="Message id">
          <span className="font-mono">{m.id}</span>
        </Fact>
        {m.external_id ? (
          <Fact label="Provider's id">
            <span className="font-mono">{m.external_id}</span>
          </Fact>
        ) : null}
      </div>
    </div>
  )
}
