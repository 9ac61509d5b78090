/**
 * Request-payload validation with the wording Meilisearch uses for JSON bodies and query strings
 * (its `deserr` messages), e.g.
 *   Invalid value type at `.limit`: expected a positive integer, but found a string: `"doggo"`
 *   Invalid value in parameter `limit`: could not parse `doggo` as a positive integer
 *   Unknown field `foo`: expected one of `q`, `offset`, …
 */
import { MeiliError } from "./errors"

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json }

export function clone<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T)
}

export function isObject(value: unknown): value is Record<string, any> {
  return typeof value === "object" && value !== null && !Array.isArray(value)
}

/** deserr's name for the kind of a JSON value ("a string", "an array", …). */
export function kindOf(value: unknown): string {
  if (value === null || value === undefined) return "null"
  if (typeof value === "boolean") return "a boolean"
  if (typeof value === "number") {
    if (Number.isInteger(value)) return value < 0 ? "a negative integer" : "a positive integer"
    return "a number"
  }
  if (typeof value === "string") return "a string"
  if (Array.isArray(value)) return "an array"
  return "an object"
}

/** "at `.a.b`" or "" for the payload root. */
export function at(path: string): string {
  return path ? ` at \`${path}\`` : ""
}

export function typeError(code: string, path: string, expected: string, found: unknown): MeiliError {
  const foundText = found === null || found === undefined ? "null" : `${kindOf(found)}: \`${JSON.stringify(found)}\``
  return new MeiliError(code, `Invalid value type${at(path)}: expected ${expected}, but found ${foundText}`)
}

export function unknownField(code: string, field: string, expected: readonly string[], inside = ""): MeiliError {
  const where = inside ? ` inside \`${inside}\`` : ""
  return new MeiliError(code, `Unknown field \`${field}\`${where}: expected one of ${expected.map((e) => `\`${e}\``).join(", ")}`)
}

export function rejectUnknownFields(
  body: Record<string, unknown>,
  allowed: readonly string[],
  code = "bad_request",
  inside = ""
): void {
  for (const key of Object.keys(body)) {
    if (!allowed.includes(key)) throw unknownField(code, key, allowed, inside)
  }
}

export function expectString(value: unknown, code: string, path: string, nullable = false): string | null | undefined {
  if (value === undefined) return undefined
  if (value === null && nullable) return null
  if (typeof value !== "string") throw typeError(code, path, "a string", value)
  return value
}

export function expectBool(value: unknown, code: string, path: string): boolean | undefined {
  if (value === undefined) return undefined
  if (typeof value !== "boolean") throw typeError(code, path, "a boolean", value)
  return value
}

export function expectPositiveInt(value: unknown, code: string, path: string, nullable = false): number | null | undefined {
  if (value === undefined) return undefined
  if (value === null && nullable) return null
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0) {
    throw typeError(code, path, "a positive integer", value)
  }
  return value
}

export function expectStringArray(value: unknown, code: string, path: string, nullable = false): string[] | null | undefined {
  if (value === undefined) return undefined
  if (value === null && nullable) return null
  if (!Array.isArray(value)) throw typeError(code, path, "an array", value)
  value.forEach((item, i) => {
    if (typeof item !== "string") throw typeError(code, `${path}[${i}]`, "a string", item)
  })
  return value as string[]
}

// ---- query-string parameters (GET routes) ----

export function paramInt(raw: string | undefined, name: string, code: string): number | undefined {
  if (raw === undefined) return undefined
  if (!/^\d+$/.test(raw)) {
    throw new MeiliError(code, `Invalid value in parameter \`${name}\`: could not parse \`${raw}\` as a positive integer`)
  }
  return Number(raw)
}

export function paramBool(raw: string | undefined, name: string, code: string): boolean | undefined {
  if (raw === undefined) return undefined
  if (raw !== "true" && raw !== "false") {
    throw new MeiliError(
      code,
      `Invalid value in parameter \`${name}\`: could not parse \`${raw}\` as a boolean, expected either \`true\` or \`false\``
    )
  }
  return raw === "true"
}

/** Comma-separated list parameter (the JS client joins arrays with ","). */
export function paramList(raw: string | undefined): string[] | undefined {
  if (raw === undefined) return undefined
  return raw
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s.length > 0)
}

export function rejectUnknownParams(query: Record<string, string>, allowed: readonly string[]): void {
  for (const key of Object.keys(query)) {
    if (!allowed.includes(key)) {
      throw new MeiliError(
        "bad_request",
        `Unknown parameter \`${key}\`: expected one of ${allowed.map((a) => `\`${a}\``).join(", ")}`
      )
    }
  }
}
