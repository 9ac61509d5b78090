import { z } from "@medusajs/framework/zod"

const MAX_LISTED = 10

/**
 * Wraps a schema so a bad document is refused with one sentence per problem, each naming where
 * it is (`rates[3].amount must not be negative (got -5).`). Medusa's own zod formatting shows
 * three issues at most and, inside arrays, reports a wrong value as a missing field; a custom
 * issue's message is passed through as it is.
 */
export function withReadableIssues<T extends z.ZodType>(schema: T) {
  return z.unknown().transform((input, ctx): z.output<T> => {
    const parsed = schema.safeParse(input)
    if (parsed.success) {
      return parsed.data
    }
    const problems = parsed.error.issues.map((issue) => describeIssue(issue, input))
    const more = problems.length > MAX_LISTED ? ` (and ${problems.length - MAX_LISTED} more)` : ""
    ctx.addIssue({ code: "custom", message: problems.slice(0, MAX_LISTED).join(" ") + more })
    return z.NEVER
  })
}

function describeIssue(issue: z.core.$ZodIssue, input: unknown): string {
  const where = formatPath(issue.path)
  const value = valueAt(input, issue.path)
  if (value === undefined && issue.code === "invalid_type") {
    return `${where || "The body"} is required.`
  }
  const message = issue.message.replace(/\.$/, "")
  const got = issue.code === "unrecognized_keys" || issue.path.length === 0 ? "" : describeValue(value)
  return `${where ? `${where} ` : ""}${message}${got ? ` (got ${got})` : ""}.`
}

/** `["rates", 3, "amount"]` → `rates[3].amount`. */
function formatPath(path: PropertyKey[]): string {
  return path.reduce<string>(
    (text, key) => (typeof key === "number" ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key)),
    ""
  )
}

function valueAt(input: unknown, path: PropertyKey[]): unknown {
  let value: unknown = input
  for (const key of path) {
    if (value === null || typeof value !== "object") {
      return undefined
    }
    value = (value as Record<PropertyKey, unknown>)[key]
  }
  return value
}

/** Short scalars only: a whole object or a long string would drown the message. */
function describeValue(value: unknown): string {
  if (value === null || typeof value === "number" || typeof value === "boolean") {
    return String(value)
  }
  if (typeof value === "string") {
    return value.length <= 40 ? JSON.stringify(value) : ""
  }
  return ""
}
