import { MedusaError } from "@medusajs/framework/utils"
import { compileFilters, formatAttribute, MAX_FILTER_DEPTH, quoteFilterValue } from "../filters"
import { buildIndexPlan } from "../plan"
import { productDefinition } from "./fixtures"

const plan = buildIndexPlan(productDefinition())
const compile = (filters: Record<string, unknown>) => compileFilters(filters as any, plan)

/**
 * A reference parser for quoted values, written from Meilisearch's filter-parser
 * (crates/filter-parser/src/value.rs: `quoted_by`, then `\"` → `"`, then `\\` → `\`): reads the
 * quoted value starting at `start` and returns it with the index after the closing quote.
 */
function readQuoted(text: string, start: number): { value: string; end: number } {
  expect(text[start]).toBe('"')
  let i = start + 1
  let raw = ""
  while (i < text.length) {
    const c = text[i]
    if (c === '"') break
    if (c === "\\") {
      raw += c + text[i + 1]
      i += 2
      continue
    }
    raw += c
    i++
  }
  expect(text[i]).toBe('"')
  const value = raw.split('\\"').join('"').replace(/\\\\/g, "\\")
  return { value, end: i + 1 }
}

describe("quoting", () => {
  const hostile = [
    'plain',
    'with "double" quotes',
    "with 'single' quotes",
    "back\\slash",
    "ends with a backslash\\",
    '\\"',
    'x" OR status = "draft',
    "x\" OR status = draft OR x = \"",
    'a) OR (b = "c',
    "x AND status = draft",
    " OR ",
    "line\nbreak\r\nand\ttab",
    "\\\\\"\\\"",
    "",
    "emoji 🦀 and ünïcödé",
  ]

  it.each(hostile)("reads %j back as exactly one value, with nothing after it", (value) => {
    const quoted = quoteFilterValue(value)
    const { value: read, end } = readQuoted(quoted, 0)
    expect(read).toBe(value)
    expect(end).toBe(quoted.length)
  })

  it("a value cannot end the quoted string early, whatever it holds", () => {
    const filter = compile({ handle: 'x" OR status = "draft' })!
    expect(filter).toBe('handle = "x\\" OR status = \\"draft"')
    // The whole right-hand side is one literal: after it, the expression ends.
    const { value, end } = readQuoted(filter, filter.indexOf('"'))
    expect(value).toBe('x" OR status = "draft')
    expect(end).toBe(filter.length)
  })

  it("keeps a backslash right before a quote from escaping the closing quote", () => {
    const filter = compile({ handle: "trailing\\" })!
    expect(filter).toBe('handle = "trailing\\\\"')
    expect(readQuoted(filter, filter.indexOf('"')).value).toBe("trailing\\")
  })

  it("keeps parentheses, keywords and newlines inside the literal", () => {
    expect(compile({ handle: "a) OR (b" })).toBe('handle = "a) OR (b"')
    expect(compile({ handle: "AND status = draft" })).toBe('handle = "AND status = draft"')
    expect(compile({ handle: "one\ntwo" })).toBe('handle = "one\ntwo"')
  })

  it("escapes every value of a list", () => {
    expect(compile({ handle: { $in: ['a"', "b\\", "c"] } })).toBe('handle IN ["a\\"", "b\\\\", "c"]')
  })

  it("quotes attribute names that are not plain words, keywords included", () => {
    expect(formatAttribute("price.eur")).toBe("price.eur")
    expect(formatAttribute("OR")).toBe('"OR"')
    expect(formatAttribute("EXISTS")).toBe('"EXISTS"')
    expect(formatAttribute("_geoRadius")).toBe('"_geoRadius"')
    expect(formatAttribute("with space")).toBe('"with space"')
    expect(formatAttribute('we"ird')).toBe('"we\\"ird"')
  })
})

describe("field validation", () => {
  const invalid = (filters: Record<string, unknown>, message: RegExp | string) => {
    let error: unknown
    try {
      compile(filters)
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(MedusaError)
    expect((error as MedusaError).type).toBe(MedusaError.Types.INVALID_DATA)
    expect((error as Error).message).toMatch(message)
  }

  it("rejects an unknown field, naming it", () => {
    invalid({ nope: "x" }, 'Unknown filter field "nope" on search index "product"')
    invalid({ 'status = "x" OR x': "y" }, /Unknown filter field/)
  })

  it("rejects a field that is not filterable, naming it", () => {
    invalid({ title: "x" }, 'Field "title" is not filterable on search index "product"')
    invalid({ "price.eur.x": 1 }, /Unknown filter field "price.eur.x"/)
  })

  it("rejects an object container used as a field", () => {
    invalid({ price: 10 }, /Unknown filter field "price"/)
  })

  it("rejects operators it cannot express, and unknown ones", () => {
    invalid({ handle: { $prefix: "sh" } }, /does not support \$prefix/)
    invalid({ handle: { $like: "%sh%" } }, /does not support \$like/)
    invalid({ handle: { $regex: "x" } }, /Unknown filter operator "\$regex"/)
    invalid({ $nor: [] }, /Unknown filter operator "\$nor"/)
    invalid({ handle: {} }, /Empty operator map/)
  })

  it("rejects values that do not fit the field's type", () => {
    invalid({ "price.eur": { $lt: "cheap" } }, /must be a finite number/)
    invalid({ "price.eur": Infinity }, /must be a finite number/)
    invalid({ created_at: { $gte: "not a date" } }, /must be a date/)
    invalid({ in_stock: "yes" }, /must be true or false/)
    invalid({ in_stock: { $lt: true } }, /cannot be compared/)
    invalid({ rating: { $gt: null } }, /cannot be compared with null/)
    invalid({ handle: { $exists: "yes" } }, /expects true or false/)
    invalid({ handle: { $eq: { nested: true } } }, /must be a single value/)
  })

  it("rejects $contains and $overlaps on a single-valued field", () => {
    invalid({ handle: { $contains: "x" } }, /needs an array field/)
    invalid({ handle: { $overlaps: ["x"] } }, /needs an array field/)
  })

  it("rejects filters nested deeper than the limit", () => {
    let filters: Record<string, unknown> = { handle: "x" }
    for (let i = 0; i <= MAX_FILTER_DEPTH; i++) filters = { $and: [filters] }
    invalid(filters, /deeper than/)
  })
})

describe("operators", () => {
  it("equality, shorthand and $eq", () => {
    expect(compile({ status: "published" })).toBe('status = "published"')
    expect(compile({ status: { $eq: "published" } })).toBe('status = "published"')
    expect(compile({ status: ["published", "proposed"] })).toBe('status IN ["published", "proposed"]')
  })

  it("null means no value", () => {
    expect(compile({ handle: null })).toBe('handle IS NULL OR handle NOT EXISTS')
    expect(compile({ handle: { $eq: null } })).toBe("handle IS NULL OR handle NOT EXISTS")
    expect(compile({ handle: { $ne: null } })).toBe("NOT (handle IS NULL OR handle NOT EXISTS)")
    expect(compile({ handle: { $in: ["a", null] } })).toBe('handle = "a" OR handle IS NULL OR handle NOT EXISTS')
  })

  it("$ne, $in, $nin", () => {
    expect(compile({ status: { $ne: "draft" } })).toBe('status != "draft"')
    expect(compile({ status: { $in: ["a", "b", "a"] } })).toBe('status IN ["a", "b"]')
    expect(compile({ status: { $in: ["a"] } })).toBe('status = "a"')
    expect(compile({ status: { $nin: ["a", "b"] } })).toBe('NOT status IN ["a", "b"]')
    expect(compile({ status: { $in: "a" } })).toBe('status = "a"')
  })

  it("empty $in matches nothing, empty $nin everything", () => {
    expect(compile({ status: { $in: [] } })).toBe("id NOT EXISTS")
    expect(compile({ status: { $nin: [] } })).toBeUndefined()
    expect(compile({ status: { $in: [] }, handle: "x" })).toBe("id NOT EXISTS")
    expect(compile({ $or: [{ status: { $in: [] } }, { handle: "x" }] })).toBe('handle = "x"')
    expect(compile({ $not: { status: { $in: [] } } })).toBeUndefined()
    expect(compile({ status: { $nin: [] }, handle: "x" })).toBe('handle = "x"')
  })

  it("comparisons on numbers, nested paths included", () => {
    expect(compile({ "price.eur": { $gte: 10, $lt: 50 } })).toBe('price.eur >= "10" AND price.eur < "50"')
    expect(compile({ rating: { $lte: "4" } })).toBe('rating <= "4"')
    expect(compile({ rating: { $gt: -1.5 } })).toBe('rating > "-1.5"')
    expect(compile({ "price.eur": 1e21 })).toBe('price.eur = "1e+21"')
  })

  it("the nested object form is the dotted form", () => {
    expect(compile({ price: { eur: { $lt: 50 } } })).toBe('price.eur < "50"')
    expect(compile({ variants: { sku: "SKU-1" } })).toBe('variants.sku = "SKU-1"')
  })

  it("dates as epoch milliseconds, whatever form they come in", () => {
    const when = new Date("2026-01-02T03:04:05.000Z")
    expect(compile({ created_at: { $gte: when } })).toBe(`created_at >= "${when.getTime()}"`)
    expect(compile({ created_at: { $gte: "2026-01-02T03:04:05.000Z" } })).toBe(`created_at >= "${when.getTime()}"`)
    expect(compile({ created_at: { $lt: when.getTime() } })).toBe(`created_at < "${when.getTime()}"`)
    expect(compile({ created_at: { $lt: String(when.getTime()) } })).toBe(`created_at < "${when.getTime()}"`)
  })

  it("booleans", () => {
    expect(compile({ in_stock: true })).toBe('in_stock = "true"')
    expect(compile({ in_stock: "false" })).toBe('in_stock = "false"')
  })

  it("$exists", () => {
    expect(compile({ handle: { $exists: true } })).toBe("handle EXISTS")
    expect(compile({ handle: { $exists: false } })).toBe("handle NOT EXISTS")
  })

  it("$contains needs every value, $overlaps any", () => {
    expect(compile({ skus: { $contains: ["A", "B"] } })).toBe('skus = "A" AND skus = "B"')
    expect(compile({ skus: { $contains: "A" } })).toBe('skus = "A"')
    expect(compile({ skus: { $contains: [] } })).toBeUndefined()
    expect(compile({ skus: { $overlaps: ["A", "B"] } })).toBe('skus IN ["A", "B"]')
    expect(compile({ skus: { $overlaps: [] } })).toBe("id NOT EXISTS")
    expect(compile({ "variants.sku": { $contains: ["A"] } })).toBe('variants.sku = "A"')
  })

  it("a value on an array field means the array holds it", () => {
    expect(compile({ sales_channel_ids: "sc_1" })).toBe('sales_channel_ids = "sc_1"')
  })

  it("ignores undefined values and the lifted q", () => {
    expect(compile({ status: undefined, q: "shirt" })).toBeUndefined()
    expect(compile({})).toBeUndefined()
  })
})

describe("nesting", () => {
  it("$and, $or, $not with parentheses where precedence needs them", () => {
    expect(
      compile({
        status: "published",
        $or: [{ handle: "a" }, { "price.eur": { $lt: 10 }, in_stock: true }],
        $not: { categories: "outlet" },
      })
    ).toBe('status = "published" AND (handle = "a" OR (price.eur < "10" AND in_stock = "true")) AND NOT categories = "outlet"')
  })

  it("flattens nested $and/$or of the same kind", () => {
    expect(compile({ $and: [{ handle: "a" }, { $and: [{ status: "b" }, { rating: 5 }] }] })).toBe('handle = "a" AND status = "b" AND rating = "5"')
    expect(compile({ $or: [{ handle: "a" }, { $or: [{ status: "b" }] }] })).toBe('handle = "a" OR status = "b"')
  })

  it("negates groups as a whole", () => {
    expect(compile({ $not: { handle: "a", status: "b" } })).toBe('NOT (handle = "a" AND status = "b")')
    expect(compile({ $not: { $not: { handle: "a" } } })).toBe('handle = "a"')
  })

  it("treats an empty $and/$or/$not as no constraint, like Medusa's own providers", () => {
    expect(compile({ $and: [], $or: [], $not: {} })).toBeUndefined()
  })

  it("a hostile value inside a nested group stays a value", () => {
    const filter = compile({ $or: [{ handle: '") OR (status = "draft' }, { status: "published" }] })!
    expect(filter).toBe('handle = "\\") OR (status = \\"draft" OR status = "published"')
  })
})
