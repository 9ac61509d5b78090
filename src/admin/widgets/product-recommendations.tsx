import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { DetailWidgetProps } from "@medusajs/framework/types"
import { Badge, Button, Container, Heading, Table, Tabs, Text } from "@medusajs/ui"
import { useState } from "react"
import { useAdminJson } from "../lib/use-admin-json"
import { createRule, deleteRule, nextPinPosition, useActions } from "../routes/recommendations/components/api"
import { formatReason, formatScore, LIST_LABELS } from "../routes/recommendations/components/format"
import { ProductCell } from "../routes/recommendations/components/product-cell"
import { ProductPicker } from "../routes/recommendations/components/product-picker"
import type {
  ProductList,
  ProductRecommendationsResponse,
  ProductSummary,
  RankedProduct,
  Rule,
} from "../routes/recommendations/components/types"

/** Products asked of each list: more than a storefront shows, so the merchant sees what comes next. */
const LIMIT = 20

/** How each list fills, for its empty state. */
const EMPTY: Record<ProductList["list"], string> = {
  bought_together:
    "Nothing bought with this product yet. The list fills as orders contain this product and others; orders from before recommendations were installed count after a rebuild that imports the order history (Recommendations page).",
  also_viewed:
    "No shared views yet. The list fills as storefront visitors view this product and others in the same visit (the storefront reports product views).",
  similar:
    "Nothing similar found. Similar products share title or description words, tags, type, categories, collection or price range: tags and categories link this product to others.",
}

type Row = {
  product_id: string
  /** Place in what the storefront gets, or why it is not there. */
  placement: { at: number } | { hidden: "excluded" | "below" }
  /** Place in the model's own ranking (null: the model does not rank it, e.g. a pinned product). */
  modelAt: number | null
  model: RankedProduct | undefined
  /** The rule of this product page, or else a rule for every page, that touches the product. */
  rule: Rule | undefined
}

/**
 * One row per product: the storefront's order first (pins, then the model without exclusions),
 * then what the model ranks beyond the list's length, then the excluded products.
 */
function rowsOf(list: ProductList, productId: string): Row[] {
  const modelAt = new Map(list.model.map((c, i) => [c.product_id, i]))
  const ruleOf = (id: string) =>
    list.rules.find((r) => r.product_id === id && r.anchor_product_id === productId) ??
    list.rules.find((r) => r.product_id === id && !r.anchor_product_id)
  const row = (product_id: string, placement: Row["placement"]): Row => ({
    product_id,
    placement,
    modelAt: modelAt.get(product_id) ?? null,
    model: list.model.find((c) => c.product_id === product_id),
    rule: ruleOf(product_id),
  })
  const rows = list.shown.map((c, i) => row(c.product_id, { at: i }))
  const seen = new Set(rows.map((r) => r.product_id))
  const excluded = new Set(list.rules.filter((r) => r.action === "exclude").map((r) => r.product_id))
  for (const c of list.model) {
    if (seen.has(c.product_id) || excluded.has(c.product_id)) continue
    seen.add(c.product_id)
    rows.push(row(c.product_id, { hidden: "below" }))
  }
  for (const id of excluded) {
    if (seen.has(id) || id === productId) continue
    seen.add(id)
    rows.push(row(id, { hidden: "excluded" }))
  }
  return rows
}

type ListPanelProps = {
  productId: string
  list: ProductList
  products: Map<string, ProductSummary>
  reload: () => void
}

function ListPanel({ productId, list, products, reload }: ListPanelProps) {
  const actions = useActions(reload)
  const [extra, setExtra] = useState<ProductSummary | null>(null)
  const rows = rowsOf(list, productId)
  const ownRules = list.rules.filter((r) => r.anchor_product_id === productId)
  const label = LIST_LABELS[list.list]

  const setRule = (product_id: string, action: Rule["action"]) =>
    actions.run(`${action}:${product_id}`, () =>
      createRule({ list: list.list, anchor_product_id: productId, product_id, action, position: nextPinPosition(ownRules) })
    )

  return (
    <div className="flex flex-col">
      {rows.length === 0 ? (
        <Text size="small" className="px-6 py-4 text-ui-fg-subtle">
          {EMPTY[list.list]}
        </Text>
      ) : (
        <Table aria-label={`${label} for this product`}>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell title="Place in what the storefront gets (before stock and sales-channel filters)">Shown</Table.HeaderCell>
              <Table.HeaderCell title="Place in the model's own ranking, before your rules">Model</Table.HeaderCell>
              <Table.HeaderCell>Product</Table.HeaderCell>
              <Table.HeaderCell>Score</Table.HeaderCell>
              <Table.HeaderCell>Why</Table.HeaderCell>
              <Table.HeaderCell />
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {rows.map((r) => {
              const own = r.rule?.anchor_product_id === productId
              return (
                <Table.Row key={r.product_id} className={"hidden" in r.placement ? "text-ui-fg-muted" : undefined}>
                  <Table.Cell>
                    {"at" in r.placement ? (
                      <div className="flex items-center gap-x-1">
                        <span>#{r.placement.at + 1}</span>
                        {r.rule?.action === "pin" ? (
                          <Badge size="2xsmall" color="blue">
                            Pinned
                          </Badge>
                        ) : null}
                      </div>
                    ) : r.placement.hidden === "excluded" ? (
                      <Badge size="2xsmall" color="orange">
                        Excluded
                      </Badge>
                    ) : (
                      <span title={`Beyond the first ${LIMIT}`}>–</span>
                    )}
                  </Table.Cell>
                  <Table.Cell>{r.modelAt === null ? "–" : `#${r.modelAt + 1}`}</Table.Cell>
                  <Table.Cell>
                    <ProductCell id={r.product_id} product={products.get(r.product_id)} />
                  </Table.Cell>
                  <Table.Cell>{formatScore(r.model?.score ?? null)}</Table.Cell>
                  <Table.Cell className="max-w-[20rem] whitespace-normal">
                    <Text size="small" title={r.model ? JSON.stringify(r.model.reason) : undefined}>
                      {r.model ? formatReason(r.model.reason) : "not ranked by the model"}
                      {r.rule && !own ? ` · ${r.rule.action === "pin" ? "pinned" : "excluded"} on every page` : ""}
                    </Text>
                  </Table.Cell>
                  <Table.Cell>
                    <div className="flex justify-end gap-x-2">
                      {r.rule && own ? (
                        <Button
                          size="small"
                          variant="secondary"
                          disabled={!!actions.busy}
                          isLoading={actions.busy === `remove:${r.rule.id}`}
                          onClick={() => actions.run(`remove:${r.rule!.id}`, () => deleteRule(r.rule!.id))}
                        >
                          Remove rule
                        </Button>
                      ) : r.rule ? (
                        <a href="/app/recommendations" className="text-ui-fg-interactive txt-compact-small">
                          Manage
                        </a>
                      ) : (
                        <>
                          <Button
                            size="small"
                            variant="secondary"
                            disabled={!!actions.busy}
                            isLoading={actions.busy === `pin:${r.product_id}`}
                            onClick={() => setRule(r.product_id, "pin")}
                          >
                            Pin
                          </Button>
                          <Button
                            size="small"
                            variant="secondary"
                            disabled={!!actions.busy}
                            isLoading={actions.busy === `exclude:${r.product_id}`}
                            onClick={() => setRule(r.product_id, "exclude")}
                          >
                            Exclude
                          </Button>
                        </>
                      )}
                    </div>
                  </Table.Cell>
                </Table.Row>
              )
            })}
          </Table.Body>
        </Table>
      )}
      <div className="flex flex-wrap items-center gap-2 px-6 py-3">
        <Text size="small" className="text-ui-fg-subtle">
          Pin another product:
        </Text>
        <div className="min-w-[16rem] flex-1">
          <ProductPicker
            label={`Product to pin in ${label}`}
            value={extra}
            onChange={setExtra}
            exclude={[productId]}
            disabled={!!actions.busy}
          />
        </div>
        <Button
          size="small"
          variant="secondary"
          disabled={!extra || !!actions.busy}
          onClick={() => extra && actions.run(`pin:${extra.id}`, async () => {
            await createRule({ list: list.list, anchor_product_id: productId, product_id: extra.id, action: "pin", position: nextPinPosition(ownRules) })
            setExtra(null)
          })}
        >
          Pin
        </Button>
      </div>
      {actions.error ? (
        <Text size="small" role="alert" className="px-6 pb-3 text-ui-fg-error">
          {actions.error}
        </Text>
      ) : null}
    </div>
  )
}

/**
 * On the product page: its Bought together, Also viewed and Similar lists as the models rank them
 * (score and reason) and as the storefront gets them after the merchant's pins and exclusions,
 * which are set and removed here for this page.
 */
const ProductRecommendationsWidget = ({ data: product }: DetailWidgetProps<{ id: string }>) => {
  const { data, error, reload } = useAdminJson<ProductRecommendationsResponse>(
    `/admin/recommendations/products/${product.id}?limit=${LIMIT}`
  )
  const products = new Map((data?.products ?? []).map((p) => [p.id, p]))

  return (
    <Container role="region" aria-label="Recommendations" className="divide-y p-0">
      <div className="flex items-start justify-between gap-x-3 px-6 py-4">
        <div>
          <Heading level="h2">Recommendations</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            What this product&apos;s page recommends. Pinned products come first, excluded ones never show; the
            storefront also skips products that are unpublished or out of stock.
          </Text>
        </div>
        <a href="/app/recommendations" className="shrink-0 text-ui-fg-interactive hover:text-ui-fg-interactive-hover txt-compact-small-plus">
          All settings
        </a>
      </div>
      {error ? (
        <Text className="px-6 py-4 text-ui-fg-error">Could not load the recommendations: {error}</Text>
      ) : !data ? (
        <Text className="px-6 py-4 text-ui-fg-subtle">Loading…</Text>
      ) : (
        <Tabs defaultValue="bought_together">
          <div className="px-6 py-3">
            <Tabs.List>
              {data.lists.map((l) => (
                <Tabs.Trigger key={l.list} value={l.list}>
                  {LIST_LABELS[l.list]} ({l.shown.length})
                </Tabs.Trigger>
              ))}
            </Tabs.List>
          </div>
          {data.lists.map((l) => (
            <Tabs.Content key={l.list} value={l.list}>
              <ListPanel productId={product.id} list={l} products={products} reload={reload} />
            </Tabs.Content>
          ))}
        </Tabs>
      )}
    </Container>
  )
}

export const config = defineWidgetConfig({
  zone: "product.details.after",
})

export default ProductRecommendationsWidget
