import { Badge, Button, Container, Heading, Label, Select, Table, Text } from "@medusajs/ui"
import { useMemo, useState } from "react"
import { useAdminJson } from "../../../lib/use-admin-json"
import { createRule, deleteRule, nextPinPosition, useActions, useProductSummaries } from "./api"
import { formatWhen, LIST_LABELS } from "./format"
import { ProductCell } from "./product-cell"
import { ProductPicker } from "./product-picker"
import type { ProductSummary, RecommendationList, Rule, RuleAction } from "./types"

const LISTS: RecommendationList[] = ["trending", "personalized", "bought_together", "also_viewed", "similar"]

/**
 * The merchant's pins and exclusions. Rules for every page come first (the only kind Trending and
 * For you have); rules set on one product page (from that product's Recommendations section) follow.
 * A new rule here applies everywhere its list is shown.
 */
export function RulesSection() {
  const { data, error, reload } = useAdminJson<{ rules: Rule[] }>("/admin/recommendations/rules")
  const rules = useMemo(
    () =>
      [...(data?.rules ?? [])].sort(
        (a, b) =>
          Number(!!a.anchor_product_id) - Number(!!b.anchor_product_id) ||
          LISTS.indexOf(a.list) - LISTS.indexOf(b.list) ||
          (a.anchor_product_id ?? "").localeCompare(b.anchor_product_id ?? "") ||
          Number(a.action === "exclude") - Number(b.action === "exclude") ||
          a.position - b.position
      ),
    [data]
  )
  const ids = useMemo(
    () => [...new Set(rules.flatMap((r) => [r.product_id, ...(r.anchor_product_id ? [r.anchor_product_id] : [])]))].sort(),
    [rules]
  )
  const products = useProductSummaries(ids)
  const actions = useActions(reload)

  const [list, setList] = useState<RecommendationList>("trending")
  const [action, setAction] = useState<RuleAction>("pin")
  const [product, setProduct] = useState<ProductSummary | null>(null)

  const add = () =>
    product &&
    actions.run("add", async () => {
      const siblings = rules.filter((r) => r.list === list && !r.anchor_product_id)
      await createRule({ list, anchor_product_id: null, product_id: product.id, action, position: nextPinPosition(siblings) })
      setProduct(null)
    })

  return (
    <Container role="region" aria-label="Pins and exclusions" className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h2">Pins and exclusions</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          A pinned product leads its list, in the order pinned; an excluded one is never shown in it. Rules for
          one product page are set from that product&apos;s Recommendations section.
        </Text>
      </div>
      {error ? (
        <Text className="px-6 py-4 text-ui-fg-error">Could not load the rules: {error}</Text>
      ) : !data ? (
        <Text className="px-6 py-4 text-ui-fg-subtle">Loading…</Text>
      ) : rules.length === 0 ? (
        <Text className="px-6 py-4 text-ui-fg-subtle">No rules yet: every list is exactly as the models rank it.</Text>
      ) : (
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>List</Table.HeaderCell>
              <Table.HeaderCell>Applies to</Table.HeaderCell>
              <Table.HeaderCell>Product</Table.HeaderCell>
              <Table.HeaderCell>Rule</Table.HeaderCell>
              <Table.HeaderCell>Added</Table.HeaderCell>
              <Table.HeaderCell />
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {rules.map((r) => (
              <Table.Row key={r.id}>
                <Table.Cell>{LIST_LABELS[r.list]}</Table.Cell>
                <Table.Cell>
                  {r.anchor_product_id ? (
                    <ProductCell id={r.anchor_product_id} product={products.get(r.anchor_product_id)} />
                  ) : (
                    "Every page"
                  )}
                </Table.Cell>
                <Table.Cell>
                  <ProductCell id={r.product_id} product={products.get(r.product_id)} />
                </Table.Cell>
                <Table.Cell>
                  <Badge size="2xsmall" color={r.action === "pin" ? "blue" : "orange"}>
                    {r.action === "pin" ? "Pinned" : "Excluded"}
                  </Badge>
                </Table.Cell>
                <Table.Cell>{r.created_at ? formatWhen(r.created_at) : "–"}</Table.Cell>
                <Table.Cell className="text-right">
                  <Button size="small" variant="secondary" disabled={!!actions.busy} onClick={() => actions.run(r.id, () => deleteRule(r.id))}>
                    Delete
                  </Button>
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
      <div className="flex flex-col gap-y-3 px-6 py-4">
        <Text size="small" weight="plus">
          Add a rule for every page
        </Text>
        <div className="grid grid-cols-1 items-end gap-3 md:grid-cols-[12rem_9rem_minmax(16rem,1fr)_auto]">
          <div className="flex flex-col gap-y-1">
            <Label size="small">List</Label>
            <Select size="small" value={list} onValueChange={(v) => setList(v as RecommendationList)}>
              <Select.Trigger aria-label="List">
                <Select.Value />
              </Select.Trigger>
              <Select.Content>
                {LISTS.map((l) => (
                  <Select.Item key={l} value={l}>
                    {LIST_LABELS[l]}
                  </Select.Item>
                ))}
              </Select.Content>
            </Select>
          </div>
          <div className="flex flex-col gap-y-1">
            <Label size="small">Rule</Label>
            <Select size="small" value={action} onValueChange={(v) => setAction(v as RuleAction)}>
              <Select.Trigger aria-label="Rule">
                <Select.Value />
              </Select.Trigger>
              <Select.Content>
                <Select.Item value="pin">Pin first</Select.Item>
                <Select.Item value="exclude">Exclude</Select.Item>
              </Select.Content>
            </Select>
          </div>
          <div className="flex flex-col gap-y-1">
            <Label size="small">Product</Label>
            <ProductPicker label="Product for the rule" value={product} onChange={setProduct} disabled={actions.busy === "add"} />
          </div>
          <Button size="small" disabled={!product || !!actions.busy} isLoading={actions.busy === "add"} onClick={add}>
            Add rule
          </Button>
        </div>
        {actions.error ? (
          <Text size="small" role="alert" className="text-ui-fg-error">
            {actions.error}
          </Text>
        ) : null}
      </div>
    </Container>
  )
}
