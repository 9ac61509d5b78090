import { Button, Input, Select, Text } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { CHANNEL_LABEL, STATUS_LABEL } from "../lib/format"
import { CHANNELS, MESSAGE_STATUSES } from "../lib/types"

export type MailboxFilterValues = { channel: string; status: string; template: string; q: string }
export type MailboxFilterKey = keyof MailboxFilterValues

type Props = {
  values: MailboxFilterValues
  templateNames: string[]
  templatesError: string | null
  onChange: (key: MailboxFilterKey, value: string) => void
  onClear: () => void
}

/** Radix Select items cannot have an empty value, so "no filter" is this one. */
const ANY = "any"
/** Typing pauses this long before the list is searched, so each keystroke is not a request. */
const SEARCH_DELAY_MS = 400

export function MailboxFilters({ values, templateNames, templatesError, onChange, onClear }: Props) {
  const [text, setText] = useState(values.q)
  // Follows the URL when it changes from outside (Clear, the browser's Back); keeps a trailing
  // space being typed when the URL only caught up with the box.
  useEffect(() => setText((current) => (current.trim() === values.q ? current : values.q)), [values.q])
  useEffect(() => {
    if (text.trim() === values.q) return
    const timer = setTimeout(() => onChange("q", text.trim()), SEARCH_DELAY_MS)
    return () => clearTimeout(timer)
  }, [text, values.q, onChange])

  const filtered = Object.values(values).some(Boolean)
  // A template filter from a link stays selectable even when the list does not know it.
  const templates = values.template && !templateNames.includes(values.template) ? [values.template, ...templateNames] : templateNames

  return (
    <div className="flex flex-col gap-y-2 px-6 py-4">
      <div className="flex flex-wrap items-center gap-2">
        <FilterSelect label="Channel" value={values.channel} onChange={(v) => onChange("channel", v)}
          options={CHANNELS.map((c) => [c, CHANNEL_LABEL[c]])} anyLabel="All channels" />
        <FilterSelect label="Status" value={values.status} onChange={(v) => onChange("status", v)}
          options={MESSAGE_STATUSES.map((s) => [s, STATUS_LABEL[s]])} anyLabel="All statuses" />
        <FilterSelect label="Template" value={values.template} onChange={(v) => onChange("template", v)}
          options={templates.map((t) => [t, t])} anyLabel="All templates" />
        <Input
          size="small"
          type="search"
          aria-label="Search recipient or subject"
          placeholder="Recipient or subject"
          maxLength={200}
          className="w-64"
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        {filtered ? (
          <Button size="small" variant="transparent" onClick={onClear}>
            Clear filters
          </Button>
        ) : null}
      </div>
      {templatesError ? (
        <Text size="small" className="text-ui-fg-error">
          Could not load the templates to filter by: {templatesError}
        </Text>
      ) : null}
    </div>
  )
}

type FilterSelectProps = {
  label: string
  value: string
  anyLabel: string
  options: [string, string][]
  onChange: (value: string) => void
}

function FilterSelect({ label, value, anyLabel, options, onChange }: FilterSelectProps) {
  return (
    <div className="w-44">
      <Select size="small" value={value || ANY} onValueChange={(v) => onChange(v === ANY ? "" : v)}>
        <Select.Trigger aria-label={label}>
          <Select.Value />
        </Select.Trigger>
        <Select.Content>
          <Select.Item value={ANY}>{anyLabel}</Select.Item>
          {options.map(([option, text]) => (
            <Select.Item key={option} value={option}>
              {text}
            </Select.Item>
          ))}
        </Select.Content>
      </Select>
    </div>
  )
}
