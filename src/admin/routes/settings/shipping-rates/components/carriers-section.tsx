import { Checkbox, Switch, Table, Text } from "@medusajs/ui"
import { CommitInput, IntegerInput, RemoveButton, TextInput } from "../../../../components/form-fields"
import { removeCarrier, removeService, renameCarrier, renameService, unusedName } from "./references"
import { Section } from "./section"
import { Field } from "../../../../components/form-fields"
import type { CarrierRow, Edit, RateTable } from "./types"
import { WebhookSecret } from "./webhook-secret"

type CarriersSectionProps = {
  table: RateTable
  edit: Edit
  /** Codes of the carriers saved on the server: only they can have a webhook secret. */
  savedCodes: string[]
  onSecretChanged: (carrierCode: string, hasSecret: boolean) => void
}

const newCarrier = (code: string): CarrierRow => ({
  code,
  name: code,
  dim_divisor: 5000,
  tracking_url_template: "https://example.com/track/{tracking_number}",
  webhook_tolerance_seconds: 300,
  is_enabled: true,
  has_webhook_secret: false,
  service_levels: [{ code: "standard", name: "Standard", min_days: 2, max_days: 4, free_shipping_eligible: true }],
})

/** Carriers and their service levels (delivery window, free-shipping eligibility), and each carrier's webhook. */
export function CarriersSection({ table, edit, savedCodes, onSecretChanged }: CarriersSectionProps) {
  return (
    <Section
      title="Carriers and service levels"
      description="Who ships and how fast. Delivery windows are business days; only eligible services become free over a zone's threshold."
      addLabel="Add carrier"
      onAdd={() => edit((t) => t.carriers.push(newCarrier(unusedName("carrier", t.carriers.map((c) => c.code), "_"))))}
    >
      {table.carriers.length === 0 ? <Text className="px-6 py-4 text-ui-fg-subtle">No carriers: nothing can be shipped.</Text> : null}
      {table.carriers.map((carrier, ci) => (
        <div key={ci} className="flex flex-col gap-y-4 px-6 py-4" role="group" aria-label={`Carrier ${carrier.name}`}>
          <div className="grid grid-cols-1 gap-3 md:grid-cols-[8rem_1fr_7rem_7rem_auto_auto]">
            <Field label="Code">
              <CommitInput label={`Carrier ${carrier.code} code`} value={carrier.code} onChange={(code) => edit((t) => renameCarrier(t, carrier.code, code))} />
            </Field>
            <Field label="Name">
              <TextInput label={`Carrier ${carrier.code} name`} value={carrier.name} onChange={(name) => edit((t) => (t.carriers[ci].name = name))} />
            </Field>
            <Field label="Volume divisor">
              <IntegerInput label={`Carrier ${carrier.code} dimensional divisor`} min={1} value={carrier.dim_divisor} onChange={(v) => edit((t) => (t.carriers[ci].dim_divisor = v ?? 1))} />
            </Field>
            <Field label="Webhook tolerance (s)">
              <IntegerInput
                label={`Carrier ${carrier.code} webhook tolerance`}
                min={1}
                value={carrier.webhook_tolerance_seconds}
                onChange={(v) => edit((t) => (t.carriers[ci].webhook_tolerance_seconds = v ?? 1))}
              />
            </Field>
            <Field label="Enabled">
              <Switch
                aria-label={`Carrier ${carrier.code} enabled`}
                checked={carrier.is_enabled}
                onCheckedChange={(checked) => edit((t) => (t.carriers[ci].is_enabled = checked))}
              />
            </Field>
            <div className="self-end">
              <RemoveButton label={`Remove carrier ${carrier.code} and its rates`} onClick={() => edit((t) => removeCarrier(t, ci))} />
            </div>
          </div>
          <Field label="Tracking URL ({tracking_number} is replaced)">
            <TextInput
              label={`Carrier ${carrier.code} tracking URL template`}
              value={carrier.tracking_url_template}
              onChange={(url) => edit((t) => (t.carriers[ci].tracking_url_template = url))}
            />
          </Field>
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>Service code</Table.HeaderCell>
                <Table.HeaderCell>Name</Table.HeaderCell>
                <Table.HeaderCell>Min days</Table.HeaderCell>
                <Table.HeaderCell>Max days</Table.HeaderCell>
                <Table.HeaderCell>Free-shipping eligible</Table.HeaderCell>
                <Table.HeaderCell />
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {carrier.service_levels.map((service, si) => (
                <Table.Row key={si}>
                  <Table.Cell>
                    <CommitInput
                      label={`Service ${carrier.code}/${service.code} code`}
                      value={service.code}
                      onChange={(code) => edit((t) => renameService(t, carrier.code, service.code, code))}
                    />
                  </Table.Cell>
                  <Table.Cell>
                    <TextInput
                      label={`Service ${carrier.code}/${service.code} name`}
                      value={service.name}
                      onChange={(name) => edit((t) => (t.carriers[ci].service_levels[si].name = name))}
                    />
                  </Table.Cell>
                  <Table.Cell>
                    <IntegerInput
                      label={`Service ${carrier.code}/${service.code} min days`}
                      className="w-20"
                      value={service.min_days}
                      onChange={(v) => edit((t) => (t.carriers[ci].service_levels[si].min_days = v ?? 0))}
                    />
                  </Table.Cell>
                  <Table.Cell>
                    <IntegerInput
                      label={`Service ${carrier.code}/${service.code} max days`}
                      className="w-20"
                      value={service.max_days}
                      onChange={(v) => edit((t) => (t.carriers[ci].service_levels[si].max_days = v ?? 0))}
                    />
                  </Table.Cell>
                  <Table.Cell>
                    <Checkbox
                      aria-label={`Service ${carrier.code}/${service.code} free-shipping eligible`}
                      checked={service.free_shipping_eligible}
                      onCheckedChange={(checked) => edit((t) => (t.carriers[ci].service_levels[si].free_shipping_eligible = checked === true))}
                    />
                  </Table.Cell>
                  <Table.Cell className="text-right">
                    <RemoveButton label={`Remove service ${carrier.code}/${service.code} and its rates`} onClick={() => edit((t) => removeService(t, ci, si))} />
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
          <div>
            <button
              type="button"
              className="txt-compact-small-plus text-ui-fg-interactive hover:text-ui-fg-interactive-hover"
              onClick={() =>
                edit((t) =>
                  t.carriers[ci].service_levels.push({
                    code: unusedName("service", t.carriers[ci].service_levels.map((s) => s.code), "_"),
                    name: "New service",
                    min_days: 2,
                    max_days: 4,
                    free_shipping_eligible: false,
                  })
                )
              }
            >
              Add service level
            </button>
          </div>
          <WebhookSecret
            carrierCode={carrier.code}
            hasSecret={!!carrier.has_webhook_secret}
            isSaved={savedCodes.includes(carrier.code)}
            onChanged={(hasSecret) => onSecretChanged(carrier.code, hasSecret)}
          />
        </div>
      ))}
    </Section>
  )
}
