import type { SearchTypes } from "@medusajs/framework/types"

/** A product index shaped like Emporium's own (src/search/product.ts), plus a few edge fields. */
export const productFields: Record<string, SearchTypes.SearchFieldDefinition> = {
  id: { type: "keyword", filterable: true },
  title: { type: "text", searchable: { weight: 10 }, sortable: true },
  subtitle: { type: "text", searchable: { weight: 4 } },
  skus: { type: "keyword", array: true, searchable: { weight: 8 }, filterable: true },
  categories: { type: "keyword", array: true, searchable: { weight: 6 }, filterable: true, facetable: true },
  description: { type: "text", searchable: true },
  handle: { type: "keyword", filterable: true },
  status: { type: "keyword", filterable: true, facetable: true },
  thumbnail: { type: "keyword" },
  internal_note: { type: "text", searchable: { weight: 2 }, retrievable: false },
  price: {
    type: "object",
    fields: {
      eur: { type: "float", filterable: true, sortable: true, facetable: { types: ["range", "stats"] } },
      usd: { type: "float", filterable: true },
    },
  },
  variants: {
    type: "object",
    array: true,
    fields: { sku: { type: "keyword", filterable: true }, rank: { type: "integer", filterable: true } },
  },
  in_stock: { type: "boolean", filterable: true, facetable: true },
  rating: { type: "integer", filterable: true, sortable: true, facetable: { types: ["value", "range"] } },
  created_at: { type: "date", filterable: true, sortable: true, facetable: { types: ["range", "stats"] } },
  sales_channel_ids: { type: "keyword", array: true, filterable: true },
  weight: { type: "float" },
}

export function productDefinition(overrides: Partial<SearchTypes.ResolvedSearchIndexDefinition> = {}): SearchTypes.ResolvedSearchIndexDefinition {
  const { seed, ...rest } = overrides
  return {
    name: "product",
    entity: "product",
    primary_key: "id",
    provider: "meilisearch",
    fields: productFields,
    settings: {},
    definition_hash: `hash-${Math.random()}`,
    physical_name: "product_v1",
    ...rest,
    // The provider never seeds; the Search Module does.
    seed: seed ?? async function* () {},
  }
}
