import { ArrowPath } from "@medusajs/icons"
import { Button, toast, usePrompt } from "@medusajs/ui"
import { useState } from "react"
import { useNavigate } from "react-router-dom"
import { errorText, requestAdminJson } from "../lib/admin-api"
import { formatWhen, IN_FLIGHT } from "../lib/format"
import type { MessageDetail, MessageSummary, ResendResponse } from "../lib/types"

/**
 * Sends a message again as a new copy (the original stays as it was), tells how the copy fared,
 * and opens it. Asks first: on a real provider this reaches the customer. Not offered while the
 * message itself is still on its way, which would send it twice.
 */
export function ResendButton({ message }: { message: MessageDetail }) {
  const [busy, setBusy] = useState(false)
  const prompt = usePrompt()
  const navigate = useNavigate()

  const resend = async () => {
    const confirmed = await prompt({
      title: "Resend this message?",
      // A failed message with a next attempt is still retried by the job: both could arrive.
      description:
        `A new copy of “${message.subject}” goes to ${message.to}, unchanged.` +
        (message.status === "failed" && message.next_attempt_at
          ? ` This message is also retried automatically at ${formatWhen(message.next_attempt_at)}, so the recipient may get it twice.`
          : ""),
      confirmText: "Resend",
      cancelText: "Cancel",
      variant: "confirmation",
    })
    if (!confirmed) return
    setBusy(true)
    try {
      const { message: copy } = await requestAdminJson<ResendResponse>("POST", `/admin/mailbox/${encodeURIComponent(message.id)}/resend`)
      announce(copy)
      navigate(`/mailbox/${encodeURIComponent(copy.id)}`)
    } catch (e) {
      toast.error("Not resent", { description: errorText(e) })
    } finally {
      setBusy(false)
    }
  }

  return (
    <Button size="small" variant="secondary" onClick={resend} isLoading={busy} disabled={busy || IN_FLIGHT.includes(message.status)}>
      <ArrowPath />
      Resend
    </Button>
  )
}

/** The copy's status is the answer to "did it go out?". */
function announce(copy: MessageSummary) {
  switch (copy.status) {
    case "sent":
      return toast.success("Resent", { description: `Sent to ${copy.to}.` })
    case "failed":
      return toast.error("Resend failed", { description: copy.last_error ?? "The provider did not accept it." })
    case "suppressed":
      return toast.warning("Resend held back", { description: copy.suppressed_reason ?? "The recipient does not receive this kind of message." })
    default:
      return toast.info("Resend queued", { description: "It goes out in the background; its page follows it." })
  }
}
