import { createHash, randomBytes } from "crypto"

const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"

function base62(bytes: Buffer, length: number): string {
  let out = ""
  for (let i = 0; i < length; i++) out += ALPHABET[bytes[i % bytes.length] % 62]
  return out
}

/** Stripe-style object id: `<prefix>_<24 alphanumerics>` (e.g. pi_…, ch_…, cus_…). */
export function newId(prefix: string): string {
  return `${prefix}_${base62(randomBytes(24), 24)}`
}

/** Random alphanumeric string (client secrets). */
export function randomToken(length: number): string {
  return base62(randomBytes(length), length)
}

/** Deterministic 16-char token (card fingerprints are stable per card number). */
export function stableToken(input: string, length = 16): string {
  return base62(createHash("sha256").update(input).digest(), length)
}

/** Unix seconds, as Stripe's `created` fields. */
export function now(): number {
  return Math.floor(Date.now() / 1000)
}

/** Deep copy (event payloads and test lookups are snapshots, not live references). */
export function clone<T>(value: T): T {
  return value === undefined ? value : JSON.parse(JSON.stringify(value))
}
