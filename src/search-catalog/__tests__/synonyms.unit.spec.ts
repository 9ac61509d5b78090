import { toProductDocument } from "../product-document"
import { synonymsFor, words } from "../synonyms"

describe("synonymsFor", () => {
  const tee = ["tee", "t-shirt"]

  it("adds a group's other terms when one of them is a whole word of a text", () => {
    expect(synonymsFor(["Organic cotton tee"], [tee])).toEqual(["t-shirt"])
    expect(synonymsFor(["Linen T-Shirt"], [tee])).toEqual(["tee"])
  })

  it("matches whole words only, never part of one", () => {
    expect(synonymsFor(["Teenage dream poster", "Steel teeth"], [tee])).toEqual([])
    expect(synonymsFor(["Shirts"], [["shirt", "top"]])).toEqual([])
  })

  it("matches a phrase as consecutive words, whatever the punctuation, case or accents", () => {
    const group = ["t-shirt", "tee"]
    expect(synonymsFor(["the T shirt"], [group])).toEqual(["tee"])
    expect(synonymsFor(["T–SHIRT, organic"], [group])).toEqual(["tee"])
    expect(synonymsFor(["shirt t"], [group])).toEqual([])
    expect(synonymsFor(["Crème brûlée set"], [["creme brulee", "custard"]])).toEqual(["custard"])
    expect(synonymsFor(["sneakers"], [["running shoes", "sneakers", "trainers"]])).toEqual(["running shoes", "trainers"])
  })

  it("never lets a phrase span two texts (two tags, a title and a category)", () => {
    expect(synonymsFor(["Linen", "shirt"], [["linen shirt", "summer shirt"]])).toEqual([])
    expect(synonymsFor(["Linen shirt"], [["linen shirt", "summer shirt"]])).toEqual(["summer shirt"])
  })

  it("adds nothing for terms the product already names, and each term once over several groups", () => {
    expect(synonymsFor(["Tee", "T-Shirts"], [tee])).toEqual(["t-shirt"])
    expect(synonymsFor(["tee", "t-shirt"], [tee])).toEqual([])
    expect(
      synonymsFor(["Cotton tee"], [
        ["tee", "t-shirt"],
        ["tee", "top"],
        ["cotton", "top"],
      ])
    ).toEqual(["t-shirt", "top"])
  })

  it("ignores empty texts, empty groups and terms without letters or digits", () => {
    expect(synonymsFor([null, undefined, ""], [tee])).toEqual([])
    expect(synonymsFor(["tee"], [])).toEqual([])
    expect(synonymsFor(["tee"], [["tee", "---"]])).toEqual([])
    expect(synonymsFor(["a -- b"], [["--", "dash"]])).toEqual([])
  })

  it("splits text into lower-case words with accents folded", () => {
    expect(words("Café T-Shirt, 100% cotton")).toEqual(["cafe", "t", "shirt", "100", "cotton"])
    expect(words("Überzieher größe")).toEqual(["uberzieher", "große"])
  })
})

describe("toProductDocument's also_known_as", () => {
  const product = {
    id: "prod_1",
    title: "Organic cotton tee",
    subtitle: null,
    description: "A shirt made of cotton",
    handle: "organic-cotton-tee",
    status: "published",
    created_at: "2026-01-01T00:00:00.000Z",
    categories: [{ id: "pcat_1", name: "Tops" }],
    tags: [{ value: "organic" }],
    type: { value: "Apparel" },
    collection: { id: "pcol_1", title: "Summer" },
    variants: [],
  }

  it("is empty without synonyms (the two-argument call stays valid)", () => {
    expect(toProductDocument(product, ["eur"]).also_known_as).toEqual([])
  })

  it("expands terms found in the title, categories, collection, tags or type, not in the description", () => {
    const groups = [
      ["tee", "t-shirt"],
      ["tops", "upper wear"],
      ["summer", "warm season"],
      ["organic", "bio"],
      ["apparel", "clothing"],
      ["shirt", "blouse"],
    ]
    expect(toProductDocument(product, ["eur"], groups).also_known_as).toEqual(["t-shirt", "upper wear", "warm season", "bio", "clothing"])
  })
})
