import { Table, Text } from "@medusajs/ui"
import { IntegerInput, RemoveButton, TextInput } from "../../../../components/form-fields"
import { Section } from "./section"
import type { Edit, RateTable, WeightDefaultRow } from "./types"

/** Weights and sizes for variants that have none: per product type, or store-wide (no type). */
export function WeightDefaultsSection({ table, edit }: { table: RateTable; edit: Edit }) {
  const change = (index: number, apply: (row: WeightDefaultRow) => void) => edit((t) => apply(t.weight_defaults[index]))
  const add = () =>
    edit((t) =>
      t.weight_defaults.push({
        product_type_id: t.weight_defaults.some((row) => row.product_type_id === null) ? "ptyp_" : null,
        weight_g: 500,
        length_cm: null,
        width_cm: null,
        height_cm: null,
      })
    )
  const size = (index: number, row: WeightDefaultRow, side: "length_cm" | "width_cm" | "height_cm") => (
    <IntegerInput
      label={`Weight default ${index + 1} ${side.replace("_cm", "")}`}
      min={1}
      nullable
      placeholder="–"
      value={row[side]}
      onChange={(v) => change(index, (r) => (r[side] = v))}
    />
  )

  return (
    <Section
      title="Weight defaults"
      description="Used for variants without a weight or size, so every cart can be priced. Leave the product type empty for the store-wide default."
      addLabel="Add default"
      onAdd={add}
    >
      {table.weight_defaults.length === 0 ? (
        <Text className="px-6 py-4 text-ui-fg-subtle">No defaults: variants without a weight cannot be quoted.</Text>
      ) : (
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>Product type id</Table.HeaderCell>
              <Table.HeaderCell>Weight (g)</Table.HeaderCell>
              <Table.HeaderCell>Length (cm)</Table.HeaderCell>
              <Table.HeaderCell>Width (cm)</Table.HeaderCell>
              <Table.HeaderCell>Height (cm)</Table.HeaderCell>
              <Table.HeaderCell />
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {table.weight_defaults.map((row, i) => (
              <Table.Row key={i}>
                <Table.Cell>
                  <TextInput
                    label={`Weight default ${i + 1} product type`}
                    placeholder="Store-wide"
                    value={row.product_type_id ?? ""}
                    onChange={(v) => change(i, (r) => (r.product_type_id = v.trim() || null))}
                  />
                </Table.Cell>
                <Table.Cell>
                  <IntegerInput label={`Weight default ${i + 1} weight`} min={1} value={row.weight_g} onChange={(v) => change(i, (r) => (r.weight_g = v ?? 1))} />
                </Table.Cell>
                <Table.Cell>{size(i, row, "length_cm")}</Table.Cell>
                <Table.Cell>{size(i, row, "width_cm")}</Table.Cell>
                <Table.Cell>{size(i, row, "height_cm")}</Table.Cell>
                <Table.Cell className="text-right">
                  <RemoveButton label={`Remove weight default ${i + 1}`} onClick={() => edit((t) => t.weight_defaults.splice(i, 1))} />
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
    </Section>
  )
}
