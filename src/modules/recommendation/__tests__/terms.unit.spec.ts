import { priceBand, productTerms, words } from "../terms"

describe("words", () => {
  it("lower-cases, strips accents, drops stop words, one-letter words and bare numbers", () => {
    expect(words("The Running Shoes, 2 pairs — Café!")).toEqual(["running", "shoe", "pair", "cafe"])
    expect(words("USB-C cable 100ml")).toEqual(["usb", "cable", "100ml"])
    expect(words("A new one for you and your family")).toEqual(["family"])
  })

  it("removes a plural s, turns -ies into -y, and leaves -ss, -us and short words alone", () => {
    expect(words("berries boots glass cactus gas bus")).toEqual(["berry", "boot", "glass", "cactus", "gas", "bus"])
  })

  it("returns nothing for empty input", () => {
    expect(words(null)).toEqual([])
    expect(words(undefined)).toEqual([])
    expect(words("")).toEqual([])
    expect(words(" -- ")).toEqual([])
  })
})

describe("priceBand", () => {
  it("bands prices by powers of two, per currency", () => {
    expect(priceBand({ amount: 18, currency_code: "EUR" })).toBe("price:eur:4")
    expect(priceBand({ amount: 25, currency_code: "eur" })).toBe("price:eur:4")
    expect(priceBand({ amount: 180, currency_code: "EUR" })).toBe("price:eur:7")
    expect(priceBand({ amount: 18, currency_code: "USD" })).toBe("price:usd:4")
  })

  it("puts a power of two at the bottom of its band", () => {
    expect(priceBand({ amount: 16, currency_code: "eur" })).toBe("price:eur:4")
    expect(priceBand({ amount: 15.99, currency_code: "eur" })).toBe("price:eur:3")
    expect(priceBand({ amount: 32, currency_code: "eur" })).toBe("price:eur:5")
  })

  it("has no band for a missing, free, negative or unknown price", () => {
    expect(priceBand(null)).toBeNull()
    expect(priceBand(undefined)).toBeNull()
    expect(priceBand({ amount: 0, currency_code: "eur" })).toBeNull()
    expect(priceBand({ amount: -5, currency_code: "eur" })).toBeNull()
    expect(priceBand({ amount: Number.NaN, currency_code: "eur" })).toBeNull()
  })
})

describe("productTerms", () => {
  it("prefixes every term by its field, dedupes and sorts", () => {
    expect(
      productTerms({
        title: "Red Wool Scarf",
        subtitle: "Wool scarf",
        description: "A warm, red scarf.",
        tags: ["Winter ", null, "", "  ", "winter", undefined, "Gift Ideas"],
        type_id: "ptyp_1",
        category_ids: ["pcat_1", "pcat_2", "pcat_1"],
        collection_id: "pcol_1",
        price: { amount: 40, currency_code: "EUR" },
      })
    ).toEqual([
      "cat:pcat_1",
      "cat:pcat_2",
      "col:pcol_1",
      "price:eur:5",
      "tag:gift ideas",
      "tag:winter",
      "type:ptyp_1",
      "w:red",
      "w:scarf",
      "w:warm",
      "w:wool",
    ])
  })

  it("keeps a word and a tag of the same text apart", () => {
    expect(productTerms({ title: "Summer", tags: ["summer"] })).toEqual(["tag:summer", "w:summer"])
  })

  it("is empty for an empty profile", () => {
    expect(productTerms({})).toEqual([])
    expect(productTerms({ title: null, description: null, tags: [], category_ids: [], price: null })).toEqual([])
  })
})
