import { Button, Input, Select, Table, Text } from "@medusajs/ui"
import { useState } from "react"
import { IntegerInput, MoneyInput, RemoveButton } from "../../../../components/form-fields"
import { Section } from "./section"
import { Field } from "../../../../components/form-fields"
import type { Edit, RateRow, RateTable } from "./types"

type Grid = {
  key: string
  zone_name: string
  carrier_code: string
  service_level_code: string
  currency_code: string
  /** Brackets with their position in `table.rates`, in the order they were entered. */
  brackets: { index: number; rate: RateRow }[]
}

const gridKey = (rate: Pick<RateRow, "zone_name" | "carrier_code" | "service_level_code" | "currency_code">) =>
  [rate.zone_name, rate.carrier_code, rate.service_level_code, rate.currency_code.toLowerCase()].join("|")

/** The rates as one grid per zone × service × currency, in the zones' and services' order. */
function gridsOf(table: RateTable): Grid[] {
  const grids = new Map<string, Grid>()
  table.rates.forEach((rate, index) => {
    const key = gridKey(rate)
    const grid = grids.get(key) ?? { key, ...pick(rate), currency_code: rate.currency_code.toLowerCase(), brackets: [] }
    grid.brackets.push({ index, rate })
    grids.set(key, grid)
  })
  const zoneOrder = (name: string) => table.zones.findIndex((zone) => zone.name === name)
  const serviceOrder = (carrier: string, service: string) =>
    table.carriers.flatMap((c) => c.service_levels.map((s) => `${c.code}/${s.code}`)).indexOf(`${carrier}/${service}`)
  return [...grids.values()].sort(
    (a, b) =>
      zoneOrder(a.zone_name) - zoneOrder(b.zone_name) ||
      serviceOrder(a.carrier_code, a.service_level_code) - serviceOrder(b.carrier_code, b.service_level_code) ||
      a.currency_code.localeCompare(b.currency_code)
  )
}

const pick = ({ zone_name, carrier_code, service_level_code }: RateRow) => ({ zone_name, carrier_code, service_level_code })

/**
 * Prices: for each zone, service and currency, weight brackets. A parcel pays the first bracket
 * that holds its billable weight (the greater of actual and dimensional weight).
 */
export function RatesSection({ table, edit }: { table: RateTable; edit: Edit }) {
  const grids = gridsOf(table)
  const serviceName = (carrier: string, service: string) => {
    const c = table.carriers.find((row) => row.code === carrier)
    return `${c?.name ?? carrier} ${c?.service_levels.find((s) => s.code === service)?.name ?? service}`
  }

  return (
    <Section
      title="Rates"
      description="One grid per zone, service and currency. Each row is a weight bracket: parcels up to that billable weight pay its price."
    >
      {grids.length === 0 ? <Text className="px-6 py-4 text-ui-fg-subtle">No rates yet.</Text> : null}
      <div className="grid grid-cols-1 gap-4 px-6 py-4 lg:grid-cols-2 xl:grid-cols-3">
        {grids.map((grid) => {
          const title = `${grid.zone_name} · ${serviceName(grid.carrier_code, grid.service_level_code)} · ${grid.currency_code.toUpperCase()}`
          const last = grid.brackets[grid.brackets.length - 1].rate
          return (
            <div key={grid.key} role="group" aria-label={`Rates ${title}`} className="rounded-lg border border-ui-border-base">
              <div className="flex items-center justify-between px-3 py-2">
                <Text size="small" weight="plus">
                  {title}
                </Text>
                <RemoveButton label={`Remove the grid ${title}`} onClick={() => edit((t) => (t.rates = t.rates.filter((rate) => gridKey(rate) !== grid.key)))} />
              </div>
              <Table>
                <Table.Header>
                  <Table.Row>
                    <Table.HeaderCell>Up to (g)</Table.HeaderCell>
                    <Table.HeaderCell>Price ({grid.currency_code.toUpperCase()})</Table.HeaderCell>
                    <Table.HeaderCell />
                  </Table.Row>
                </Table.Header>
                <Table.Body>
                  {grid.brackets.map(({ index, rate }) => (
                    <Table.Row key={index}>
                      <Table.Cell>
                        <IntegerInput
                          label={`${title} bracket ${rate.max_weight_g} g weight`}
                          min={1}
                          value={rate.max_weight_g}
                          onChange={(v) => edit((t) => (t.rates[index].max_weight_g = v ?? 1))}
                        />
                      </Table.Cell>
                      <Table.Cell>
                        <MoneyInput
                          label={`${title} up to ${rate.max_weight_g} g price`}
                          currency={grid.currency_code}
                          value={rate.amount}
                          onChange={(v) => edit((t) => (t.rates[index].amount = v))}
                        />
                      </Table.Cell>
                      <Table.Cell className="text-right">
                        <RemoveButton label={`Remove the bracket up to ${rate.max_weight_g} g`} onClick={() => edit((t) => t.rates.splice(index, 1))} />
                      </Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
              <div className="px-3 py-2">
                <button
                  type="button"
                  className="txt-compact-small-plus text-ui-fg-interactive hover:text-ui-fg-interactive-hover"
                  onClick={() => edit((t) => t.rates.push({ ...last, max_weight_g: last.max_weight_g + 1000 }))}
                >
                  Add bracket
                </button>
              </div>
            </div>
          )
        })}
      </div>
      <AddGrid table={table} edit={edit} taken={new Set(grids.map((grid) => grid.key))} />
    </Section>
  )
}

/** Starts a grid for a zone × service × currency that has none, with one bracket to fill in. */
function AddGrid({ table, edit, taken }: { table: RateTable; edit: Edit; taken: Set<string> }) {
  const services = table.carriers.flatMap((c) => c.service_levels.map((s) => ({ value: `${c.code}/${s.code}`, label: `${c.name} ${s.name}` })))
  const [zone, setZone] = useState("")
  const [service, setService] = useState("")
  const [currency, setCurrency] = useState("eur")
  const [carrier_code, service_level_code] = service.split("/")
  const rate = { zone_name: zone, carrier_code, service_level_code, currency_code: currency.trim().toLowerCase() }
  const ready = !!zone && !!service && /^[a-z]{3}$/.test(rate.currency_code)
  const exists = ready && taken.has(gridKey(rate))

  return (
    <div className="flex flex-col gap-y-2 px-6 py-4">
      <Text size="small" weight="plus">
        Add a grid
      </Text>
      <div className="grid grid-cols-1 items-end gap-3 md:grid-cols-[14rem_16rem_6rem_auto]">
        <Field label="Zone">
          <Select size="small" value={zone} onValueChange={setZone}>
            <Select.Trigger aria-label="Zone of the new grid">
              <Select.Value placeholder="Choose a zone" />
            </Select.Trigger>
            <Select.Content>
              {table.zones.map((z) => (
                <Select.Item key={z.name} value={z.name}>
                  {z.name}
                </Select.Item>
              ))}
            </Select.Content>
          </Select>
        </Field>
        <Field label="Service">
          <Select size="small" value={service} onValueChange={setService}>
            <Select.Trigger aria-label="Service of the new grid">
              <Select.Value placeholder="Choose a service" />
            </Select.Trigger>
            <Select.Content>
              {services.map((s) => (
                <Select.Item key={s.value} value={s.value}>
                  {s.label}
                </Select.Item>
              ))}
            </Select.Content>
          </Select>
        </Field>
        <Field label="Currency">
          <Input size="small" aria-label="Currency of the new grid" maxLength={3} value={currency} onChange={(e) => setCurrency(e.target.value)} />
        </Field>
        <Button
          size="small"
          variant="secondary"
          disabled={!ready || exists}
          onClick={() => edit((t) => t.rates.push({ ...rate, max_weight_g: 1000, amount: 0 }))}
        >
          Add grid
        </Button>
      </div>
      {exists ? (
        <Text size="small" className="text-ui-fg-subtle">
          That grid exists already: add brackets to it above.
        </Text>
      ) : null}
    </div>
  )
}
