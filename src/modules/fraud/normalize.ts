import net from "node:net"
import type { BlocklistType } from "./models/fraud-blocklist-entry"

/** One spelling per value, so "Ada@Example.com " and "ada@example.com" are the same customer. */
export function normalizeBlocklistValue(type: BlocklistType, value: string): string {
  const trimmed = value.trim()
  switch (type) {
    case "email":
      return trimmed.toLowerCase()
    case "ip":
      return normalizeIpOrRange(trimmed)
    case "address":
      return normalizeAddressKey(trimmed)
    case "card_fingerprint":
      return trimmed
  }
}

/** An IP stays as is; a CIDR range keeps its prefix. Anything else is refused by the caller's validation. */
function normalizeIpOrRange(value: string): string {
  const [ip, prefix] = value.split("/")
  // An IPv4 client seen by a dual-stack server ("::ffff:1.2.3.4") is listed as its IPv4 address,
  // the form checkout compares against (an IPv6 inet never contains an IPv4 one).
  const address = prefix === undefined ? ip.toLowerCase().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, "") : ip.toLowerCase()
  return prefix === undefined ? address : `${address}/${Number(prefix)}`
}

export function isIpOrRange(value: string): boolean {
  const [ip, prefix, extra] = value.trim().split("/")
  const version = net.isIP(ip)
  if (!version || extra !== undefined) return false
  if (prefix === undefined) return true
  const bits = Number(prefix)
  return /^\d+$/.test(prefix) && bits >= 0 && bits <= (version === 4 ? 32 : 128)
}

/** "country|postal|street" in lower case without punctuation: how addresses are compared. */
export function addressKey(address: { country_code?: string | null; postal_code?: string | null; address_1?: string | null } | null | undefined): string | null {
  if (!address?.country_code || !address.address_1) return null
  return normalizeAddressKey(`${address.country_code}|${address.postal_code ?? ""}|${address.address_1}`)
}

function normalizeAddressKey(value: string): string {
  return value
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/ß/g, "ss")
    .replace(/[^a-z0-9|]+/g, " ")
    .replace(/\s+/g, " ")
    .split("|")
    .map((part) => part.trim())
    .join("|")
}

/** Loopback and private addresses are the storefront's server or a proxy, not a shopper. */
export function isPublicIp(ip: string | null): ip is string {
  if (!ip || !net.isIP(ip)) return false
  const v4 = ipv4Of(ip.toLowerCase())
  if (v4) {
    const [a, b] = v4.split(".").map(Number)
    return !(a === 10 || a === 127 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254) || a === 0)
  }
  const lower = ip.toLowerCase()
  // ::1, unique-local fc00::/7, link-local fe80::/10.
  return !(lower === "::1" || /^f[cd]/.test(lower) || /^fe[89ab]/.test(lower))
}

/** The IPv4 address inside an IPv4 or IPv4-mapped IPv6 address (::ffff:10.0.0.1 or ::ffff:a00:1). */
function ipv4Of(ip: string): string | null {
  if (net.isIPv4(ip)) return ip
  const mapped = /^::ffff:(.+)$/.exec(ip)?.[1]
  if (!mapped) return null
  if (net.isIPv4(mapped)) return mapped
  const hex = /^([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(mapped)
  if (!hex) return null
  const high = parseInt(hex[1], 16)
  const low = parseInt(hex[2], 16)
  return [high >> 8, high & 255, low >> 8, low & 255].join(".")
}
