import type { SearchTypes } from "@medusajs/framework/types"
import { defineSearchIndex, graphConsume, graphSeed, search } from "@medusajs/framework/utils"
import { readEnv } from "../config/env"
import { indexedCurrencies } from "../search-catalog/currencies"
import { PRODUCT_DOCUMENT_GRAPH_FIELDS, toProductDocument } from "../search-catalog/product-document"
import { isProductDeletion, PRODUCT_INDEX_EVENTS, productIdsForEvent } from "../search-catalog/product-events"
import { loadSynonymGroups } from "../search-catalog/synonyms"

/**
 * The storefront's product index, on whichever provider the Search Module runs (Postgres by
 * default, Meilisearch with MEILISEARCH_HOST). Medusa's Search Module creates it at
 * `db:migrate`, fills it on first start (and again when the fields change), and keeps it in
 * sync from the events below. `POST /store/search` and `GET /store/search/products` read it.
 */
const env = readEnv()
const currencies = indexedCurrencies()

const priceFields = Object.fromEntries(
  currencies.map((currency) => [currency, search.float().filterable().sortable().facetable({ types: ["range", "stats"] })])
)

const productFields = search.define({
  id: search.keyword().filterable(),
  title: search.text().searchable({ weight: 10 }).sortable(),
  subtitle: search.text().searchable({ weight: 4 }),
  skus: search.keyword().array().searchable({ weight: 8 }).filterable(),
  categories: search.keyword().array().searchable({ weight: 6 }).filterable().facetable(),
  collection: search.keyword().searchable({ weight: 6 }).filterable().facetable(),
  tags: search.keyword().array().searchable({ weight: 5 }).filterable().facetable(),
  type: search.keyword().searchable({ weight: 5 }).filterable().facetable(),
  option_values: search.text().array().searchable({ weight: 3 }),
  description: search.text().searchable({ weight: 1 }),
  /** Synonyms of what the product is called (admin: Search → Synonyms), src/search-catalog/synonyms.ts. */
  also_known_as: search.text().array().searchable({ weight: 2 }),
  handle: search.keyword().filterable(),
  thumbnail: search.keyword(),
  status: search.keyword().filterable(),
  sales_channel_ids: search.keyword().array().filterable(),
  category_ids: search.keyword().array().filterable(),
  collection_id: search.keyword().filterable(),
  price: search.object(priceFields),
  in_stock: search.boolean().filterable().facetable(),
  created_at: search.date().filterable().sortable(),
})

// The synonym groups are read once per batch of rows (a seed page, an event's products).
const transform = async (rows: Record<string, any>[], context: SearchTypes.SearchIngestionContext) => {
  const synonyms = await loadSynonymGroups(context.container.query)
  return rows.map((row) => toProductDocument(row, currencies, synonyms)) as any[]
}

// npm start's demo seed (EMPORIUM_SEEDING, set by scripts/start.ts for `medusa exec` of the seed)
// emits ~3,000 catalogue events before the index has its first fill, and Medusa's ingestion
// failed and logged a stack trace for each: the seed's catalogue phase took a minute. The seed
// process takes none; the server fills the index from the database when it starts.
export default env.EMPORIUM_VANILLA
  ? undefined
  : defineSearchIndex({
      name: "product",
      entity: "product",
      fields: productFields,
      ...(process.env.EMPORIUM_SEEDING === "true"
        ? {}
        : {
            events: PRODUCT_INDEX_EVENTS,
            consume: graphConsume({
              fields: PRODUCT_DOCUMENT_GRAPH_FIELDS,
              transform,
              resolve_ids: (event, { container }) => productIdsForEvent(event.name, event.data, container.query),
              is_delete: (event) => isProductDeletion(event.name),
            }),
          }),
      seed: graphSeed({ fields: PRODUCT_DOCUMENT_GRAPH_FIELDS, transform, batch_size: 250 }),
    })
