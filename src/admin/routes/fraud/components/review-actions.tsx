import { Button, Checkbox, Label, Text, Textarea, usePrompt } from "@medusajs/ui"
import { useId, useState } from "react"
import { AdminApiError } from "../../../lib/send-admin-json"
import { approveReview, rejectReview } from "./api"
import { BLOCKLIST_TYPE_ORDER, BLOCKLIST_TYPES } from "./format"
import type { Assessment, BlocklistType } from "./types"

type ReviewActionsProps = {
  assessment: Pick<Assessment, "email" | "ip" | "address_key" | "card_fingerprint">
  orderId: string
  /** How the order is named in the confirmation: "#1042". */
  orderLabel: string
  /** After a decision, or a 409 (someone else decided first): reload the review. */
  onDecided: () => void
}

/**
 * Approve or reject a held order, each after a confirmation: an optional note, and on rejection
 * the values to blocklist. The API's message is shown here when it refuses (409 when already decided).
 */
export function ReviewActions({ assessment, orderId, orderLabel, onDecided }: ReviewActionsProps) {
  const prompt = usePrompt()
  const id = useId()
  const [note, setNote] = useState("")
  const [blocklist, setBlocklist] = useState<BlocklistType[]>([])
  const [busy, setBusy] = useState<"approve" | "reject" | null>(null)
  const [error, setError] = useState<string | null>(null)

  // What the checkout had: a value it did not have (null) cannot be blocklisted; undefined is unknown.
  const known: Record<BlocklistType, string | null | undefined> = {
    email: assessment.email,
    ip: assessment.ip,
    address: assessment.address_key,
    card_fingerprint: assessment.card_fingerprint,
  }
  const shown = (type: BlocklistType) => (type === "card_fingerprint" ? null : known[type])
  const toggle = (type: BlocklistType, on: boolean) =>
    setBlocklist((current) => (on ? [...current.filter((t) => t !== type), type] : current.filter((t) => t !== type)))

  const decide = async (action: "approve" | "reject") => {
    const listed = BLOCKLIST_TYPE_ORDER.filter((t) => blocklist.includes(t)).map((t) => BLOCKLIST_TYPES[t])
    const confirmed = await prompt(
      action === "approve"
        ? {
            title: `Approve order ${orderLabel}?`,
            description: "Its payment is captured and the order goes on to fulfillment.",
            confirmText: "Approve",
            cancelText: "Cancel",
            variant: "confirmation",
          }
        : {
            title: `Reject order ${orderLabel}?`,
            description:
              "The order is canceled, its payment refunded or voided and its items restocked." +
              (listed.length ? ` Blocklisted: ${listed.join(", ")}.` : " Nothing is blocklisted."),
            confirmText: "Reject order",
            cancelText: "Cancel",
            variant: "danger",
          }
    )
    if (!confirmed) return
    setBusy(action)
    setError(null)
    try {
      await (action === "approve" ? approveReview(orderId, note) : rejectReview(orderId, note, blocklist))
      onDecided()
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e))
      if (e instanceof AdminApiError && e.status === 409) onDecided()
    } finally {
      setBusy(null)
    }
  }

  return (
    <div className="flex flex-col gap-y-3">
      <div className="flex flex-col gap-y-1">
        <Label size="small" htmlFor={`${id}-note`}>
          Note (optional)
        </Label>
        <Textarea
          id={`${id}-note`}
          rows={2}
          value={note}
          placeholder="Why, for whoever looks at this order later"
          onChange={(e) => setNote(e.target.value)}
        />
      </div>
      <fieldset className="flex flex-col gap-y-1">
        <legend className="txt-compact-small-plus mb-1 text-ui-fg-base">On rejection, also blocklist</legend>
        <div className="flex flex-wrap gap-x-4 gap-y-1">
          {BLOCKLIST_TYPE_ORDER.map((type) => (
            <div key={type} className="flex items-center gap-x-2">
              <Checkbox
                id={`${id}-${type}`}
                checked={blocklist.includes(type)}
                disabled={known[type] === null}
                onCheckedChange={(checked) => toggle(type, checked === true)}
              />
              <Label size="small" htmlFor={`${id}-${type}`} className="text-ui-fg-subtle">
                {BLOCKLIST_TYPES[type]}
                {shown(type) ? <span className="text-ui-fg-muted"> ({shown(type)})</span> : null}
              </Label>
            </div>
          ))}
        </div>
      </fieldset>
      <div className="flex flex-wrap gap-2">
        <Button size="small" disabled={!!busy} isLoading={busy === "approve"} onClick={() => decide("approve")}>
          Approve
        </Button>
        <Button size="small" variant="danger" disabled={!!busy} isLoading={busy === "reject"} onClick={() => decide("reject")}>
          Reject
        </Button>
      </div>
      {error ? (
        <Text size="small" role="alert" className="text-ui-fg-error">
          {error}
        </Text>
      ) : null}
    </div>
  )
}
