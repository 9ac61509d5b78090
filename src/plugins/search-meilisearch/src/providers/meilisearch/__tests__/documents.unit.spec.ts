import { MedusaError } from "@medusajs/framework/utils"
import { fromMeilisearchHit, toMeilisearchDocument } from "../documents"
import { COUNT_ATTRIBUTE } from "../plan"
import { prepareIndex } from "../settings"
import { productDefinition, productFields } from "./fixtures"

const prepared = prepareIndex(productDefinition())

describe("documents written to Meilisearch", () => {
  it("keeps only declared fields, in their shape, with values of the declared type", () => {
    const stored = toMeilisearchDocument(
      {
        id: "prod_1",
        title: "Shirt",
        skus: ["A", null, "B"],
        price: { eur: "19.90", usd: null, gbp: 17 },
        variants: [{ sku: "A", rank: "2", secret: "x" }, { sku: null }],
        in_stock: "false",
        rating: 4,
        created_at: new Date("2026-01-02T00:00:00.000Z"),
        categories: [],
        password_hash: "never indexed",
      },
      prepared.plan
    )
    expect(stored).toEqual({
      id: "prod_1",
      title: "Shirt",
      skus: ["A", "B"],
      price: { eur: 19.9 },
      variants: [{ sku: "A", rank: 2 }, {}],
      in_stock: false,
      rating: 4,
      created_at: Date.parse("2026-01-02T00:00:00.000Z"),
      [COUNT_ATTRIBUTE]: 1,
    })
  })

  it("refuses ids Meilisearch cannot hold, naming them", () => {
    for (const id of ["prod 1", "prod/1", "", undefined, -1]) {
      expect(() => toMeilisearchDocument({ id, title: "x" } as any, prepared.plan)).toThrow(MedusaError)
    }
    expect(() => toMeilisearchDocument({ id: "prod.1" } as any, prepared.plan)).toThrow(/document id "prod\.1"/)
    expect(toMeilisearchDocument({ id: "prod_01H-x" }, prepared.plan).id).toBe("prod_01H-x")
  })

  it("moves documents' own embeddings to _vectors, and marks missing ones", () => {
    const withVectors = prepareIndex(productDefinition({ fields: { ...productFields, embedding: { type: "vector", dimensions: 2 } } }))
    expect(toMeilisearchDocument({ id: "a", embedding: [0.5, 1] }, withVectors.plan, withVectors.vectors)).toMatchObject({ _vectors: { embedding: [0.5, 1] } })
    expect(toMeilisearchDocument({ id: "a", embedding: [0.5, 1] }, withVectors.plan, withVectors.vectors)).not.toHaveProperty("embedding")
    expect(toMeilisearchDocument({ id: "b" }, withVectors.plan, withVectors.vectors)).toMatchObject({ _vectors: { embedding: null } })
    expect(() => toMeilisearchDocument({ id: "c", embedding: [1] }, withVectors.plan, withVectors.vectors)).toThrow(/has 1 dimensions, expected 2/)
  })
})

describe("documents read back from hits", () => {
  it("narrows to the requested paths and turns dates back into ISO strings", () => {
    const hit = { id: "prod_1", title: "Shirt", created_at: Date.parse("2026-01-02T00:00:00.000Z"), price: { eur: 19.9, usd: 20 }, _formatted: {}, _rankingScore: 1 }
    expect(fromMeilisearchHit(hit, prepared.plan, ["title", "created_at", "price.eur"])).toEqual({
      title: "Shirt",
      created_at: "2026-01-02T00:00:00.000Z",
      price: { eur: 19.9 },
    })
  })
})
