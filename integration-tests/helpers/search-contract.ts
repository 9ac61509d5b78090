import type { MedusaContainer, SearchTypes } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import type { ProductDocument } from "../../src/search-catalog/product-document"
import { ok, storeHeaders, type Api } from "./http"
import { createStorefront, type Storefront } from "./sales-channel"

/**
 * One contract for every search provider Emporium runs the product index on: the same
 * documents written through Medusa's Search Module, the same queries, the same answers. Run by
 * search-contract-postgres.spec.ts (Medusa's Postgres provider on the real database) and
 * search-contract-meilisearch.spec.ts (the plugin's provider against the Meilisearch protocol
 * fake). A provider passes when a storefront cannot tell which engine answered.
 */

type SearchModule = {
  search(query: SearchTypes.SearchQuery): Promise<SearchTypes.SearchResult>
  upsertDocuments(input: { index: string; documents: SearchTypes.SearchDocument[] }): Promise<SearchTypes.SearchTask>
  deleteDocuments(input: { index: string; filters: SearchTypes.SearchFilters }): Promise<SearchTypes.SearchTask>
}

export type ContractContext = { api: Api; getContainer: () => MedusaContainer }

const CHANNEL = "sc_contract"

function doc(id: string, title: string, extra: Partial<ProductDocument>): ProductDocument {
  return {
    id,
    title,
    subtitle: null,
    description: null,
    handle: id,
    thumbnail: null,
    status: "published",
    sales_channel_ids: [CHANNEL],
    skus: [`SKU-${id.toUpperCase()}`],
    option_values: [],
    categories: [],
    category_ids: [],
    collection: null,
    collection_id: null,
    tags: [],
    type: null,
    price: { eur: null, usd: null },
    in_stock: true,
    created_at: "2026-01-01T00:00:00.000Z",
    ...extra,
  }
}

const price = (eur: number) => ({ eur, usd: Math.round(eur * 1.1 * 100) / 100 })

/** Twelve products; titles chosen so typos, prefixes and ranking have one right answer. */
export const CONTRACT_DOCUMENTS: ProductDocument[] = [
  doc("p_kettle", "Copper kettle", { categories: ["Kitchen"], tags: ["copper"], price: price(49), created_at: "2026-01-02T00:00:00.000Z" }),
  doc("p_mug", "Ceramic mug", { categories: ["Kitchen"], price: price(12), created_at: "2026-01-03T00:00:00.000Z" }),
  doc("p_teapot", "Ceramic teapot", { categories: ["Kitchen"], price: price(35), in_stock: false, created_at: "2026-01-04T00:00:00.000Z" }),
  doc("p_pan", "Cast iron pan", { categories: ["Kitchen"], tags: ["iron"], price: price(60), created_at: "2026-01-05T00:00:00.000Z" }),
  doc("p_tee", "Organic cotton tee", { categories: ["Shirts"], tags: ["organic", "cotton"], price: price(20), created_at: "2026-01-06T00:00:00.000Z" }),
  doc("p_shirt", "Linen shirt", { categories: ["Shirts"], tags: ["linen"], price: price(45), created_at: "2026-01-07T00:00:00.000Z" }),
  doc("p_hoodie", "Cotton hoodie", { categories: ["Shirts", "Outerwear"], tags: ["cotton"], price: price(55), in_stock: false, created_at: "2026-01-08T00:00:00.000Z" }),
  doc("p_jacket", "Waxed jacket", { categories: ["Outerwear"], price: price(180), created_at: "2026-01-09T00:00:00.000Z" }),
  doc("p_boots", "Leather boots", { categories: ["Shoes"], tags: ["leather"], price: price(120), created_at: "2026-01-10T00:00:00.000Z" }),
  doc("p_sneaker", "Canvas sneakers", { categories: ["Shoes"], tags: ["cotton"], price: price(65), created_at: "2026-01-11T00:00:00.000Z" }),
  // A category literally named like filter syntax: it must only ever match itself.
  doc("p_poster", `Quote poster`, { categories: [`Gifts "special" OR status = draft`], price: price(15), created_at: "2026-01-12T00:00:00.000Z" }),
  doc("p_draft", "Ceramic mug prototype", { categories: ["Kitchen"], status: "draft", price: price(12), created_at: "2026-01-13T00:00:00.000Z" }),
]
const ALL_IDS = [...CONTRACT_DOCUMENTS.map((d) => d.id), "p_extra"]
const PUBLISHED = CONTRACT_DOCUMENTS.filter((d) => d.status === "published")

const ids = (result: SearchTypes.SearchResult) => result.hits.map((h) => h.id)
const valueFacet = (result: SearchTypes.SearchResult, field: string) => {
  const facet = result.facets?.[field]
  if (facet?.type !== "value") throw new Error(`no value facet "${field}" in ${JSON.stringify(result.facets)}`)
  return [...facet.values].sort((a, b) => a.value.localeCompare(b.value))
}

export function searchProviderContract(ctx: ContractContext, expectedProvider: string) {
  const search = () => ctx.getContainer().resolve<SearchModule>(Modules.SEARCH)
  const run = (query: Omit<SearchTypes.SearchQuery, "entity">) => search().search({ entity: "product", ...query })
  const published = (extra: SearchTypes.SearchFilters = {}): SearchTypes.SearchFilters => ({ $and: [{ status: "published" }, extra] })

  // Medusa fills the index in the background after start; the runner snapshots the database
  // after this hook, so the snapshot holds the index's active version.
  beforeAll(async () => {
    const deadline = Date.now() + 60_000
    for (;;) {
      const indexes = await (ctx.getContainer().resolve(Modules.SEARCH) as any).listIndexes()
      if (indexes.find((i: { name: string; status: string }) => i.name === "product")?.status === "ready") return
      if (Date.now() > deadline) throw new Error(`the product index never became ready: ${JSON.stringify(indexes)}`)
      await new Promise((r) => setTimeout(r, 200))
    }
  })

  // The database (Postgres documents, the index's version rows) is restored before every test,
  // a Meilisearch instance is not: every test starts by writing the same documents again.
  beforeEach(async () => {
    await search().deleteDocuments({ index: "product", filters: { id: ALL_IDS } })
    await search().upsertDocuments({ index: "product", documents: CONTRACT_DOCUMENTS })
  })

  it(`runs the product index on ${expectedProvider}`, async () => {
    const indexes = await (ctx.getContainer().resolve(Modules.SEARCH) as any).listIndexes()
    expect(indexes.find((i: { name: string }) => i.name === "product")).toMatchObject({ provider: expectedProvider })
  })

  it("writes documents, replaces one by id, and deletes by id and by filter", async () => {
    expect((await run({ pagination: { take: 50 }, search_options: { count: "exact" } })).metadata.count).toBe(CONTRACT_DOCUMENTS.length)

    await search().upsertDocuments({ index: "product", documents: [{ ...CONTRACT_DOCUMENTS[1], title: "Stoneware mug" }] })
    const renamed = await run({ filters: { q: "stoneware" } })
    expect(ids(renamed)).toEqual(["p_mug"])
    expect((await run({ pagination: { take: 50 }, search_options: { count: "exact" } })).metadata.count).toBe(CONTRACT_DOCUMENTS.length)

    await search().deleteDocuments({ index: "product", filters: { id: ["p_mug", "p_kettle"] } })
    await search().deleteDocuments({ index: "product", filters: { status: "draft" } })
    const left = await run({ pagination: { take: 50 }, search_options: { count: "exact" } })
    expect(ids(left).sort()).toEqual(CONTRACT_DOCUMENTS.map((d) => d.id).filter((id) => !["p_mug", "p_kettle", "p_draft"].includes(id)).sort())
  })

  it("matches one typo in a word of five letters or more, and the last word as a prefix", async () => {
    // The intended product ranks first; engines may add weaker, partial matches below it.
    const top = async (query: Omit<SearchTypes.SearchQuery, "entity">) => ids(await run(query))[0]
    expect(await top({ filters: { q: "ceramc teapot", ...published() }, search_options: { typo_tolerance: true } })).toBe("p_teapot")
    expect(await top({ filters: { q: "lether boots", ...published() }, search_options: { typo_tolerance: true } })).toBe("p_boots")
    expect(await top({ filters: { q: "canvas sneak", ...published() }, search_options: { match_strategy: "last" } })).toBe("p_sneaker")
    const byTitle = await run({ filters: { q: "ceramic", ...published() } })
    expect(ids(byTitle).sort()).toEqual(["p_mug", "p_teapot"])
  })

  /** The ids matching the filters among published documents, sorted (order is not the point here). */
  const matching = async (filters: SearchTypes.SearchFilters) => ids(await run({ filters: published(filters), pagination: { take: 50 } })).sort()

  it("filters with every operator the storefront uses, combined with and/or/not", async () => {
    expect(await matching({ categories: { $in: ["Shoes"] } })).toEqual(["p_boots", "p_sneaker"])
    expect(await matching({ tags: { $in: ["cotton"] }, in_stock: true })).toEqual(["p_sneaker", "p_tee"])
    expect(await matching({ "price.eur": { $gte: 45, $lte: 60 } })).toEqual(["p_hoodie", "p_kettle", "p_pan", "p_shirt"])
    expect(await matching({ "price.eur": { $gt: 100 } })).toEqual(["p_boots", "p_jacket"])
    expect(await matching({ $or: [{ categories: { $in: ["Outerwear"] } }, { tags: { $in: ["leather"] } }] })).toEqual(["p_boots", "p_hoodie", "p_jacket"])
    expect(await matching({ categories: { $in: ["Kitchen"] }, $not: { in_stock: false } })).toEqual(["p_kettle", "p_mug", "p_pan"])
    expect(await matching({ id: { $nin: PUBLISHED.map((d) => d.id).filter((id) => id !== "p_jacket") } })).toEqual(["p_jacket"])
    expect(await matching({ categories: { $in: [] } })).toEqual([])
  })

  it("treats quotes, OR and parentheses in a filter value as part of the value", async () => {
    expect(await matching({ categories: { $in: [`Gifts "special" OR status = draft`] } })).toEqual(["p_poster"])
    expect(await matching({ categories: { $in: [`Kitchen" OR status = "draft`] } })).toEqual([])
    expect(await matching({ categories: { $in: [`Shoes") OR (status = "draft`] } })).toEqual([])
    expect(await matching({ handle: `x\\" OR id EXISTS OR handle = \\"` })).toEqual([])
    expect(await matching({ handle: "p_mug' OR '1'='1" })).toEqual([])
  })

  it("rejects a filter on a field the index does not have, naming it", async () => {
    await expect(run({ filters: { colour: "red" } })).rejects.toThrow(/colour/)
  })

  it("counts facet values exactly and reports price stats over the matching documents", async () => {
    const result = await run({
      filters: published({ in_stock: true }),
      pagination: { take: 0 },
      search_options: { facets: ["categories", "tags", { field: "price.eur", type: "stats" }], count: "exact" },
    })
    expect(result.metadata.count).toBe(9)
    expect(valueFacet(result, "categories")).toEqual([
      { value: `Gifts "special" OR status = draft`, count: 1 },
      { value: "Kitchen", count: 3 },
      { value: "Outerwear", count: 1 },
      { value: "Shirts", count: 2 },
      { value: "Shoes", count: 2 },
    ])
    expect(valueFacet(result, "tags")).toEqual([
      { value: "copper", count: 1 },
      { value: "cotton", count: 2 },
      { value: "iron", count: 1 },
      { value: "leather", count: 1 },
      { value: "linen", count: 1 },
      { value: "organic", count: 1 },
    ])
    expect(result.facets?.["price.eur"]).toMatchObject({ type: "stats", min: 12, max: 180 })
  })

  it("sorts by price and by title, and pages without repeating or skipping", async () => {
    const byPrice = await run({ filters: published(), pagination: { take: 50, order: { "price.eur": "DESC" } } })
    const prices = byPrice.hits.map((h) => (h.document as any).price?.eur ?? (h.document as any)["price.eur"])
    expect(prices).toEqual([...prices].sort((a, b) => b - a))
    expect(ids(byPrice)[0]).toBe("p_jacket")

    const all = await run({ filters: published(), pagination: { take: 50, order: { title: "ASC" } }, search_options: { count: "exact" } })
    const pages: string[] = []
    for (let skip = 0; skip < PUBLISHED.length; skip += 4) {
      const page = await run({ filters: published(), pagination: { skip, take: 4, order: { title: "ASC" } }, search_options: { count: "exact" } })
      expect(page.metadata.count).toBe(PUBLISHED.length)
      pages.push(...ids(page))
    }
    expect(pages).toEqual(ids(all))
    expect(all.hits.map((h) => (h.document as any).title)).toEqual(PUBLISHED.map((d) => d.title).sort((a, b) => a.localeCompare(b)))
  })

  it("answers the storefront route with the same shape and the same products", async () => {
    // The contract documents sit in a channel no real key opens; this storefront's key opens
    // a real one, so its documents are written with that channel id.
    const storefront: Storefront = await createStorefront(ctx.getContainer(), "Contract shop")
    await search().upsertDocuments({
      index: "product",
      documents: [{ ...CONTRACT_DOCUMENTS[0], id: "p_extra", title: "Copper pot", sales_channel_ids: [storefront.salesChannel.id] }],
    })
    const answer = await ok<{ products: { id: string; price: number }[]; count: number; facets: Record<string, unknown> }>(
      ctx.api.get(`/store/search/products?q=coper&currency_code=eur`, storeHeaders(storefront.publishableKey))
    )
    expect(answer.products).toEqual([expect.objectContaining({ id: "p_extra", title: "Copper pot", price: 49, in_stock: true })])
    expect(answer.count).toBe(1)
    expect(answer.facets.categories).toEqual([{ value: "Kitchen", count: 1 }])
  })
}
