import { Button, Container, Heading, Input, Label, Select, Text } from "@medusajs/ui"
import { useState } from "react"
import { addBlocklistEntry } from "./api"
import { BLOCKLIST_TYPE_ORDER, BLOCKLIST_TYPES } from "./format"
import type { BlocklistType } from "./types"

const PLACEHOLDERS: Record<BlocklistType, string> = {
  email: "fraudster@example.com",
  ip: "203.0.113.7 or 203.0.113.0/24",
  address: "de|10115|hauptstrasse 5",
  card_fingerprint: "Stripe card fingerprint",
}

/** Adds a value to the blocklist; the server normalises it and says when it is not valid. */
export function BlocklistAddForm({ onAdded }: { onAdded: () => void }) {
  const [type, setType] = useState<BlocklistType>("email")
  const [value, setValue] = useState("")
  const [reason, setReason] = useState("")
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const add = async () => {
    setBusy(true)
    setError(null)
    try {
      await addBlocklistEntry({ type, value, reason })
      setValue("")
      setReason("")
      onAdded()
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <Container role="region" aria-label="Add to the blocklist" className="flex flex-col gap-y-3 px-6 py-4">
      <div>
        <Heading level="h2">Add to the blocklist</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          A checkout with a listed value scores the blocklist rule (enough to reject it with the default rules). IP
          entries may be ranges (CIDR).
        </Text>
      </div>
      <form
        className="grid grid-cols-1 items-end gap-3 md:grid-cols-[11rem_minmax(14rem,1fr)_minmax(12rem,1fr)_auto]"
        onSubmit={(e) => {
          e.preventDefault()
          if (value.trim() && !busy) void add()
        }}
      >
        <div className="flex flex-col gap-y-1">
          <Label size="small">Type</Label>
          <Select size="small" value={type} onValueChange={(v) => setType(v as BlocklistType)}>
            <Select.Trigger aria-label="Type of the new entry">
              <Select.Value />
            </Select.Trigger>
            <Select.Content>
              {BLOCKLIST_TYPE_ORDER.map((t) => (
                <Select.Item key={t} value={t}>
                  {BLOCKLIST_TYPES[t]}
                </Select.Item>
              ))}
            </Select.Content>
          </Select>
        </div>
        <div className="flex flex-col gap-y-1">
          <Label size="small" htmlFor="fraud-blocklist-value">
            Value
          </Label>
          <Input id="fraud-blocklist-value" size="small" placeholder={PLACEHOLDERS[type]} value={value} onChange={(e) => setValue(e.target.value)} />
        </div>
        <div className="flex flex-col gap-y-1">
          <Label size="small" htmlFor="fraud-blocklist-reason">
            Reason (optional)
          </Label>
          <Input id="fraud-blocklist-reason" size="small" value={reason} onChange={(e) => setReason(e.target.value)} />
        </div>
        <Button size="small" type="submit" disabled={!value.trim() || busy} isLoading={busy}>
          Add
        </Button>
      </form>
      {error ? (
        <Text size="small" role="alert" className="text-ui-fg-error">
          Not added: {error}
        </Text>
      ) : null}
    </Container>
  )
}
