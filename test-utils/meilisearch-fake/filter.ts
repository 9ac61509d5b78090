/**
 * Filter expressions (docs "Filter expression reference"): a hand-written recursive-descent parser
 * over a position-tracking scanner, following the grammar Meilisearch documents:
 *
 *   filter     = expression EOF
 *   expression = or
 *   or         = and ("OR" WS+ and)*
 *   and        = not ("AND" WS+ not)*
 *   not        = ("NOT" WS+ not) | primary
 *   primary    = "(" expression ")" | value "IN" "[" value_list "]" | value "NOT" "IN" "[" … "]"
 *              | value ("=" | "!=" | ">" | ">=" | "<" | "<=") value
 *              | value "IS" ["NOT"] ("NULL" | "EMPTY") | value ["NOT"] "EXISTS"
 *              | value value "TO" value | value ["NOT"] "STARTS WITH" value
 *   value      = WS* (word | 'single quoted' | "double quoted") WS*
 *   word       = (alphanumeric | _ | - | .)+   — except the reserved keywords
 *
 * Keywords are upper-case and case-sensitive. Quoted values may contain anything, with backslash
 * escapes (\" \' \\ \n \t …); a quoted value is always a value, never syntax, so
 * `title = "a\" OR status = \"draft"` compares `title` to one string. Errors carry Meilisearch's
 * messages and its `start:end filter` position line (1-based character columns).
 *
 * Evaluation follows the documented semantics: `=`/`!=`/`IN` compare strings case-insensitively
 * (facet normalisation) and numbers numerically; comparison operators use numbers when the value
 * parses as one and, as Meilisearch does, also compare string values lexicographically; arrays match
 * when any element matches; `!=` and `NOT` select every document the positive form does not.
 * Geo filters (_geoRadius, _geoBoundingBox, _geoPolygon) are parsed but not evaluated.
 */
import { MeiliError } from "./errors"
import { Doc, leaves, valuesAt } from "./documents"
import { normalizeFacet } from "./text"
import { isObject } from "./validate"

export interface FTok {
  value: string
  /** UTF-16 offsets of the token's text in `source` (inside the quotes for quoted values) */
  start: number
  end: number
  source: string
}

export type CompareOp = "=" | "!=" | ">" | ">=" | "<" | "<="

export type FilterNode =
  | { t: "and"; items: FilterNode[] }
  | { t: "or"; items: FilterNode[] }
  | { t: "not"; item: FilterNode }
  | { t: "cmp"; fid: FTok; op: CompareOp; value: FTok }
  | { t: "to"; fid: FTok; from: FTok; to: FTok }
  | { t: "in"; fid: FTok; values: FTok[] }
  | { t: "exists"; fid: FTok }
  | { t: "null"; fid: FTok }
  | { t: "empty"; fid: FTok }
  | { t: "startsWith"; fid: FTok; value: FTok }
  | { t: "contains"; fid: FTok; value: FTok; keyword: FTok }
  | { t: "geo"; fid: FTok; fn: string }

const KEYWORDS = new Set([
  "AND", "OR", "IN", "NOT", "TO", "EXISTS", "IS", "NULL", "EMPTY", "CONTAINS", "STARTS", "WITH", "_geoRadius", "_geoBoundingBox",
])
const MAX_FILTER_DEPTH = 150

const OPERATIONS =
  "Was expecting an operation `=`, `!=`, `>=`, `>`, `<=`, `<`, `IN`, `NOT IN`, `TO`, `EXISTS`, `NOT EXISTS`, `IS NULL`, `IS NOT NULL`, `IS EMPTY`, `IS NOT EMPTY`, `CONTAINS`, `NOT CONTAINS`, `STARTS WITH`, `NOT STARTS WITH`, `_geoRadius`, `_geoBoundingBox` or `_geoPolygon`"

/** A parse error: `fatal` ones (nom's "cut"/Failure) stop backtracking. */
export class FilterSyntaxError extends Error {
  constructor(
    public description: string,
    public start: number,
    public end: number,
    public source: string,
    public fatal: boolean,
    public kind: string = "syntax",
    public code?: string
  ) {
    super(description)
  }

  /** Meilisearch's message: the diagnostic, then "start:end filter" with 1-based character columns. */
  get fullMessage(): string {
    return withPosition(this.description, this.source, this.start, this.end)
  }
}

export function withPosition(description: string, source: string, start: number, end: number): string {
  const col = Array.from(source.slice(0, start)).length + 1
  const size = Array.from(source.slice(start, end)).length
  return `${description}\n${col}:${col + size} ${source}`
}

/** Rust's `str::escape_debug`-like rendering used inside error messages. */
function escapeDebug(s: string): string {
  return s.replace(/\\/g, "\\\\").replace(/\n/g, "\\n").replace(/\r/g, "\\r").replace(/\t/g, "\\t").replace(/"/g, '\\"').replace(/'/g, "\\'")
}

const isWs = (c: string | undefined) => c !== undefined && /\s/u.test(c)
const isValueChar = (c: string | undefined) => c !== undefined && /^[\p{L}\p{N}_.-]$/u.test(c)
const isSyntaxChar = (c: string | undefined) => c !== undefined && (isWs(c) || "()=<>!".includes(c))

class Parser {
  constructor(private src: string) {}

  private ch(i: number): string | undefined {
    if (i >= this.src.length) return undefined
    return String.fromCodePoint(this.src.codePointAt(i)!)
  }

  private skipWs(i: number): number {
    let c = this.ch(i)
    while (c !== undefined && isWs(c)) {
      i += c.length
      c = this.ch(i)
    }
    return i
  }

  /** take_while1(value component) — returns the end offset (== i when nothing matched). */
  private wordEnd(i: number): number {
    let c = this.ch(i)
    while (c !== undefined && isValueChar(c)) {
      i += c.length
      c = this.ch(i)
    }
    return i
  }

  private wordAt(i: number): string {
    return this.src.slice(i, this.wordEnd(i))
  }

  private err(description: string, start: number, end: number, fatal: boolean, kind = "syntax", code?: string) {
    return new FilterSyntaxError(description, start, end, this.src, fatal, kind, code)
  }

  /** nom's `tag`: literal text at i (no word boundary). */
  private tag(i: number, text: string): number | undefined {
    return this.src.startsWith(text, i) ? i + text.length : undefined
  }

  /** multispace1 */
  private ws1(i: number): number | undefined {
    const j = this.skipWs(i)
    return j > i ? j : undefined
  }

  parse(): FilterNode | null {
    if (this.src.trim() === "") return null
    const [node, end] = this.parseOr(0, 0)
    if (end !== this.src.length) {
      const rest = this.src.slice(end)
      throw this.err(
        `Found unexpected characters at the end of the filter: \`${escapeDebug(rest)}\`. You probably forgot an \`OR\` or an \`AND\` rule.`,
        end,
        this.src.length,
        true
      )
    }
    return node
  }

  private depthCheck(depth: number, i: number) {
    if (depth > MAX_FILTER_DEPTH) {
      throw this.err(
        "The filter exceeded the maximum depth limit. Try rewriting the filter so that it contains fewer nested conditions.",
        i,
        this.src.length,
        true
      )
    }
  }

  private parseOr(i: number, depth: number): [FilterNode, number] {
    this.depthCheck(depth, i)
    const items: FilterNode[] = []
    let [node, pos] = this.parseAnd(i, depth + 1)
    items.push(node)
    for (;;) {
      const k = this.skipWs(pos)
      if (this.wordAt(k) !== "OR") break
      const [next, after] = this.fatal(() => this.parseAnd(this.skipWs(k + 2), depth + 1))
      items.push(next)
      pos = after
    }
    return [items.length === 1 ? items[0] : { t: "or", items }, pos]
  }

  private parseAnd(i: number, depth: number): [FilterNode, number] {
    this.depthCheck(depth, i)
    const items: FilterNode[] = []
    let [node, pos] = this.parseNot(i, depth + 1)
    items.push(node)
    for (;;) {
      const k = this.skipWs(pos)
      if (this.wordAt(k) !== "AND") break
      const [next, after] = this.fatal(() => this.parseNot(this.skipWs(k + 3), depth + 1))
      items.push(next)
      pos = after
    }
    return [items.length === 1 ? items[0] : { t: "and", items }, pos]
  }

  private parseNot(i: number, depth: number): [FilterNode, number] {
    this.depthCheck(depth, i)
    const k = this.skipWs(i)
    if (this.wordAt(k) === "NOT") {
      const [inner, pos] = this.fatal(() => this.parseNot(this.skipWs(k + 3), depth + 1))
      return [inner.t === "not" ? inner.item : { t: "not", item: inner }, pos]
    }
    return this.parsePrimary(i, depth + 1)
  }

  /** Runs `fn`, turning a recoverable error into a fatal one (nom's `cut`). */
  private fatal<T>(fn: () => T): T {
    try {
      return fn()
    } catch (e) {
      if (e instanceof FilterSyntaxError) e.fatal = true
      throw e
    }
  }

  private parsePrimary(i: number, depth: number): [FilterNode, number] {
    this.depthCheck(depth, i)
    const k = this.skipWs(i)
    // "(" expression ")"
    if (this.ch(k) === "(") {
      const [inner, pos] = this.fatal(() => this.parseOr(this.skipWs(k + 1), depth + 1))
      const close = this.skipWs(pos)
      if (this.ch(close) !== ")") {
        throw this.err(`Expression \`${escapeDebug(this.src.slice(i))}\` is missing the following closing delimiter: \`)\`.`, i, this.src.length, true)
      }
      return [inner, this.skipWs(close + 1)]
    }
    // geo filters: parsed (balanced parentheses skipped), evaluated as "not implemented"
    const fn = this.wordAt(k)
    if ((fn === "_geoRadius" || fn === "_geoBoundingBox" || fn === "_geoPolygon") && this.ch(this.skipWs(k + fn.length)) === "(") {
      let p = this.skipWs(k + fn.length)
      let level = 0
      for (; p < this.src.length; p++) {
        if (this.src[p] === "(") level++
        else if (this.src[p] === ")" && --level === 0) break
      }
      if (level !== 0) {
        throw this.err(`The \`${fn}\` filter doesn't match the expected format.`, k, this.src.length, true)
      }
      return [{ t: "geo", fn, fid: { value: "_geo", start: k, end: k + fn.length, source: this.src } }, this.skipWs(p + 1)]
    }

    const alternatives: (() => [FilterNode, number])[] = [
      () => this.parseIn(i),
      () => this.parseNotIn(i),
      () => this.parseCondition(i),
      () => this.parseIsNull(i, false),
      () => this.parseIsNull(i, true),
      () => this.parseIsEmpty(i, false),
      () => this.parseIsEmpty(i, true),
      () => this.parseExists(i),
      () => this.parseNotExists(i),
      () => this.parseTo(i),
      () => this.parseContains(i, false),
      () => this.parseContains(i, true),
      () => this.parseStartsWith(i, false),
      () => this.parseStartsWith(i, true),
    ]
    for (const alt of alternatives) {
      try {
        return alt()
      } catch (e) {
        if (!(e instanceof FilterSyntaxError) || e.fatal) throw e
      }
    }
    // A reserved keyword where a value was expected is reported as such (parse_error_reserved_keyword).
    try {
      this.parseCondition(i)
    } catch (e) {
      if (e instanceof FilterSyntaxError && (e.fatal || e.kind === "reservedKeyword")) {
        e.fatal = true
        throw e
      }
    }
    const rest = this.src.slice(i)
    const text = rest.trim() === "" ? "but instead got nothing." : `at \`${escapeDebug(rest)}\`.`
    throw this.err(`${OPERATIONS} ${text}`, i, this.src.length, false)
  }

  /** value = WS* (word | 'single' | "double") WS* */
  parseValue(i: number): [FTok, number] {
    const p = this.skipWs(i)
    const word = this.wordAt(p)
    if (word === "_geo" || word === "_geoDistance" || this.src.startsWith("_geoPoint", p)) {
      const name = word === "_geo" || word === "_geoDistance" ? word : "_geoPoint"
      throw this.err(
        `\`${name}\` is a reserved keyword and thus can't be used as a filter expression. Use the \`_geoRadius(latitude, longitude, distance)\` or \`_geoBoundingBox([latitude, longitude], [latitude, longitude])\` built-in rules to filter on \`_geo\` coordinates.`,
        p,
        this.src.length,
        true
      )
    }
    const quote = this.ch(p)
    if (quote === "'" || quote === '"') {
      let j = p + 1
      while (j < this.src.length && this.src[j] !== quote) {
        if (this.src[j] === "\\") {
          if (j + 1 >= this.src.length) {
            throw this.err(`Malformed value: \`${escapeDebug(this.src.slice(p + 1))}\`.`, p + 1, this.src.length, true)
          }
          j += 2
        } else j++
      }
      if (j >= this.src.length) {
        throw this.err(
          `Expression \`${escapeDebug(this.src.slice(p))}\` is missing the following closing delimiter: \`${quote}\`.`,
          p,
          this.src.length,
          true
        )
      }
      const raw = this.src.slice(p + 1, j)
      const value = unescape(raw)
      if (value === undefined) {
        // Meilisearch unescapes values (its `unescaper`); an unknown escape is a malformed value.
        throw this.err(`Malformed value: \`${escapeDebug(raw)}\`.`, p + 1, j, true)
      }
      return [{ value, start: p + 1, end: j, source: this.src }, this.skipWs(j + 1)]
    }
    // error context: the longest run without filter syntax characters
    let e = p
    let c = this.ch(e)
    while (c !== undefined && !isSyntaxChar(c)) {
      e += c.length
      c = this.ch(e)
    }
    const errorWord = this.src.slice(p, e)
    if (word === "") {
      const msg = errorWord.trim() === "" ? "Was expecting a value but instead got nothing." : `Was expecting a value but instead got \`${escapeDebug(errorWord)}\`.`
      throw this.err(msg, p, e, false, "expectedValue")
    }
    if (KEYWORDS.has(word)) {
      throw this.err(
        `Was expecting a value but instead got \`${escapeDebug(errorWord)}\`, which is a reserved keyword. To use \`${escapeDebug(errorWord)}\` as a field name or a value, surround it by quotes.`,
        p,
        e,
        false,
        "reservedKeyword"
      )
    }
    return [{ value: word, start: p, end: p + word.length, source: this.src }, this.skipWs(p + word.length)]
  }

  private parseValueCut(i: number): [FTok, number] {
    return this.fatal(() => this.parseValue(i))
  }

  private parseCondition(i: number): [FilterNode, number] {
    const [fid, p] = this.parseValue(i)
    for (const op of ["<=", ">=", "!=", "<", ">", "="] as CompareOp[]) {
      if (this.src.startsWith(op, p)) {
        const [value, end] = this.parseValueCut(p + op.length)
        return [{ t: "cmp", fid, op, value }, end]
      }
    }
    throw this.err("no operator", p, p, false)
  }

  private inBody(i: number): [FTok[], number] {
    const k = this.skipWs(i)
    if (this.wordAt(k) !== "IN") throw this.err("no IN", k, k, false)
    const afterIn = this.skipWs(k + 2)
    if (this.ch(afterIn) !== "[") throw this.err("Expected `[` after `IN` keyword.", afterIn, this.src.length, true)
    const values: FTok[] = []
    let p = afterIn + 1
    const first = this.tryValue(p)
    if (first) {
      values.push(first[0])
      p = first[1]
      for (;;) {
        const comma = this.skipWs(p)
        if (this.ch(comma) !== ",") break
        const next = this.tryValue(comma + 1)
        if (!next) {
          p = this.skipWs(comma + 1) // trailing comma
          break
        }
        values.push(next[0])
        p = next[1]
      }
    }
    const close = this.skipWs(p)
    if (this.ch(close) !== "]") {
      if (close >= this.src.length) {
        throw this.err("Expected matching `]` after the list of field names given to `IN[`", p, this.src.length, true)
      }
      let keyword = false
      try {
        this.parseValue(p)
      } catch (e) {
        keyword = e instanceof FilterSyntaxError && e.kind === "reservedKeyword"
      }
      const found = escapeDebug(this.src.slice(p))
      throw this.err(
        keyword
          ? `Expected only comma-separated field names inside \`IN[..]\` but instead found \`${found}\`, which is a keyword. To use \`${found}\` as a field name or a value, surround it by quotes.`
          : `Expected only comma-separated field names inside \`IN[..]\` but instead found \`${found}\`.`,
        p,
        this.src.length,
        true
      )
    }
    return [values, this.skipWs(close + 1)]
  }

  private tryValue(i: number): [FTok, number] | undefined {
    try {
      return this.parseValue(i)
    } catch (e) {
      if (e instanceof FilterSyntaxError && !e.fatal) return undefined
      throw e
    }
  }

  private parseIn(i: number): [FilterNode, number] {
    const [fid, p] = this.parseValue(i)
    const [values, end] = this.inBody(p)
    return [{ t: "in", fid, values }, end]
  }

  private parseNotIn(i: number): [FilterNode, number] {
    const [fid, p] = this.parseValue(i)
    if (this.wordAt(p) !== "NOT") throw this.err("no NOT", p, p, false)
    const [values, end] = this.inBody(p + 3)
    return [{ t: "not", item: { t: "in", fid, values } }, end]
  }

  private keywords(p: number, parts: string[]): number {
    let q: number | undefined = p
    parts.forEach((part, n) => {
      if (q === undefined) return
      if (n > 0) q = this.ws1(q)
      if (q !== undefined) q = this.tag(q, part)
    })
    if (q === undefined) throw this.err("no keyword", p, p, false)
    return q
  }

  private parseIsNull(i: number, negated: boolean): [FilterNode, number] {
    const [fid, p] = this.parseValue(i)
    const end = this.keywords(p, negated ? ["IS", "NOT", "NULL"] : ["IS", "NULL"])
    const node: FilterNode = { t: "null", fid }
    return [negated ? { t: "not", item: node } : node, end]
  }

  private parseIsEmpty(i: number, negated: boolean): [FilterNode, number] {
    const [fid, p] = this.parseValue(i)
    const end = this.keywords(p, negated ? ["IS", "NOT", "EMPTY"] : ["IS", "EMPTY"])
    const node: FilterNode = { t: "empty", fid }
    return [negated ? { t: "not", item: node } : node, end]
  }

  private parseExists(i: number): [FilterNode, number] {
    const [fid, p] = this.parseValue(i)
    return [{ t: "exists", fid }, this.keywords(p, ["EXISTS"])]
  }

  private parseNotExists(i: number): [FilterNode, number] {
    const [fid, p] = this.parseValue(i)
    return [{ t: "not", item: { t: "exists", fid } }, this.keywords(p, ["NOT", "EXISTS"])]
  }

  private parseTo(i: number): [FilterNode, number] {
    const [fid, p] = this.parseValue(i)
    const [from, q] = this.parseValue(p)
    const afterTo = this.keywords(q, ["TO"])
    if (this.ws1(afterTo) === undefined) throw this.err("no space after TO", afterTo, afterTo, false)
    const [to, end] = this.parseValueCut(afterTo)
    return [{ t: "to", fid, from, to }, end]
  }

  private parseContains(i: number, negated: boolean): [FilterNode, number] {
    const [fid, p] = this.parseValue(i)
    const kwEnd = this.keywords(p, negated ? ["NOT", "CONTAINS"] : ["CONTAINS"])
    const [value, end] = this.parseValueCut(kwEnd)
    const node: FilterNode = { t: "contains", fid, value, keyword: { value: "CONTAINS", start: kwEnd - 8, end: kwEnd, source: this.src } }
    return [negated ? { t: "not", item: node } : node, end]
  }

  private parseStartsWith(i: number, negated: boolean): [FilterNode, number] {
    const [fid, p] = this.parseValue(i)
    const kwEnd = this.keywords(p, negated ? ["NOT", "STARTS", "WITH"] : ["STARTS", "WITH"])
    const [value, end] = this.parseValueCut(kwEnd)
    const node: FilterNode = { t: "startsWith", fid, value }
    return [negated ? { t: "not", item: node } : node, end]
  }
}

/** Backslash escapes as Meilisearch's `unescaper` reads them; undefined for an invalid escape. */
export function unescape(raw: string): string | undefined {
  if (!raw.includes("\\")) return raw
  let out = ""
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]
    if (c !== "\\") {
      out += c
      continue
    }
    const n = raw[++i]
    const simple: Record<string, string> = { '"': '"', "'": "'", "\\": "\\", "/": "/", n: "\n", r: "\r", t: "\t", b: "\b", f: "\f", "0": "\0" }
    if (n in simple) out += simple[n]
    else if (n === "u" && raw[i + 1] === "{") {
      const close = raw.indexOf("}", i)
      const hex = raw.slice(i + 2, close)
      if (close < 0 || !/^[0-9a-fA-F]{1,6}$/.test(hex)) return undefined
      out += String.fromCodePoint(parseInt(hex, 16))
      i = close
    } else if (n === "u" && /^[0-9a-fA-F]{4}$/.test(raw.slice(i + 1, i + 5))) {
      out += String.fromCharCode(parseInt(raw.slice(i + 1, i + 5), 16))
      i += 4
    } else if (n === "x" && /^[0-7][0-9a-fA-F]$/.test(raw.slice(i + 1, i + 3))) {
      out += String.fromCharCode(parseInt(raw.slice(i + 1, i + 3), 16))
      i += 2
    } else return undefined
  }
  return out
}

export function parseFilterString(src: string): FilterNode | null {
  return new Parser(src).parse()
}

/**
 * The `filter` parameter: a string, or an array whose string elements are ANDed and whose inner
 * arrays of strings are ORed (max depth two). Throws MeiliError with `code` on a syntax error.
 */
export function parseFilterParam(filter: unknown, code: string): FilterNode | null {
  const parse = (s: string) => {
    try {
      return parseFilterString(s)
    } catch (e) {
      if (e instanceof FilterSyntaxError) throw new MeiliError(e.code ?? code, e.fullMessage)
      throw e
    }
  }
  if (filter === undefined || filter === null) return null
  if (typeof filter === "string") return parse(filter)
  if (!Array.isArray(filter)) {
    throw new MeiliError(code, `Invalid syntax for the filter parameter: \`expected String, Array, found: ${JSON.stringify(filter)}\`.`)
  }
  const ands: FilterNode[] = []
  for (const el of filter) {
    if (typeof el === "string") {
      const n = parse(el)
      if (n) ands.push(n)
    } else if (Array.isArray(el)) {
      const ors: FilterNode[] = []
      for (const inner of el) {
        if (typeof inner !== "string") {
          throw new MeiliError(code, `Invalid type for filter subexpression: expected: String, found: ${JSON.stringify(inner)}.`)
        }
        const n = parse(inner)
        if (n) ors.push(n)
      }
      if (ors.length) ands.push(ors.length === 1 ? ors[0] : { t: "or", items: ors })
    } else {
      throw new MeiliError(code, `Invalid type for filter subexpression: expected: String, [String], found: ${JSON.stringify(el)}.`)
    }
  }
  if (ands.length === 0) return null
  return ands.length === 1 ? ands[0] : { t: "and", items: ands }
}

// ---------------------------------------------------------------------------------------------
// filterable attributes

/** A filterableAttributes entry: a string pattern, or a granular rule (docs "Configure granular filters"). */
export type FilterableRule = string | { attributePatterns: string[]; features?: { facetSearch?: boolean; filter?: { equality?: boolean; comparison?: boolean } } }

export interface RuleMatch {
  index: number
  equality: boolean
  comparison: boolean
}

/** Attribute pattern matching: exact, a parent of the field (nested fields), or `*` wildcards. */
export function patternMatches(pattern: string, field: string): boolean {
  if (pattern === field || field.startsWith(`${pattern}.`)) return true
  if (!pattern.includes("*")) return false
  const re = new RegExp(`^${pattern.split("*").map((s) => s.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join(".*")}$`)
  return re.test(field)
}

export function matchRule(rules: FilterableRule[], field: string): RuleMatch | undefined {
  for (let index = 0; index < rules.length; index++) {
    const rule = rules[index]
    if (typeof rule === "string") {
      if (patternMatches(rule, field)) return { index, equality: true, comparison: true }
    } else if (rule.attributePatterns.some((p) => patternMatches(p, field))) {
      return { index, equality: rule.features?.filter?.equality ?? true, comparison: rule.features?.filter?.comparison ?? false }
    }
  }
  return undefined
}

export function filterablePatterns(rules: FilterableRule[]): string[] {
  return rules.flatMap((r) => (typeof r === "string" ? [r] : r.attributePatterns))
}

/** Field tokens in the order Meilisearch's FidIter yields them (a stack: last child first). */
function fids(node: FilterNode): FTok[] {
  const out: FTok[] = []
  const stack: FilterNode[] = [node]
  while (stack.length) {
    const cur = stack.pop()!
    if (cur.t === "and" || cur.t === "or") stack.push(...cur.items)
    else if (cur.t === "not") stack.push(cur.item)
    else out.push(cur.fid)
  }
  return out
}

function operatorOf(node: FilterNode): string | undefined {
  switch (node.t) {
    case "cmp":
      return node.op
    case "to":
      return "TO"
    case "in":
      return "IN"
    default:
      return undefined
  }
}

/**
 * Meilisearch checks every attribute of a filter against filterableAttributes before evaluating it:
 * "Attribute `x` is not filterable. Available filterable attribute patterns are: `a`, `b`."
 */
export function checkFilterable(node: FilterNode, rules: FilterableRule[], code: string, prefix = ""): void {
  for (const fid of fids(node)) {
    if (!matchRule(rules, fid.value)) {
      const patterns = [...new Set(filterablePatterns(rules))].sort()
      const tail = patterns.length
        ? ` Available filterable attribute patterns are: ${patterns.map((p) => `\`${p}\``).join(", ")}.`
        : " This index does not have configured filterable attributes."
      throw new MeiliError(code, prefix + withPosition(`Attribute \`${fid.value}\` is not filterable.${tail}`, fid.source, fid.start, fid.end))
    }
  }
  // granular rules may disable equality or comparison operators
  const visit = (n: FilterNode) => {
    if (n.t === "and" || n.t === "or") return n.items.forEach(visit)
    if (n.t === "not") return visit(n.item)
    const op = operatorOf(n)
    if (!op) return
    const match = matchRule(rules, n.fid.value)!
    const isEquality = op === "=" || op === "!=" || op === "IN"
    if ((isEquality && !match.equality) || (!isEquality && !match.comparison)) {
      const allowed = ["OR", "AND", "NOT", ...(match.equality ? ["=", "!=", "IN"] : []), ...(match.comparison ? ["<", ">", "<=", ">=", "TO"] : []), "IS EMPTY", "IS NULL", "EXISTS"]
      const field = n.fid.value
      throw new MeiliError(
        code,
        `${prefix}Filter operator \`${op}\` is not allowed for the attribute \`${field}\`.\n - Note: allowed operators: ${allowed.join(", ")}.\n - Note: field \`${field}\` matched rule #${match.index} in \`filterableAttributes\`\n - Hint: enable ${isEquality ? "equality" : "comparison"} in rule #${match.index} by modifying the features.filter object\n - Hint: prepend another rule matching \`${field}\` with appropriate filter features before rule #${match.index}`
      )
    }
  }
  visit(node)
}

// ---------------------------------------------------------------------------------------------
// evaluation

/** Rust's `f64::from_str` accepts these; non-finite values are not numbers for filters. */
export function parseFiniteNumber(s: string): number | undefined {
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s)) return undefined
  const n = Number(s)
  return Number.isFinite(n) ? n : undefined
}

type Prim = string | number | boolean

function strOf(v: Prim): string | undefined {
  if (typeof v === "string") return normalizeFacet(v)
  if (typeof v === "boolean") return String(v)
  return undefined
}

function inRange(x: number | string, lo: number | string | undefined, loIncl: boolean, hi: number | string | undefined, hiIncl: boolean): boolean {
  if (lo !== undefined && (loIncl ? x < lo : x <= lo)) return false
  if (hi !== undefined && (hiIncl ? x > hi : x >= hi)) return false
  return true
}

function rangeMatch(values: Prim[], lo: string | undefined, loIncl: boolean, hi: string | undefined, hiIncl: boolean, numeric: boolean): boolean {
  const nlo = lo === undefined ? undefined : parseFiniteNumber(lo)
  const nhi = hi === undefined ? undefined : parseFiniteNumber(hi)
  const slo = lo === undefined ? undefined : normalizeFacet(lo)
  const shi = hi === undefined ? undefined : normalizeFacet(hi)
  return values.some((v) => {
    if (typeof v === "number") return numeric && inRange(v, nlo, loIncl, nhi, hiIncl)
    const s = strOf(v)!
    return inRange(s, slo, loIncl, shi, hiIncl)
  })
}

function equals(values: Prim[], raw: string): boolean {
  const n = parseFiniteNumber(raw)
  const s = normalizeFacet(raw)
  return values.some((v) => (typeof v === "number" ? n !== undefined && v === n : strOf(v) === s))
}

/**
 * Does `doc` match `node`? `knownFields` are the fields any document of the index has:
 * Meilisearch answers an empty set for a condition on a field it has never seen (even `!=`).
 */
export function matches(node: FilterNode, doc: Doc, knownFields: Set<string>): boolean {
  switch (node.t) {
    case "and":
      return node.items.every((n) => matches(n, doc, knownFields))
    case "or":
      return node.items.some((n) => matches(n, doc, knownFields))
    case "not":
      return !matches(node.item, doc, knownFields)
    case "geo":
      throw new MeiliError("internal", "The Meilisearch fake does not implement geo filters (`_geoRadius`, `_geoBoundingBox`, `_geoPolygon`).")
    case "contains":
      throw new MeiliError("feature_not_enabled", "Using `CONTAINS` in a filter requires enabling the `contains filter` experimental feature.")
  }
  const field = node.fid.value
  if (!knownFields.has(field)) return false
  const raw = valuesAt(doc, field)
  const values = leaves(raw)
  switch (node.t) {
    case "exists":
      return raw.length > 0
    case "null":
      return raw.some((v) => v === null)
    case "empty":
      return raw.some((v) => v === "" || (Array.isArray(v) && v.length === 0) || (isObject(v) && Object.keys(v).length === 0))
    case "in":
      return node.values.some((v) => equals(values, v.value))
    case "startsWith": {
      const prefix = normalizeFacet(node.value.value)
      if (prefix === "") return raw.length > 0
      return values.some((v) => strOf(v)?.startsWith(prefix) ?? false)
    }
    case "to": {
      const numeric = parseFiniteNumber(node.from.value) !== undefined && parseFiniteNumber(node.to.value) !== undefined
      return rangeMatch(values, node.from.value, true, node.to.value, true, numeric)
    }
    case "cmp": {
      const v = node.value.value
      const numeric = parseFiniteNumber(v) !== undefined
      switch (node.op) {
        case "=":
          return equals(values, v)
        case "!=":
          return !equals(values, v)
        case ">":
          return rangeMatch(values, v, false, undefined, true, numeric)
        case ">=":
          return rangeMatch(values, v, true, undefined, true, numeric)
        case "<":
          return rangeMatch(values, undefined, true, v, false, numeric)
        case "<=":
          return rangeMatch(values, undefined, true, v, true, numeric)
      }
    }
  }
  return false
}

/** CONTAINS is experimental in Meilisearch and off by default: report it as such. */
export function rejectContains(node: FilterNode): void {
  const visit = (n: FilterNode) => {
    if (n.t === "and" || n.t === "or") return n.items.forEach(visit)
    if (n.t === "not") return visit(n.item)
    if (n.t === "contains") {
      throw new MeiliError(
        "feature_not_enabled",
        withPosition(
          "Using `CONTAINS` in a filter requires enabling the `contains filter` experimental feature. See https://github.com/orgs/meilisearch/discussions/763",
          n.keyword.source,
          n.keyword.start,
          n.keyword.end
        )
      )
    }
  }
  visit(node)
}
