import { Text } from "@medusajs/ui"
import { CommitInput, IntegerInput, ListInput, MoneyInput, RemoveButton, TextInput } from "../../../../components/form-fields"
import { removeZone, renameZone, unusedName } from "./references"
import { Section } from "./section"
import { Field } from "../../../../components/form-fields"
import type { Edit, RateTable, ZoneRow } from "./types"

const linkClass = "txt-compact-small-plus text-ui-fg-interactive hover:text-ui-fg-interactive-hover"

/**
 * Zones: where a destination belongs. A country-wide zone matches every postal code; prefixes
 * and ranges narrow it. When several match, the higher priority wins (then the narrower zone).
 */
export function ZonesSection({ table, edit }: { table: RateTable; edit: Edit }) {
  const add = () =>
    edit((t) =>
      t.zones.push({
        name: unusedName("New zone", t.zones.map((z) => z.name)),
        countries: [],
        postal_prefixes: null,
        postal_ranges: null,
        priority: 0,
        free_shipping_over: null,
      })
    )
  const currencies = [...new Set(table.rates.map((rate) => rate.currency_code.toLowerCase()))]
  return (
    <Section
      title="Zones"
      description="Countries, optionally narrowed to postal prefixes or ranges. The highest priority zone that matches an address prices it."
      addLabel="Add zone"
      onAdd={add}
    >
      {table.zones.length === 0 ? <Text className="px-6 py-4 text-ui-fg-subtle">No zones: no address can be quoted.</Text> : null}
      {table.zones.map((zone, zi) => (
        <ZoneEditor key={zi} zone={zone} index={zi} edit={edit} currencies={currencies} />
      ))}
    </Section>
  )
}

type ZoneEditorProps = {
  zone: ZoneRow
  index: number
  edit: Edit
  /** Currencies the rates use, offered first for a new threshold. */
  currencies: string[]
}

function ZoneEditor({ zone, index, edit, currencies }: ZoneEditorProps) {
  const change = (apply: (zone: ZoneRow) => void) => edit((t) => apply(t.zones[index]))
  const thresholds = Object.entries(zone.free_shipping_over ?? {})
  const setThresholds = (entries: [string, number][]) => change((z) => (z.free_shipping_over = entries.length ? Object.fromEntries(entries) : null))
  const ranges = zone.postal_ranges ?? []

  return (
    <div className="flex flex-col gap-y-3 px-6 py-4" role="group" aria-label={`Zone ${zone.name}`}>
      <div className="grid grid-cols-1 gap-3 md:grid-cols-[14rem_1fr_6rem_auto]">
        <Field label="Name">
          <CommitInput label={`Zone ${zone.name} name`} value={zone.name} onChange={(name) => edit((t) => renameZone(t, zone.name, name))} />
        </Field>
        <Field label="Countries (ISO codes, comma-separated)">
          <ListInput label={`Zone ${zone.name} countries`} lowercase placeholder="de, at, ch" value={zone.countries} onChange={(v) => change((z) => (z.countries = v ?? []))} />
        </Field>
        <Field label="Priority">
          <IntegerInput label={`Zone ${zone.name} priority`} min={-1000} value={zone.priority} onChange={(v) => change((z) => (z.priority = v ?? 0))} />
        </Field>
        <div className="self-end">
          <RemoveButton label={`Remove zone ${zone.name} and its rates`} onClick={() => edit((t) => removeZone(t, index))} />
        </div>
      </div>
      <div className="grid grid-cols-1 gap-3 md:grid-cols-3">
        <Field label="Postal prefixes (optional)">
          <ListInput label={`Zone ${zone.name} postal prefixes`} nullable placeholder="20, 967" value={zone.postal_prefixes} onChange={(v) => change((z) => (z.postal_prefixes = v))} />
        </Field>
        <Field label="Postal ranges (optional)">
          <div className="flex flex-col gap-y-1">
            {ranges.map((range, ri) => (
              <div key={ri} className="flex items-center gap-x-1">
                <TextInput label={`Zone ${zone.name} range ${ri + 1} from`} placeholder="From" value={range.from} onChange={(v) => change((z) => (z.postal_ranges![ri].from = v))} />
                <Text size="small">–</Text>
                <TextInput label={`Zone ${zone.name} range ${ri + 1} to`} placeholder="To" value={range.to} onChange={(v) => change((z) => (z.postal_ranges![ri].to = v))} />
                <RemoveButton
                  label={`Remove range ${range.from}–${range.to}`}
                  onClick={() => change((z) => (z.postal_ranges = withoutIndex(ranges, ri)))}
                />
              </div>
            ))}
            <button type="button" className={`${linkClass} self-start`} onClick={() => change((z) => (z.postal_ranges = [...(z.postal_ranges ?? []), { from: "", to: "" }]))}>
              Add range
            </button>
          </div>
        </Field>
        <Field label="Free shipping over (eligible services)">
          <div className="flex flex-col gap-y-1">
            {thresholds.map(([currency, amount], ti) => (
              <div key={ti} className="flex items-center gap-x-1">
                <CommitInput
                  label={`Zone ${zone.name} free shipping currency ${ti + 1}`}
                  className="w-16"
                  value={currency.toUpperCase()}
                  onChange={(code) => setThresholds(thresholds.map(([c, a], i) => (i === ti ? [code.toLowerCase(), a] : [c, a])))}
                />
                <MoneyInput
                  label={`Zone ${zone.name} free shipping over (${currency.toUpperCase()})`}
                  currency={currency}
                  value={amount}
                  onChange={(value) => setThresholds(thresholds.map(([c, a], i) => (i === ti ? [c, value] : [c, a])))}
                />
                <RemoveButton label={`Remove the ${currency.toUpperCase()} threshold`} onClick={() => setThresholds(thresholds.filter((_, i) => i !== ti))} />
              </div>
            ))}
            <button
              type="button"
              className={`${linkClass} self-start`}
              onClick={() => setThresholds([...thresholds, [currencies.find((c) => !(zone.free_shipping_over ?? {})[c]) ?? "eur", 5000]])}
            >
              Add threshold
            </button>
          </div>
        </Field>
      </div>
    </div>
  )
}

/** The list without its `index`th entry; null once empty (the zone is then not narrowed). */
function withoutIndex<T>(list: T[], index: number): T[] | null {
  const rest = list.filter((_, i) => i !== index)
  return rest.length ? rest : null
}
