/**
 * The filter expression parser and evaluator: the parser directly (grammar, escaping, error
 * messages with positions), evaluation through the real `meilisearch` client.
 */
import { importMeilisearchClient, MeilisearchModule } from "../client"
import { FilterNode, FilterSyntaxError, parseFilterString } from "../filter"
import { MeilisearchFake, startMeilisearchFake } from "../index"

/** Compact rendering of a parsed filter, in the style of Meilisearch's parser tests. */
function show(node: FilterNode | null): string {
  if (!node) return "∅"
  switch (node.t) {
    case "and":
      return `AND[${node.items.map(show).join(", ")}]`
    case "or":
      return `OR[${node.items.map(show).join(", ")}]`
    case "not":
      return `NOT(${show(node.item)})`
    case "cmp":
      return `{${node.fid.value}} ${node.op} {${node.value.value}}`
    case "to":
      return `{${node.fid.value}} {${node.from.value}} TO {${node.to.value}}`
    case "in":
      return `{${node.fid.value}} IN[${node.values.map((v) => `{${v.value}}`).join(", ")}]`
    case "exists":
      return `{${node.fid.value}} EXISTS`
    case "null":
      return `{${node.fid.value}} IS NULL`
    case "empty":
      return `{${node.fid.value}} IS EMPTY`
    case "startsWith":
      return `{${node.fid.value}} STARTS WITH {${node.value.value}}`
    case "contains":
      return `{${node.fid.value}} CONTAINS {${node.value.value}}`
    case "geo":
      return node.fn
  }
}

const p = (s: string) => show(parseFilterString(s))

function syntaxError(s: string): string {
  try {
    parseFilterString(s)
  } catch (e) {
    if (e instanceof FilterSyntaxError) return e.fullMessage
    throw e
  }
  throw new Error(`expected a syntax error for ${s}`)
}

describe("filter parser", () => {
  it("parses conditions, values and operators", () => {
    expect(p("channel = Ponce")).toBe("{channel} = {Ponce}")
    expect(p("subscribers >= 1000")).toBe("{subscribers} >= {1000}")
    expect(p("channel != 'Mister Mv'")).toBe("{channel} != {Mister Mv}")
    expect(p('"dog race" = "Bernese Mountain"')).toBe("{dog race} = {Bernese Mountain}")
    expect(p("price.eur 10 TO 20.5")).toBe("{price.eur} {10} TO {20.5}")
    expect(p(" colour IN [  green , blue , ]")).toBe("{colour} IN[{green}, {blue}]")
    expect(p("colour IN[]")).toBe("{colour} IN[]")
    expect(p("colour NOT IN [green]")).toBe("NOT({colour} IN[{green}])")
    expect(p("release_date EXISTS")).toBe("{release_date} EXISTS")
    expect(p("release_date NOT EXISTS")).toBe("NOT({release_date} EXISTS)")
    expect(p("overview IS NULL")).toBe("{overview} IS NULL")
    expect(p("overview  IS   NOT   NULL")).toBe("NOT({overview} IS NULL)")
    expect(p("overview IS EMPTY")).toBe("{overview} IS EMPTY")
    expect(p("overview IS NOT EMPTY")).toBe("NOT({overview} IS EMPTY)")
    expect(p("name STARTS WITH kef")).toBe("{name} STARTS WITH {kef}")
    expect(p("   ")).toBe("∅")
  })

  it("gives NOT > AND > OR precedence and honours parentheses", () => {
    expect(p("a = 1 AND b = 2 OR c = 3")).toBe("OR[AND[{a} = {1}, {b} = {2}], {c} = {3}]")
    expect(p("a = 1 AND (b = 2 OR c = 3)")).toBe("AND[{a} = {1}, OR[{b} = {2}, {c} = {3}]]")
    expect(p("NOT a = 1 AND b = 2")).toBe("AND[NOT({a} = {1}), {b} = {2}]")
    expect(p("NOT NOT NOT a = 1")).toBe("NOT({a} = {1})")
    expect(p('NOT "OR" EXISTS AND "EXISTS" NOT EXISTS')).toBe("AND[NOT({OR} EXISTS), NOT({EXISTS} EXISTS)]")
  })

  it("never reads quoted text as syntax; backslash escapes are unescaped", () => {
    expect(p('title = "a\\" OR status = \\"draft"')).toBe('{title} = {a" OR status = "draft}')
    expect(p("title = 'it\\'s' AND x = y")).toBe("AND[{title} = {it's}, {x} = {y}]")
    expect(p('path = "C:\\\\temp"')).toBe("{path} = {C:\\temp}")
    expect(p("title = 'a) OR (1 = 1'")).toBe("{title} = {a) OR (1 = 1}")
    expect(p('"AND" = "NOT"')).toBe("{AND} = {NOT}")
    // keywords are upper-case: lower-case "and" is a value and leaves junk behind
    expect(syntaxError("a = 1 and b = 2")).toBe(
      "Found unexpected characters at the end of the filter: `and b = 2`. You probably forgot an `OR` or an `AND` rule.\n7:16 a = 1 and b = 2"
    )
  })

  it("reports Meilisearch's syntax errors with positions", () => {
    expect(syntaxError("title & Glass")).toBe(
      "Was expecting an operation `=`, `!=`, `>=`, `>`, `<=`, `<`, `IN`, `NOT IN`, `TO`, `EXISTS`, `NOT EXISTS`, `IS NULL`, `IS NOT NULL`, `IS EMPTY`, `IS NOT EMPTY`, `CONTAINS`, `NOT CONTAINS`, `STARTS WITH`, `NOT STARTS WITH`, `_geoRadius`, `_geoBoundingBox` or `_geoPolygon` at `title & Glass`.\n1:14 title & Glass"
    )
    expect(syntaxError("title = Glass XOR title = Glass")).toBe(
      "Found unexpected characters at the end of the filter: `XOR title = Glass`. You probably forgot an `OR` or an `AND` rule.\n15:32 title = Glass XOR title = Glass"
    )
    // Meilisearch escapes the quoted input in the message (Rust's escape_debug): `\'Glass`
    expect(syntaxError("title = 'Glass")).toBe("Expression `\\'Glass` is missing the following closing delimiter: `'`.\n9:15 title = 'Glass")
    expect(syntaxError("(a = 1")).toBe("Expression `(a = 1` is missing the following closing delimiter: `)`.\n1:7 (a = 1")
    expect(syntaxError("a = AND")).toBe(
      "Was expecting a value but instead got `AND`, which is a reserved keyword. To use `AND` as a field name or a value, surround it by quotes.\n5:8 a = AND"
    )
    expect(syntaxError("a =")).toBe("Was expecting a value but instead got nothing.\n4:4 a =")
    expect(syntaxError("a IN b")).toBe("Expected `[` after `IN` keyword.\n6:7 a IN b")
    expect(syntaxError("a IN [b")).toBe("Expected matching `]` after the list of field names given to `IN[`\n8:8 a IN [b")
    expect(syntaxError("a = 1 AND")).toMatch(/^Was expecting an operation .* but instead got nothing\.\n10:10 a = 1 AND$/)
    expect(syntaxError('a = "x\\q"')).toBe('Malformed value: `x\\\\q`.\n6:9 a = "x\\q"')
  })
})

describe("filters through the meilisearch client", () => {
  let fake: MeilisearchFake
  let client: InstanceType<MeilisearchModule["Meilisearch"]>

  const DOCS = [
    { id: 1, title: "Plain", status: "published", price: { eur: 10, usd: 11 }, tags: ["a", "b"], rating: 4.5, note: null, extra: "", "dog race": "Borzoi" },
    { id: 2, title: 'a" OR status = "draft', status: "published", price: { eur: 25 }, tags: ["b"], rating: 3, note: "x", extra: [] },
    { id: 3, title: "Éclair", status: "Draft", price: { eur: 40 }, tags: [], rating: "n/a", "dog race": "Bernese Mountain" },
    { id: 4, title: "it's", status: "archived", variants: [{ sku: "v-1", size: 42 }, { sku: "v-2", size: 44 }] },
  ]

  beforeAll(async () => {
    const { Meilisearch } = await importMeilisearchClient()
    fake = await startMeilisearchFake()
    fake.setTaskDelay(1)
    client = new Meilisearch({ host: fake.url, defaultWaitOptions: { interval: 5 } })
    const index = client.index("items")
    await index.addDocuments(DOCS).waitTask()
    await index
      .updateFilterableAttributes(["title", "status", "price", "tags", "rating", "note", "extra", "dog race", "variants", "missing_everywhere"])
      .waitTask()
  })

  afterAll(async () => {
    await fake.close()
  })

  const ids = async (filter: string | (string | string[])[]) => (await client.index("items").search("", { filter })).hits.map((h) => h.id)

  it("evaluates comparisons on strings (case-insensitive), numbers and nested fields", async () => {
    expect(await ids("status = PUBLISHED")).toEqual([1, 2])
    expect(await ids("status != published")).toEqual([3, 4])
    expect(await ids("title = eclair")).toEqual([]) // facet values keep their accents…
    expect(await ids("title = ÉCLAIR")).toEqual([3]) // …but not their case
    expect(await ids("price.eur > 10")).toEqual([2, 3])
    expect(await ids("price.eur 10 TO 25")).toEqual([1, 2])
    expect(await ids("price.usd >= 11")).toEqual([1])
    expect(await ids("rating < 4")).toEqual([2]) // the string "n/a" is not a number
    expect(await ids("rating > 4")).toEqual([1, 3]) // strings compare lexicographically: "n/a" > "4"
    expect(await ids("variants.size = 44")).toEqual([4])
    expect(await ids("variants.sku IN [v-1, x]")).toEqual([4])
    expect(await ids("'dog race' = 'bernese mountain'")).toEqual([3])
  })

  it("matches arrays when any element matches; EXISTS / IS NULL / IS EMPTY / NOT", async () => {
    expect(await ids("tags = b")).toEqual([1, 2])
    expect(await ids("tags NOT IN [a]")).toEqual([2, 3, 4])
    expect(await ids("tags EXISTS")).toEqual([1, 2, 3])
    expect(await ids("tags IS EMPTY")).toEqual([3])
    expect(await ids("note IS NULL")).toEqual([1])
    expect(await ids("note IS NOT NULL")).toEqual([2, 3, 4])
    expect(await ids("note EXISTS")).toEqual([1, 2])
    expect(await ids("extra IS EMPTY")).toEqual([1, 2])
    expect(await ids("NOT tags = b")).toEqual([3, 4])
    expect(await ids("missing_everywhere != 1")).toEqual([]) // a field no document has matches nothing
    expect(await ids("(status = published OR status = draft) AND NOT price.eur = 10")).toEqual([2, 3])
    expect(await ids([["status = draft", "status = archived"], "title EXISTS"])).toEqual([3, 4])
  })

  it("treats quoted values as data, never as syntax", async () => {
    expect(await ids('title = "a\\" OR status = \\"draft"')).toEqual([2])
    expect(await ids("title = 'it\\'s'")).toEqual([4])
    expect(await ids("title = 'Plain\\' OR status = \\'archived'")).toEqual([])
  })

  it("rejects non-filterable attributes and syntax errors with 400 invalid_search_filter", async () => {
    const e = await client
      .index("items")
      .search("", { filter: "status = draft AND id = 3" })
      .catch((err) => err)
    expect(e.response.status).toBe(400)
    expect(e.cause).toEqual({
      message:
        "Index `items`: Attribute `id` is not filterable. Available filterable attribute patterns are: `dog race`, `extra`, `missing_everywhere`, `note`, `price`, `rating`, `status`, `tags`, `title`, `variants`.\n20:22 status = draft AND id = 3",
      code: "invalid_search_filter",
      type: "invalid_request",
      link: "https://docs.meilisearch.com/errors#invalid_search_filter",
    })
    const syntax = await client
      .index("items")
      .search("", { filter: "status = 'draft" })
      .catch((err) => err)
    expect(syntax.cause).toMatchObject({
      code: "invalid_search_filter",
      message: "Expression `\\'draft` is missing the following closing delimiter: `'`.\n10:16 status = 'draft",
    })
    const contains = await client
      .index("items")
      .search("", { filter: "title CONTAINS pla" })
      .catch((err) => err)
    expect(contains.cause.code).toBe("feature_not_enabled")
  })
})
