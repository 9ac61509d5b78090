/**
 * Terms of a product for content-based similarity. Each term is prefixed by where it comes
 * from, so the word "summer" in a title and a tag named "summer" are different evidence, and a
 * category id never collides with a word.
 */
export type ProductContent = {
  title?: string | null
  subtitle?: string | null
  description?: string | null
  tags?: (string | null | undefined)[]
  type_id?: string | null
  category_ids?: string[]
  collection_id?: string | null
  /** Cheapest price of the product, in the currency's main unit. */
  price?: { amount: number; currency_code: string } | null
}

const STOP_WORDS = new Set(
  (
    "a an and are as at be but by for from has have in into is it its of on or our so that the their this to was " +
    "were will with you your we us all any can more most new not only one other out over such than then these they " +
    "very also each made make per up"
  ).split(" ")
)

/** Lower-cased words of at least two letters, stop words dropped, a plural "s" removed. */
export function words(text: string | null | undefined): string[] {
  if (!text) return []
  return text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length >= 2 && !STOP_WORDS.has(word) && !/^\d+$/.test(word))
    .map(singular)
}

function singular(word: string): string {
  if (word.length > 3 && word.endsWith("s") && !word.endsWith("ss") && !word.endsWith("us")) {
    return word.endsWith("ies") ? `${word.slice(0, -3)}y` : word.slice(0, -1)
  }
  return word
}

/**
 * Price band: powers of two of the price, so €18 and €25 share a band and €18 and €180 do not.
 * Banded per currency: prices in two currencies are not comparable.
 */
export function priceBand(price: ProductContent["price"]): string | null {
  if (!price || !(price.amount > 0)) return null
  return `price:${price.currency_code.toLowerCase()}:${Math.floor(Math.log2(price.amount))}`
}

/** The product's distinct terms, sorted (stable input for the database and for tests). */
export function productTerms(content: ProductContent): string[] {
  const terms = new Set<string>()
  for (const word of [...words(content.title), ...words(content.subtitle), ...words(content.description)]) {
    terms.add(`w:${word}`)
  }
  for (const tag of content.tags ?? []) {
    const value = tag?.trim().toLowerCase()
    if (value) terms.add(`tag:${value}`)
  }
  if (content.type_id) terms.add(`type:${content.type_id}`)
  for (const id of content.category_ids ?? []) terms.add(`cat:${id}`)
  if (content.collection_id) terms.add(`col:${content.collection_id}`)
  const band = priceBand(content.price)
  if (band) terms.add(band)
  return [...terms].sort()
}
