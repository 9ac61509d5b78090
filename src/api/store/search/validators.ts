import { z } from "@medusajs/framework/zod"

/** A query parameter given once (`?tag=a`) or repeated (`?tag=a&tag=b`). */
const oneOrMany = (item: z.ZodString) =>
  z.preprocess((v) => (v === undefined ? undefined : Array.isArray(v) ? v : [v]), z.array(item).max(20, "at most 20 values").optional())

const facetValue = z.string().trim().min(1).max(200)
const id = z.string().trim().min(1).max(100)

const amount = (name: string) =>
  z.coerce.number({ message: `${name} must be a number` }).min(0, `${name} must be 0 or more`).optional()

const booleanParam = (name: string) =>
  z
    .enum(["true", "false"], { message: `${name} must be true or false` })
    .transform((v) => v === "true")
    .optional()

export const PRODUCT_SEARCH_SORTS = ["relevance", "price_asc", "price_desc", "newest", "title_asc"] as const

export const StoreSearchProducts = z
  .object({
    q: z.string().trim().max(200, "q can be at most 200 characters").optional(),
    category: oneOrMany(facetValue),
    category_id: oneOrMany(id),
    collection: oneOrMany(facetValue),
    collection_id: oneOrMany(id),
    tag: oneOrMany(facetValue),
    type: oneOrMany(facetValue),
    in_stock: booleanParam("in_stock"),
    region_id: id.optional(),
    currency_code: z.string().trim().toLowerCase().regex(/^[a-z]{3}$/, "currency_code must be a 3-letter ISO code").optional(),
    price_min: amount("price_min"),
    price_max: amount("price_max"),
    sort: z.enum(PRODUCT_SEARCH_SORTS, { message: `sort must be one of ${PRODUCT_SEARCH_SORTS.join(", ")}` }).default("relevance"),
    limit: z.coerce.number({ message: "limit must be a number" }).int().min(1).max(100, "limit can be at most 100").default(20),
    // Deep pages are refused rather than answered slowly: past 1,000 a shopper refines the query.
    offset: z.coerce.number({ message: "offset must be a number" }).int().min(0).max(1000, "offset can be at most 1000").default(0),
  })
  .strict()
  .refine((v) => v.price_min === undefined || v.price_max === undefined || v.price_min <= v.price_max, {
    message: "price_min must not exceed price_max",
    path: ["price_min"],
  })

export type StoreSearchProductsType = z.infer<typeof StoreSearchProducts>

export const StoreSearchSuggestions = z
  .object({
    q: z.string().trim().min(1, "q is required").max(100, "q can be at most 100 characters"),
    limit: z.coerce.number({ message: "limit must be a number" }).int().min(1).max(20, "limit can be at most 20").default(6),
  })
  .strict()

export type StoreSearchSuggestionsType = z.infer<typeof StoreSearchSuggestions>
