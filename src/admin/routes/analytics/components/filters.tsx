import { DatePicker, Label, Select, Text } from "@medusajs/ui"
import { useState } from "react"
import { useAdminJson } from "../../../lib/use-admin-json"
import { formatDay } from "./format"
import {
  ALL,
  INTERVALS,
  PRESETS,
  type Filters,
  type Preset,
  intervalFor,
  daysIn,
  presetRange,
  rangeProblem,
  timeZoneOptions,
  todayIn,
} from "./range"
import type { Interval } from "./types"

type Regions = { regions: { id: string; name: string; currency_code: string }[] }
type SalesChannels = { sales_channels: { id: string; name: string }[] }

/** A picked calendar day (the picker gives local midnight) as `YYYY-MM-DD`. */
const dayOf = (date: Date) =>
  `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, "0")}-${String(date.getDate()).padStart(2, "0")}`
const dateOf = (day: string) => {
  const [y, m, d] = day.split("-").map(Number)
  return new Date(y, m - 1, d)
}

type FilterSelectProps = {
  id: string
  label: string
  value: string
  onChange: (value: string) => void
  options: { value: string; label: string }[]
}

function FilterSelect({ id, label, value, onChange, options }: FilterSelectProps) {
  return (
    <div className="flex flex-col gap-y-1">
      <Label size="xsmall" htmlFor={id} className="text-ui-fg-subtle">
        {label}
      </Label>
      <Select size="small" value={value} onValueChange={onChange}>
        <Select.Trigger id={id} className="min-w-[150px]" aria-label={label}>
          <Select.Value />
        </Select.Trigger>
        <Select.Content>
          {options.map((o) => (
            <Select.Item key={o.value} value={o.value}>
              {o.label}
            </Select.Item>
          ))}
        </Select.Content>
      </Select>
    </div>
  )
}

/** Range, interval, time zone and the currency, region and sales channel filters of the analytics page. */
export function FilterBar({ filters, onChange }: { filters: Filters; onChange: (filters: Filters) => void }) {
  const { data: regions } = useAdminJson<Regions>("/admin/regions?fields=id,name,currency_code&limit=100")
  const { data: channels } = useAdminJson<SalesChannels>("/admin/sales-channels?fields=id,name&limit=100")
  // The custom range being picked; applied once both ends make a valid range.
  const [draft, setDraft] = useState({ from: filters.from, to: filters.to })
  const problem = filters.preset === "custom" ? rangeProblem(draft.from, draft.to) : null

  const currencies = [...new Set((regions?.regions ?? []).map((r) => r.currency_code))].sort()

  const choosePreset = (preset: Preset) => {
    if (preset === "custom") {
      setDraft({ from: filters.from, to: filters.to })
      onChange({ ...filters, preset })
      return
    }
    const range = presetRange(preset, todayIn(filters.timezone))
    onChange({ ...filters, preset, ...range, interval: intervalFor(daysIn(range.from, range.to)) })
  }

  // A preset ends on the new zone's today (it may already be tomorrow there); custom days stay.
  const chooseTimeZone = (timezone: string) =>
    onChange(
      filters.preset === "custom" ? { ...filters, timezone } : { ...filters, timezone, ...presetRange(filters.preset, todayIn(timezone)) }
    )

  const pick = (end: "from" | "to", date: Date | null) => {
    const next = { ...draft, [end]: date ? dayOf(date) : "" }
    setDraft(next)
    if (!rangeProblem(next.from, next.to)) onChange({ ...filters, ...next })
  }

  return (
    <div className="flex flex-col gap-y-3">
      <div className="flex flex-wrap items-end gap-3">
        <FilterSelect
          id="analytics-range"
          label="Range"
          value={filters.preset}
          onChange={(v) => choosePreset(v as Preset)}
          options={PRESETS}
        />
        {filters.preset === "custom"
          ? ([["from", "From"], ["to", "To"]] as const).map(([end, label]) => (
              <div key={end} className="flex flex-col gap-y-1">
                <Label size="xsmall" className="text-ui-fg-subtle">
                  {label}
                </Label>
                <DatePicker
                  size="small"
                  aria-label={label}
                  value={draft[end] ? dateOf(draft[end]) : null}
                  onChange={(d) => pick(end, d)}
                />
              </div>
            ))
          : null}
        <FilterSelect
          id="analytics-interval"
          label="Chart interval"
          value={filters.interval}
          onChange={(v) => onChange({ ...filters, interval: v as Interval })}
          options={INTERVALS}
        />
        <FilterSelect
          id="analytics-timezone"
          label="Time zone"
          value={filters.timezone}
          onChange={chooseTimeZone}
          options={timeZoneOptions(filters.timezone)}
        />
        <FilterSelect
          id="analytics-currency"
          label="Currency"
          value={filters.currency_code}
          onChange={(v) => onChange({ ...filters, currency_code: v })}
          options={[{ value: ALL, label: "All currencies" }, ...currencies.map((c) => ({ value: c, label: c.toUpperCase() }))]}
        />
        <FilterSelect
          id="analytics-region"
          label="Region"
          value={filters.region_id}
          onChange={(v) => onChange({ ...filters, region_id: v })}
          options={[{ value: ALL, label: "All regions" }, ...(regions?.regions ?? []).map((r) => ({ value: r.id, label: r.name }))]}
        />
        <FilterSelect
          id="analytics-channel"
          label="Sales channel"
          value={filters.sales_channel_id}
          onChange={(v) => onChange({ ...filters, sales_channel_id: v })}
          options={[
            { value: ALL, label: "All sales channels" },
            ...(channels?.sales_channels ?? []).map((c) => ({ value: c.id, label: c.name })),
          ]}
        />
      </div>
      {problem ? (
        <Text size="small" className="text-ui-fg-error">
          {problem} Showing {formatDay(filters.from)} – {formatDay(filters.to)}.
        </Text>
      ) : null}
    </div>
  )
}
