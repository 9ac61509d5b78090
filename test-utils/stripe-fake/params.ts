/**
 * Parameter helpers. Stripe receives application/x-www-form-urlencoded bodies, so every
 * value arrives as a string (or nested object/array for bracket notation); integers and
 * booleans are coerced where the API reference documents them.
 */
import { paramError } from "./errors"

export type Params = Record<string, any>

/** Stripe rejects parameters an endpoint does not know: 400 parameter_unknown. */
export function allowOnly(params: Params, allowed: string[]): void {
  for (const key of Object.keys(params)) {
    if (!allowed.includes(key) && key !== "expand") {
      throw paramError(`Received unknown parameter: ${key}`, key, "parameter_unknown")
    }
  }
}

export function required(params: Params, name: string): void {
  if (params[name] === undefined || params[name] === "") {
    throw paramError(`Missing required param: ${name}.`, name, "parameter_missing")
  }
}

/** Optional string; Stripe treats an empty string as "unset" (null). */
export function str(params: Params, name: string): string | null | undefined {
  const v = params[name]
  if (v === undefined) return undefined
  if (v === "") return null
  if (typeof v !== "string") throw paramError(`Invalid string: ${JSON.stringify(v)}`, name)
  return v
}

export function int(params: Params, name: string, opts: { min?: number } = {}): number | undefined {
  const v = params[name]
  if (v === undefined) return undefined
  if (typeof v !== "string" || !/^-?\d+$/.test(v)) {
    throw paramError(`Invalid integer: ${typeof v === "string" ? v : JSON.stringify(v)}`, name, "parameter_invalid_integer")
  }
  const n = Number(v)
  if (opts.min !== undefined && n < opts.min) {
    throw paramError(`This value must be greater than or equal to ${opts.min}.`, name, "parameter_invalid_integer")
  }
  return n
}

export function bool(params: Params, name: string): boolean | undefined {
  const v = params[name]
  if (v === undefined || v === "") return undefined
  if (v === "true" || v === true) return true
  if (v === "false" || v === false) return false
  throw paramError(`Invalid boolean: ${v}`, name)
}

export function oneOf<T extends string>(params: Params, name: string, values: readonly T[]): T | undefined {
  const v = params[name]
  if (v === undefined || v === "") return undefined
  if (!values.includes(v)) {
    throw paramError(`Invalid ${name}: must be one of ${values.join(", ")}`, name, "parameter_invalid_string")
  }
  return v as T
}

/** Form-encoded arrays may arrive as arrays or index-keyed objects. */
export function list(params: Params, name: string): string[] | undefined {
  const v = params[name]
  if (v === undefined) return undefined
  if (v === "") return []
  if (Array.isArray(v)) return v.map(String)
  if (typeof v === "object") return Object.values(v).map(String)
  return [String(v)]
}

export function obj(params: Params, name: string): Record<string, any> | undefined {
  const v = params[name]
  if (v === undefined) return undefined
  if (v === "") return {}
  if (typeof v !== "object" || Array.isArray(v)) throw paramError(`Invalid object`, name)
  return v
}

/**
 * Stripe API reference, "Metadata": keys are merged on update; setting a key to an empty
 * string removes it; posting `metadata=` (empty) removes all keys.
 */
export function applyMetadata(existing: Record<string, string>, params: Params): Record<string, string> {
  const v = params.metadata
  if (v === undefined) return existing
  if (v === "") return {}
  if (typeof v !== "object" || Array.isArray(v)) throw paramError("Invalid object", "metadata")
  const out = { ...existing }
  for (const [k, val] of Object.entries(v)) {
    if (val === "") delete out[k]
    else out[k] = String(val)
  }
  if (Object.keys(out).length > 50) throw paramError("Metadata can have up to 50 keys.", "metadata")
  return out
}

export function currency(params: Params): string | undefined {
  const v = params.currency
  if (v === undefined) return undefined
  if (typeof v !== "string" || !/^[a-zA-Z]{3}$/.test(v)) throw paramError(`Invalid currency: ${v}`, "currency")
  return v.toLowerCase()
}

/** Stripe's address hash: every field present, unset ones null. */
export function address(value: any, existing?: any): any {
  if (value === undefined) return existing ?? null
  if (value === "") return null
  const base = existing ?? { city: null, country: null, line1: null, line2: null, postal_code: null, state: null }
  const out = { ...base }
  for (const key of Object.keys(base)) {
    if (value[key] !== undefined) out[key] = value[key] === "" ? null : String(value[key])
  }
  return out
}

const ZERO_DECIMAL = new Set(["bif", "clp", "djf", "gnf", "jpy", "kmf", "krw", "mga", "pyg", "rwf", "ugx", "vnd", "vuv", "xaf", "xof", "xpf"])

/** Format an amount in minor units like Stripe's messages do, e.g. "$10.00". */
export function formatAmount(amount: number, cur: string): string {
  const major = ZERO_DECIMAL.has(cur) ? amount : amount / 100
  try {
    return new Intl.NumberFormat("en-US", { style: "currency", currency: cur.toUpperCase() }).format(major)
  } catch {
    return `${major} ${cur}`
  }
}

/**
 * Stripe docs, "Minimum and maximum charge amounts": a PaymentIntent below the minimum
 * fails with code amount_too_small. Only the common currencies are listed here.
 */
const MINIMUM_AMOUNT: Record<string, number> = {
  usd: 50, eur: 50, gbp: 30, cad: 50, aud: 50, chf: 50, nzd: 50, sgd: 50, jpy: 50, dkk: 250, sek: 300, nok: 300, mxn: 1000, hkd: 400,
}

export function assertMinimumAmount(amount: number, cur: string): void {
  const min = MINIMUM_AMOUNT[cur]
  if (min !== undefined && amount < min) {
    throw paramError(`Amount must be at least ${formatAmount(min, cur)} ${cur}`, "amount", "amount_too_small")
  }
}
