import { MedusaError } from "@medusajs/framework/utils"

/**
 * Shared by the providers' option checks: each check collects problems, and all of them are
 * reported at once when Medusa loads the provider, one sentence each, instead of the first
 * one failing at the first notification.
 */
export function throwIfProblems(provider: string, problems: string[]): void {
  if (!problems.length) return
  const sentences = problems.map((problem) => (problem.endsWith(".") ? problem : `${problem}.`))
  throw new MedusaError(MedusaError.Types.INVALID_DATA, `${provider}: ${sentences.join(" ")}`)
}

/** A problem sentence when `value` is set and not a whole number from `min` to `max`. */
export function wholeNumberProblem(value: unknown, name: string, min: number, max: number): string | undefined {
  if (value === undefined) return undefined
  return Number.isInteger(value) && (value as number) >= min && (value as number) <= max
    ? undefined
    : `\`${name}\` must be a whole number from ${min} to ${max}`
}

/** A problem sentence when `value` is set and is not a non-empty string. */
export function optionalStringProblem(value: unknown, name: string): string | undefined {
  if (value === undefined) return undefined
  return typeof value === "string" && value.trim() ? undefined : `\`${name}\` must be a non-empty string when given`
}

/** Parses an http(s) URL without credentials; a problem sentence otherwise. */
export function httpUrlProblem(value: unknown, name: string): string | undefined {
  if (typeof value !== "string") return `\`${name}\` must be an http(s) URL`
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return `\`${name}\` must be an http(s) URL`
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return `\`${name}\` must be an http(s) URL`
  if (url.username || url.password) return `\`${name}\` must not carry credentials`
  return undefined
}
