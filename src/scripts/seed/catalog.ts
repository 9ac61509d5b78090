import { CATEGORY_DEFINITIONS, CategoryDefinition, OptionDefinition } from "./catalog-data"
import { PRODUCTS_PER_CATEGORY, RANDOM_SEEDS } from "./constants"
import { SeededRandom } from "./random"

/**
 * Generates the demo catalog as plain data, without touching Medusa, so the
 * same products come out on every run and the generator can be unit-tested.
 */

export type DemoPrices = { eur: number; usd: number }

export type DemoVariant = {
  title: string
  sku: string
  options: Record<string, string>
  prices: DemoPrices
  parcel: CategoryDefinition["parcel"]
}

export type DemoProduct = {
  title: string
  handle: string
  description: string
  categoryHandle: string
  options: OptionDefinition[]
  variants: DemoVariant[]
}

export type DemoCategory = Pick<CategoryDefinition, "name" | "handle" | "description">

export type DemoCatalog = {
  categories: DemoCategory[]
  products: DemoProduct[]
}

const MAX_VARIANTS_PER_PRODUCT = 4

export function buildDemoCatalog(seed: number = RANDOM_SEEDS.catalog): DemoCatalog {
  const random = new SeededRandom(seed)
  const usedHandles = new Set<string>()
  let productNumber = 0

  const products = CATEGORY_DEFINITIONS.flatMap((category) =>
    productTitles(category, random).map((title) => {
      productNumber++
      const handle = uniqueHandle(slugify(title), usedHandles)
      return buildProduct(category, title, handle, productNumber, random)
    })
  )

  return {
    categories: CATEGORY_DEFINITIONS.map(({ name, handle, description }) => ({ name, handle, description })),
    products,
  }
}

/** The handle of the first generated product: cheap evidence that the catalog was seeded. */
export function firstDemoProductHandle(): string {
  return buildDemoCatalog().products[0].handle
}

function productTitles(category: CategoryDefinition, random: SeededRandom): string[] {
  const combinations = category.adjectives.flatMap((adjective) =>
    category.nouns.map((noun) => `${adjective} ${noun}`)
  )
  if (combinations.length < PRODUCTS_PER_CATEGORY) {
    throw new Error(`Category ${category.name} has too few title combinations`)
  }
  return random.sample(combinations, PRODUCTS_PER_CATEGORY)
}

function buildProduct(
  category: CategoryDefinition,
  title: string,
  handle: string,
  productNumber: number,
  random: SeededRandom
): DemoProduct {
  const prices = pricesFor(category, random)
  const variantCount = random.int(1, MAX_VARIANTS_PER_PRODUCT)
  // Sampled by position and re-sorted so variants list in natural order (S before M, Black before White).
  const allCombinations = optionCombinations(category.options)
  const combinations = random
    .sample(allCombinations.map((_, index) => index), variantCount)
    .sort((a, b) => a - b)
    .map((index) => allCombinations[index])

  // Only the option values some variant uses are declared, so the storefront
  // never offers a size or colour that cannot be bought.
  const options = category.options.map((option) => ({
    title: option.title,
    values: option.values.filter((value) => combinations.some((combo) => combo[option.title] === value)),
  }))

  const skuBase = `EMP-${category.skuCode}-${String(productNumber).padStart(4, "0")}`
  const variants = combinations.map((combo) => {
    const values = category.options.map((option) => combo[option.title])
    return {
      title: values.join(" / "),
      sku: `${skuBase}-${values.map(skuPart).join("-")}`,
      options: combo,
      prices,
      parcel: category.parcel,
    }
  })

  return {
    title,
    handle,
    description: `${describe(title)} ${random.pick(category.taglines)}.`,
    categoryHandle: category.handle,
    options,
    variants,
  }
}

/** Every combination of one value per option, e.g. { Size: "M", Color: "Black" }. */
function optionCombinations(options: OptionDefinition[]): Record<string, string>[] {
  return options.reduce<Record<string, string>[]>(
    (combos, option) => combos.flatMap((combo) => option.values.map((value) => ({ ...combo, [option.title]: value }))),
    [{}]
  )
}

/** Shop-style prices ending in .99; USD a little above EUR, as exchange rate plus import costs would make them. */
function pricesFor(category: CategoryDefinition, random: SeededRandom): DemoPrices {
  const wholeEuros = random.int(...category.priceRange)
  return {
    eur: toCents(wholeEuros - 0.01),
    usd: toCents(Math.round(wholeEuros * 1.1) - 0.01),
  }
}

function toCents(amount: number): number {
  return Number(amount.toFixed(2))
}

function describe(title: string): string {
  const article = /^[aeiou]/i.test(title) ? "An" : "A"
  return `${article} ${title.toLowerCase()}`
}

function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/'/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
}

function skuPart(value: string): string {
  return value.toUpperCase().replace(/[^A-Z0-9]+/g, "")
}

function uniqueHandle(base: string, used: Set<string>): string {
  let handle = base
  for (let suffix = 2; used.has(handle); suffix++) {
    handle = `${base}-${suffix}`
  }
  used.add(handle)
  return handle
}
