import { defaultCountries, defaultCurrencies } from "@medusajs/framework/utils"
import { z } from "@medusajs/framework/zod"
import { withReadableIssues } from "../../../readable-issues"

/**
 * The rate table document as `PUT /admin/transport/rate-table` accepts it: the shape of
 * `RateTable` (modules/transport/rates/types.ts) with every value's range. Consistency across
 * rows (a rate naming a zone that exists, overlapping brackets, min_days ≤ max_days…) is the
 * module's `rateTableProblems`, run by the service, so the rules live in one place.
 */

const COUNTRY_CODES = new Set(defaultCountries.map((country) => country.alpha2.toLowerCase()))
// Medusa's own currency list: a region, and so a price, can only be in one of these.
const CURRENCY_CODES = new Set(Object.keys(defaultCurrencies).map((code) => code.toLowerCase()))

const text = (max: number) =>
  z
    .string({ error: "must be text" })
    .trim()
    .min(1, "must not be empty")
    .max(max, `must be at most ${max} characters`)

const whole = (min: number, max: number, unit = "") =>
  z
    .number({ error: "must be a number" })
    .int("must be a whole number")
    .min(min, min === 0 ? "must not be negative" : `must be at least ${min}${unit}`)
    .max(max, `must be at most ${max}${unit}`)

const yesNo = z.boolean({ error: "must be true or false" })

/** Codes appear in URLs (`/hooks/transport/<carrier>`) and shipping option data. */
const code = z
  .string({ error: "must be text" })
  .regex(/^[a-z0-9][a-z0-9_-]{0,49}$/, "must be 1–50 lowercase letters, digits, _ or -")

const country = z
  .string({ error: "must be text" })
  .toLowerCase()
  .refine((value) => COUNTRY_CODES.has(value), "is not an ISO 3166-1 alpha-2 country code")

const currency = z
  .string({ error: "must be text" })
  .toLowerCase()
  .refine((value) => CURRENCY_CODES.has(value), "is not an ISO 4217 currency code")

/** Minor units: 490 is €4.90. Up to 1,000,000.00 in a two-digit currency. */
const amount = whole(0, 100_000_000)

const postalCode = z
  .string({ error: "must be text" })
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9 -]{0,11}$/, "must be 1–12 letters, digits, spaces or hyphens")

const list = <T extends z.ZodType>(item: T, max: number) => z.array(item, { error: "must be a list" }).max(max, `must have at most ${max} entries`)
const optionalList = <T extends z.ZodType>(item: T, max: number) => list(item, max).nullable().default(null)

const ServiceLevel = z
  .object({
    code,
    name: text(100),
    min_days: whole(0, 365, " days"),
    max_days: whole(0, 365, " days"),
    free_shipping_eligible: yesNo,
  })
  .strict()

const Carrier = z
  .object({
    code,
    name: text(200),
    /** cm³ per kg of dimensional weight, e.g. 5000. */
    dim_divisor: whole(1, 1_000_000),
    tracking_url_template: text(500),
    webhook_tolerance_seconds: whole(1, 86_400, " s"),
    is_enabled: yesNo,
    /** Sent back as read from GET; ignored (the secret has its own route). */
    has_webhook_secret: yesNo.optional(),
    service_levels: list(ServiceLevel, 50).min(1, "needs at least one service level"),
  })
  .strict()

const Zone = z
  .object({
    name: text(100),
    countries: list(country, 300).min(1, "needs at least one country"),
    postal_prefixes: optionalList(postalCode, 5000),
    postal_ranges: optionalList(z.object({ from: postalCode, to: postalCode }).strict(), 1000),
    priority: whole(-1000, 1000).default(0),
    free_shipping_over: z
      .record(currency, amount, { error: "must map currency codes to amounts" })
      .nullable()
      .default(null),
  })
  .strict()

const Rate = z
  .object({
    zone_name: text(100),
    carrier_code: code,
    service_level_code: code,
    currency_code: currency,
    /** The bracket holds parcels up to this billable weight; up to one tonne. */
    max_weight_g: whole(1, 1_000_000, " g"),
    amount,
  })
  .strict()

const Surcharge = z
  .object({
    name: text(100),
    per: z.enum(["order", "item"], { error: 'must be "order" or "item"' }),
    condition: z.enum(["always", "remote_area", "oversize"], { error: 'must be "always", "remote_area" or "oversize"' }),
    zone_name: text(100).nullable().default(null),
    carrier_code: code.nullable().default(null),
    postal_prefixes: optionalList(postalCode, 5000),
    min_longest_side_cm: whole(1, 10_000, " cm").nullable().default(null),
    currency_code: currency,
    amount,
  })
  .strict()

const size = whole(1, 10_000, " cm").nullable().default(null)
const WeightDefault = z
  .object({
    /** null: the store-wide default. */
    product_type_id: text(100).nullable().default(null),
    weight_g: whole(1, 1_000_000, " g"),
    length_cm: size,
    width_cm: size,
    height_cm: size,
  })
  .strict()

export const RateTableDocument = z
  .object({
    carriers: list(Carrier, 50),
    zones: list(Zone, 1000),
    rates: list(Rate, 50_000),
    surcharges: list(Surcharge, 1000),
    weight_defaults: list(WeightDefault, 1000),
  })
  .strict()

export const AdminPutRateTable = withReadableIssues(RateTableDocument)

export type AdminPutRateTableType = z.infer<typeof AdminPutRateTable>

