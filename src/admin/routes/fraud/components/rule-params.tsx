import { Button, Input, Select, Text } from "@medusajs/ui"
import { useState } from "react"
import { ListInput, MoneyInput, RemoveButton, TextInput } from "../../../components/form-fields"
import { Field } from "../../../components/form-fields"
import { NumberInput } from "./fields"
import { VELOCITY_KEYS } from "./format"
import type { RuleConfig, VelocityKey } from "./types"

type Of<T extends RuleConfig["type"]> = Extract<RuleConfig, { type: T }>
type ParamsProps<T extends RuleConfig["type"]> = { rule: Of<T>; update: (patch: Partial<Of<T>>) => void }

/** The parameters of one rule, by its type; amounts typed in major units, kept in minor units. */
export function RuleParams({ rule, update }: { rule: RuleConfig; update: (patch: Partial<RuleConfig>) => void }) {
  switch (rule.type) {
    case "blocklist":
    case "disposable_email":
    case "country_mismatch":
      return null
    case "high_risk_country":
      return (
        <Field label="Countries (ISO codes)" className="min-w-64 flex-1">
          <ListInput
            label={`${rule.id}: countries`}
            lowercase
            placeholder="e.g. ng, ru — empty: the rule never fires"
            value={rule.countries}
            onChange={(countries) => update({ countries: countries ?? [] })}
          />
        </Field>
      )
    case "velocity":
      return <VelocityParams rule={rule} update={update} />
    case "amount_vs_history":
      return (
        <>
          <Field label="Over × average">
            <NumberInput label={`${rule.id}: multiplier`} className="w-24" min={0.1} value={rule.multiplier} onChange={(multiplier) => update({ multiplier })} />
          </Field>
          <Field label="With at least (orders)">
            <NumberInput label={`${rule.id}: minimum orders`} className="w-24" integer min={1} value={rule.min_orders} onChange={(min_orders) => update({ min_orders })} />
          </Field>
        </>
      )
    case "amount_vs_store":
      return (
        <>
          <Field label="Above percentile">
            <NumberInput label={`${rule.id}: percentile`} className="w-24" min={1} max={99.9} value={rule.percentile} onChange={(percentile) => update({ percentile })} />
          </Field>
          <Field label="With at least (orders)">
            <NumberInput label={`${rule.id}: minimum samples`} className="w-24" integer min={1} value={rule.min_samples} onChange={(min_samples) => update({ min_samples })} />
          </Field>
        </>
      )
    case "first_order_high_value":
      return <OverParams rule={rule} update={update} />
    case "failed_payments":
      return (
        <Field label="More than (failures)">
          <NumberInput label={`${rule.id}: maximum failures`} className="w-24" integer min={0} value={rule.max_failures} onChange={(max_failures) => update({ max_failures })} />
        </Field>
      )
    case "external_signal":
      return (
        <Field label="Provider">
          <TextInput label={`${rule.id}: provider`} className="w-48" value={rule.provider} onChange={(provider) => update({ provider })} />
        </Field>
      )
  }
}

function VelocityParams({ rule, update }: ParamsProps<"velocity">) {
  return (
    <>
      <Field label="Same">
        <Select size="small" value={rule.key} onValueChange={(key) => update({ key: key as VelocityKey })}>
          <Select.Trigger aria-label={`${rule.id}: key`} className="w-40">
            <Select.Value />
          </Select.Trigger>
          <Select.Content>
            {(Object.keys(VELOCITY_KEYS) as VelocityKey[]).map((key) => (
              <Select.Item key={key} value={key}>
                {VELOCITY_KEYS[key]}
              </Select.Item>
            ))}
          </Select.Content>
        </Select>
      </Field>
      <Field label="More than (attempts)">
        <NumberInput label={`${rule.id}: maximum attempts`} className="w-24" integer min={1} value={rule.max_attempts} onChange={(max_attempts) => update({ max_attempts })} />
      </Field>
      <Field label="Within (minutes, ≤ 1440)">
        <NumberInput label={`${rule.id}: window in minutes`} className="w-24" integer min={1} max={1440} value={rule.window_minutes} onChange={(window_minutes) => update({ window_minutes })} />
      </Field>
    </>
  )
}

/** The amount over which a first order fires, per currency (lowercase ISO code → minor units). */
function OverParams({ rule, update }: ParamsProps<"first_order_high_value">) {
  const [currency, setCurrency] = useState("")
  const code = currency.trim().toLowerCase()
  const canAdd = /^[a-z]{3}$/.test(code) && !(code in rule.over)
  const set = (over: Record<string, number>) => update({ over })
  const entries = Object.entries(rule.over).sort(([a], [b]) => a.localeCompare(b))
  return (
    <div className="flex flex-col gap-y-2">
      <Text size="xsmall" weight="plus" className="text-ui-fg-subtle">
        Over (per currency; a currency not listed never fires)
      </Text>
      {entries.map(([cur, amount]) => (
        <div key={cur} className="flex items-center gap-x-2">
          <MoneyInput label={`${rule.id}: amount in ${cur.toUpperCase()}`} currency={cur} className="w-32" value={amount} onChange={(v) => set({ ...rule.over, [cur]: v })} />
          <Text size="small" className="w-10 text-ui-fg-subtle">
            {cur.toUpperCase()}
          </Text>
          <RemoveButton
            label={`Remove ${cur.toUpperCase()}`}
            onClick={() => set(Object.fromEntries(Object.entries(rule.over).filter(([c]) => c !== cur)))}
          />
        </div>
      ))}
      <div className="flex items-center gap-x-2">
        <Input size="small" aria-label={`${rule.id}: new currency`} placeholder="usd" className="w-20" value={currency} onChange={(e) => setCurrency(e.target.value)} />
        <Button
          size="small"
          variant="secondary"
          disabled={!canAdd}
          onClick={() => {
            set({ ...rule.over, [code]: 0 })
            setCurrency("")
          }}
        >
          Add currency
        </Button>
      </div>
    </div>
  )
}
