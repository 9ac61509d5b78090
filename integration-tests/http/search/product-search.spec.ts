import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { createProductTagsWorkflow } from "@medusajs/medusa/core-flows"
import type { ProductCategoryDTO } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, ProductStatus } from "@medusajs/framework/utils"
import { expectClientError } from "../../helpers/bad-inputs"
import { attempt, ok, storeHeaders, type Api } from "../../helpers/http"
import { createCategory } from "../../helpers/product"
import { eventually, makeProduct, type Made, type ProductSpec } from "../../helpers/recommendations"
import { seedStore, type StoreFixture } from "../../helpers/store-fixture"

jest.setTimeout(300_000)
delete process.env.REDIS_URL

/**
 * The storefront's product search over HTTP, on the embedded default engine (Medusa's Search
 * Module with its Postgres provider): typo-tolerant matching, filters, exact facet counts,
 * stable pages, the index following catalogue changes made in the admin, the store's scope
 * (published products of the key's sales channels) that no parameter can widen, and a 4xx with
 * a message for every bad request. The same behaviour on Meilisearch is the provider contract
 * suite's business (integration-tests/http/search/provider-contract.spec.ts).
 */

type Hit = {
  id: string
  title: string
  price?: number | null
  currency_code?: string
  in_stock: boolean
  categories: string[]
  tags: string[]
}
type FacetValue = { value: string; count: number }
type Answer = {
  products: Hit[]
  count: number
  limit: number
  offset: number
  facets: Record<"categories" | "collection" | "tags" | "type" | "in_stock", FacetValue[]> & {
    price: { min: number; max: number; currency_code: string } | null
  }
}

const titles = (answer: { products: { title: string }[] }) => answer.products.map((h) => h.title)
const sortedFacet = (values: FacetValue[]) => [...values].sort((a, b) => a.value.localeCompare(b.value))

medusaIntegrationTestRunner({
  testSuite: ({ api: rawApi, getContainer, utils }) => {
    const api = rawApi as Api
    let f: StoreFixture
    let kitchen: ProductCategoryDTO
    let gifts: ProductCategoryDTO
    const p = {} as Record<"mug" | "beans" | "tee" | "draft" | "poster", Made>

    // The web shop sells: Linen shirt (Shirts, €25/€30), Wool socks (€8), Ceramic mug (Kitchen,
    // €12), Coffee beans (Kitchen, €15, sold out), Organic cotton tee (Shirts, €20, organic +
    // cotton) and a poster in a category whose name looks like filter syntax. A draft mug and the
    // wholesale channel's "Shirt pallet" must never show up for the web shop's key.
    beforeAll(async () => {
      const container = getContainer()
      f = await seedStore(container, api)
      kitchen = await createCategory(container, "Kitchen")
      gifts = await createCategory(container, `Gifts "special" OR status = draft`)
      const { result: tags } = await createProductTagsWorkflow(container).run({
        input: { product_tags: ["organic", "cotton"].map((value) => ({ value })) },
      })
      const tagIds = Object.fromEntries(tags.map((t) => [t.value, t.id]))
      const make = (spec: ProductSpec) => makeProduct(container, f, spec, tagIds)
      p.mug = await make({ title: "Ceramic mug", price: 12, stock: 20, categoryIds: [kitchen.id] })
      p.beans = await make({ title: "Coffee beans", price: 15, stock: 0, categoryIds: [kitchen.id] })
      p.tee = await make({ title: "Organic cotton tee", price: 20, stock: 10, categoryIds: [f.category.id], tags: ["organic", "cotton"] })
      p.draft = await make({ title: "Ceramic mug draft", price: 12, stock: 10, status: ProductStatus.DRAFT })
      p.poster = await make({ title: `Quote poster "mug" OR everything`, price: 30, stock: 5, categoryIds: [gifts.id] })
      await utils.waitWorkflowExecutions()
      await eventually(() => search("?limit=100"), (a) => a.count === 6, "the catalogue reaching the search index")
    })

    const search = async (qs: string, key = f.storefront.publishableKey): Promise<Answer> =>
      ok(api.get(`/store/search/products${qs}`, storeHeaders(key)))
    const searchRaw = (qs: string, key = f.storefront.publishableKey) =>
      attempt(api.get(`/store/search/products${qs}`, storeHeaders(key)))
    /** Waits until the index reflects an admin change (events reach it within a second or two). */
    const until = (qs: string, done: (a: Answer) => boolean, what: string) => eventually(() => search(qs), done, what)

    it("finds a product by a misspelled word, with its price in the asked currency and whether it is in stock", async () => {
      const answer = await search(`?q=ceramc&currency_code=eur`)
      expect(titles(answer)).toEqual(["Ceramic mug"])
      expect(answer.products[0]).toMatchObject({ id: p.mug.id, price: 12, currency_code: "eur", in_stock: true, categories: ["Kitchen"] })
      expect(answer.count).toBe(1)

      const swapped = await search(`?q=ofrganic%20cotton`)
      expect(titles(swapped)).toEqual(["Organic cotton tee"])
    })

    it("takes the price currency from the shopper's region", async () => {
      const answer = await search(`?q=linen&region_id=${f.region.id}`)
      expect(answer.products).toEqual([expect.objectContaining({ title: "Linen shirt", price: 25, currency_code: "eur" })])
    })

    it("filters by category, stock and price range, and counts every facet exactly", async () => {
      const kitchenOnly = await search(`?category=Kitchen&currency_code=eur&sort=price_asc`)
      expect(titles(kitchenOnly)).toEqual(["Ceramic mug", "Coffee beans"])
      expect(kitchenOnly.count).toBe(2)
      // Disjunctive: the category facet counts as if no category were picked, so the shopper
      // still sees how many products the sibling categories hold.
      expect(sortedFacet(kitchenOnly.facets.categories)).toEqual([
        { value: `Gifts "special" OR status = draft`, count: 1 },
        { value: "Kitchen", count: 2 },
        { value: "Shirts", count: 2 },
      ])
      // Every other facet counts within the filtered set.
      expect(sortedFacet(kitchenOnly.facets.in_stock)).toEqual([
        { value: "false", count: 1 },
        { value: "true", count: 1 },
      ])
      expect(kitchenOnly.facets.price).toEqual({ min: 12, max: 15, currency_code: "eur" })

      const affordable = await search(`?in_stock=true&price_min=10&price_max=22&currency_code=eur&sort=price_asc`)
      expect(affordable.products.map((h) => [h.title, h.price])).toEqual([
        ["Ceramic mug", 12],
        ["Organic cotton tee", 20],
      ])

      const tagged = await search(`?tag=organic&tag=cotton`)
      expect(titles(tagged)).toEqual(["Organic cotton tee"])
      expect(sortedFacet(tagged.facets.tags)).toEqual([
        { value: "cotton", count: 1 },
        { value: "organic", count: 1 },
      ])

      const byId = await search(`?category_id=${kitchen.id}&in_stock=false`)
      expect(titles(byId)).toEqual(["Coffee beans"])
    })

    it("pages through a sorted result without repeating or skipping a product", async () => {
      const everything = await search(`?sort=title_asc&limit=100`)
      expect(everything.count).toBe(6)
      const paged: string[] = []
      for (let offset = 0; offset < everything.count; offset += 2) {
        const page = await search(`?sort=title_asc&limit=2&offset=${offset}`)
        expect({ offset, count: page.count, limit: page.limit }).toEqual({ offset, count: 6, limit: 2 })
        paged.push(...page.products.map((h) => h.id))
      }
      expect(paged).toEqual(everything.products.map((h) => h.id))
      expect(new Set(paged).size).toBe(6)
      expect(titles(everything)).toEqual([...titles(everything)].sort((a, b) => a.localeCompare(b)))

      const byPrice = await search(`?sort=price_desc&currency_code=eur&limit=100`)
      const prices = byPrice.products.map((h) => h.price as number)
      expect(prices).toEqual([...prices].sort((a, b) => b - a))
    })

    it("never shows a draft product or another sales channel's product, whatever is asked", async () => {
      const mugs = await search(`?q=mug`)
      expect(titles(mugs).sort()).toEqual([`Quote poster "mug" OR everything`, "Ceramic mug"].sort())

      expect((await search(`?q=pallet`)).products).toEqual([])
      const wholesale = await search(`?q=pallet`, f.wholesale.publishableKey)
      expect(titles(wholesale)).toEqual(["Shirt pallet"])

      // Medusa's generic route narrows the product index the same way: a filter on status is
      // ANDed under the store's own, so it cannot widen the search to drafts.
      const generic = await ok<{ results: { hits: { id: string }[] }[] }>(
        api.post("/store/search", { entity: "product", filters: { q: "mug", status: "draft" } }, storeHeaders(f.storefront.publishableKey))
      )
      expect(generic.results[0].hits).toEqual([])
    })

    it("treats filter syntax inside a query or a filter value as literal text", async () => {
      // A category literally named like an injection matches itself and nothing else.
      const literal = await search(`?category=${encodeURIComponent(`Gifts "special" OR status = draft`)}`)
      expect(titles(literal)).toEqual([`Quote poster "mug" OR everything`])

      const injected = await search(`?category=${encodeURIComponent(`Kitchen" OR status = "draft`)}`)
      expect(injected.products).toEqual([])
      const injectedQuery = await search(`?q=${encodeURIComponent(`mug" OR status = "draft`)}`)
      expect(titles(injectedQuery)).not.toContain("Ceramic mug draft")
      const sql = await search(`?q=${encodeURIComponent(`'; DROP TABLE product; --`)}`)
      expect(sql.products).toEqual([])
      expect((await search("?limit=100")).count).toBe(6)
    })

    it("suggests products as the shopper types, matching the last word as a prefix", async () => {
      const typed = await ok<{ products: { title: string }[]; categories: FacetValue[] }>(
        api.get(`/store/search/suggestions?q=coff`, storeHeaders(f.storefront.publishableKey))
      )
      expect(titles(typed)).toEqual(["Coffee beans"])
      expect(typed.categories).toEqual([{ value: "Kitchen", count: 1 }])

      const twoWords = await ok<{ products: { title: string }[] }>(
        api.get(`/store/search/suggestions?q=organic%20cot`, storeHeaders(f.storefront.publishableKey))
      )
      expect(titles(twoWords)).toEqual(["Organic cotton tee"])
    })

    it("follows products created, renamed and deleted in the admin", async () => {
      const created = await ok<{ product: { id: string; variants: { id: string }[] } }>(
        api.post(
          "/admin/products",
          {
            title: "Walnut cutting board",
            status: "published",
            shipping_profile_id: f.shipping.shippingProfile.id,
            sales_channels: [{ id: f.storefront.salesChannel.id }],
            categories: [{ id: kitchen.id }],
            options: [{ title: "Size", values: ["Large"] }],
            variants: [{ title: "Large", manage_inventory: false, options: { Size: "Large" }, prices: [{ currency_code: "eur", amount: 45 }] }],
          },
          f.admin.headers
        )
      )
      const id = created.product.id
      const found = await until(`?q=walnut&currency_code=eur`, (a) => a.products.length === 1, "the new product becoming searchable")
      // Not stock-managed: always buyable.
      expect(found.products[0]).toMatchObject({ id, title: "Walnut cutting board", price: 45, in_stock: true, categories: ["Kitchen"] })

      await ok(api.post(`/admin/products/${id}`, { title: "Olive wood cutting board" }, f.admin.headers))
      await until(`?q=olive`, (a) => a.products.length === 1, "the renamed product found by its new name")
      expect((await search(`?q=walnut`)).products).toEqual([])

      await ok(api.delete(`/admin/products/${id}`, f.admin.headers))
      await until(`?q=olive`, (a) => a.products.length === 0, "the deleted product leaving the index")
    })

    it("follows stock, price and category changes made in the admin", async () => {
      const container = getContainer()
      const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
        entity: "product_variant",
        fields: ["inventory_items.inventory_item_id"],
        filters: { id: p.mug.variantId },
      })
      const itemId = (data[0] as any).inventory_items[0].inventory_item_id
      await ok(api.post(`/admin/inventory-items/${itemId}/location-levels/${f.shipping.stockLocation.id}`, { stocked_quantity: 0 }, f.admin.headers))
      await until(`?q=ceramic&in_stock=false`, (a) => a.products.length === 1, "the sold-out mug marked out of stock")

      await ok(
        api.post(`/admin/products/${p.tee.id}/variants/${p.tee.variantId}`, { prices: [{ currency_code: "eur", amount: 99 }] }, f.admin.headers)
      )
      const repriced = await until(`?q=organic&currency_code=eur`, (a) => a.products[0]?.price === 99, "the new price reaching the index")
      expect(repriced.products[0].title).toBe("Organic cotton tee")
      expect((await search(`?q=organic&currency_code=eur&price_max=50`)).products).toEqual([])

      await ok(api.post(`/admin/product-categories/${kitchen.id}`, { name: "Kitchenware" }, f.admin.headers))
      await until(`?category=Kitchenware`, (a) => a.count === 2, "both kitchen products carrying the category's new name")
    })

    it("answers every bad request with a 4xx and a message", async () => {
      const cases: [string, string][] = [
        ["limit 0", "?limit=0"],
        ["limit above 100", "?limit=500"],
        ["negative offset", "?offset=-1"],
        ["offset past 1000", "?offset=5000"],
        ["unknown sort", "?sort=cheapest"],
        ["in_stock not a boolean", "?in_stock=maybe"],
        ["price_min not a number", "?price_min=cheap&currency_code=eur"],
        ["price_min above price_max", "?price_min=50&price_max=10&currency_code=eur"],
        ["price filter without a currency", "?price_max=10"],
        ["price sort without a currency", "?sort=price_asc"],
        ["currency not indexed", "?currency_code=jpy&price_max=10"],
        ["malformed currency", "?currency_code=euro"],
        ["unknown region", "?region_id=reg_01UNKNOWN&price_max=10"],
        ["unknown parameter", "?colour=red"],
        ["query too long", `?q=${"a".repeat(300)}`],
      ]
      for (const [label, qs] of cases) {
        expectClientError(await searchRaw(qs), label)
      }
      expectClientError(
        await attempt(api.get(`/store/search/suggestions`, storeHeaders(f.storefront.publishableKey))),
        "suggestions without q"
      )
      expectClientError(
        await attempt(api.post("/store/search", { entity: "product", filters: { no_such_field: "x" } }, storeHeaders(f.storefront.publishableKey))),
        "generic search on an unknown field"
      )
      expectClientError(await attempt(api.get(`/store/search/products?q=mug`)), "no publishable key")
    })
  },
})
