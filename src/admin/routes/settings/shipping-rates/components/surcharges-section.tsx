import { Select, Table, Text } from "@medusajs/ui"
import { CommitInput, IntegerInput, ListInput, MoneyInput, RemoveButton, TextInput } from "../../../../components/form-fields"
import { Section } from "./section"
import type { Edit, RateTable, SurchargeRow } from "./types"

// Select items need a value; this one stands for "no restriction" (null).
const ANY = "__any"

const CONDITIONS: Record<SurchargeRow["condition"], string> = {
  always: "Always",
  remote_area: "Remote area (postal prefixes)",
  oversize: "Oversize (longest side)",
}

/** Extra charges on top of the bracket price: remote areas, bulky items, or always. Free shipping does not waive them. */
export function SurchargesSection({ table, edit }: { table: RateTable; edit: Edit }) {
  const change = (index: number, apply: (row: SurchargeRow) => void) => edit((t) => apply(t.surcharges[index]))
  const add = () =>
    edit((t) =>
      t.surcharges.push({
        name: "New surcharge",
        per: "order",
        condition: "always",
        zone_name: null,
        carrier_code: null,
        postal_prefixes: null,
        min_longest_side_cm: null,
        currency_code: t.rates[0]?.currency_code ?? "eur",
        amount: 0,
      })
    )

  return (
    <Section
      title="Surcharges"
      description="Added to the price of every matching quote, per order or per item, in the quote's currency. Free shipping does not waive them."
      addLabel="Add surcharge"
      onAdd={add}
    >
      {table.surcharges.length === 0 ? (
        <Text className="px-6 py-4 text-ui-fg-subtle">No surcharges.</Text>
      ) : (
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>Name</Table.HeaderCell>
              <Table.HeaderCell>When</Table.HeaderCell>
              <Table.HeaderCell>Postal prefixes / min. side (cm)</Table.HeaderCell>
              <Table.HeaderCell>Zone</Table.HeaderCell>
              <Table.HeaderCell>Carrier</Table.HeaderCell>
              <Table.HeaderCell>Per</Table.HeaderCell>
              <Table.HeaderCell>Currency</Table.HeaderCell>
              <Table.HeaderCell>Amount</Table.HeaderCell>
              <Table.HeaderCell />
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {table.surcharges.map((row, i) => {
              const label = `Surcharge ${i + 1} (${row.name})`
              return (
                <Table.Row key={i}>
                  <Table.Cell>
                    <TextInput label={`${label} name`} value={row.name} onChange={(v) => change(i, (r) => (r.name = v))} />
                  </Table.Cell>
                  <Table.Cell>
                    <Choice
                      label={`${label} condition`}
                      value={row.condition}
                      options={Object.entries(CONDITIONS)}
                      onChange={(v) => change(i, (r) => (r.condition = v as SurchargeRow["condition"]))}
                    />
                  </Table.Cell>
                  <Table.Cell>
                    {row.condition === "remote_area" ? (
                      <ListInput label={`${label} postal prefixes`} nullable value={row.postal_prefixes} onChange={(v) => change(i, (r) => (r.postal_prefixes = v))} />
                    ) : row.condition === "oversize" ? (
                      <IntegerInput
                        label={`${label} minimum longest side`}
                        min={1}
                        nullable
                        value={row.min_longest_side_cm}
                        onChange={(v) => change(i, (r) => (r.min_longest_side_cm = v))}
                      />
                    ) : (
                      <Text size="small" className="text-ui-fg-muted">
                        –
                      </Text>
                    )}
                  </Table.Cell>
                  <Table.Cell>
                    <Choice
                      label={`${label} zone`}
                      value={row.zone_name ?? ANY}
                      options={[[ANY, "Any zone"], ...table.zones.map((z): [string, string] => [z.name, z.name])]}
                      onChange={(v) => change(i, (r) => (r.zone_name = v === ANY ? null : v))}
                    />
                  </Table.Cell>
                  <Table.Cell>
                    <Choice
                      label={`${label} carrier`}
                      value={row.carrier_code ?? ANY}
                      options={[[ANY, "Any carrier"], ...table.carriers.map((c): [string, string] => [c.code, c.name])]}
                      onChange={(v) => change(i, (r) => (r.carrier_code = v === ANY ? null : v))}
                    />
                  </Table.Cell>
                  <Table.Cell>
                    <Choice
                      label={`${label} per`}
                      value={row.per}
                      options={[
                        ["order", "Order"],
                        ["item", "Item"],
                      ]}
                      onChange={(v) => change(i, (r) => (r.per = v as SurchargeRow["per"]))}
                    />
                  </Table.Cell>
                  <Table.Cell>
                    <CommitInput
                      label={`${label} currency`}
                      className="w-16"
                      value={row.currency_code.toUpperCase()}
                      onChange={(v) => change(i, (r) => (r.currency_code = v.toLowerCase()))}
                    />
                  </Table.Cell>
                  <Table.Cell>
                    <MoneyInput label={`${label} amount`} currency={row.currency_code} value={row.amount} onChange={(v) => change(i, (r) => (r.amount = v))} />
                  </Table.Cell>
                  <Table.Cell className="text-right">
                    <RemoveButton label={`Remove ${label}`} onClick={() => edit((t) => t.surcharges.splice(i, 1))} />
                  </Table.Cell>
                </Table.Row>
              )
            })}
          </Table.Body>
        </Table>
      )}
    </Section>
  )
}

type ChoiceProps = { label: string; value: string; options: [value: string, text: string][]; onChange: (value: string) => void }

function Choice({ label, value, options, onChange }: ChoiceProps) {
  return (
    <Select size="small" value={value} onValueChange={onChange}>
      <Select.Trigger aria-label={label}>
        <Select.Value />
      </Select.Trigger>
      <Select.Content>
        {options.map(([optionValue, text]) => (
          <Select.Item key={optionValue} value={optionValue}>
            {text}
          </Select.Item>
        ))}
      </Select.Content>
    </Select>
  )
}
